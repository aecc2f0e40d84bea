import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { problem } from './frontMatter';
import { IMPORT_LIMITS } from './packFile';
import type { Problem, SourceFile } from './types';

/**
 * A pack as a zip of its folder, for instructors who keep packs in git: one folder that holds
 * `packs/<id>/` and `principles/`, so `npm run content:check -- FOLDER` checks exactly what the
 * studio checked.
 */
export function packZip(folderName: string, files: readonly SourceFile[], readme: string): Uint8Array<ArrayBuffer> {
  const entries: Zippable = { [`${folderName}/README.md`]: strToU8(readme) };
  for (const file of files) entries[`${folderName}/${file.path}`] = strToU8(file.text);
  return zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

/** Bytes that start like a zip archive ("PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The text files of a zip, with the folder it was made from taken off their paths. Sizes are
 * checked against the import limits from the archive's directory before anything is inflated,
 * so a small archive that would unpack to gigabytes is refused unread.
 */
export function readPackZip(name: string, bytes: Uint8Array): { files: { name: string; text: string }[] } | { problems: Problem[] } {
  let total = 0;
  let count = 0;
  let refusal: string | undefined;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (!wanted(entry.name) || refusal) return false;
        count++;
        total += entry.originalSize;
        if (entry.originalSize > IMPORT_LIMITS.fileBytes) refusal = `${entry.name} in ${name} is ${Math.round(entry.originalSize / 1024)} KB; a question or principle can be at most ${IMPORT_LIMITS.fileBytes / 1024} KB`;
        else if (total > IMPORT_LIMITS.totalBytes) refusal = `${name} unpacks to more than ${IMPORT_LIMITS.totalBytes / 1_048_576} MB; a pack can be at most that`;
        else if (count > IMPORT_LIMITS.files) refusal = `${name} holds more than ${IMPORT_LIMITS.files} files; a pack can have at most that many`;
        return !refusal;
      },
    });
  } catch (error) {
    return { problems: [problem(name, 1, `${name} is not a zip file that can be opened (${error instanceof Error ? error.message : String(error)}).`)] };
  }
  if (refusal) return { problems: [problem(name, 1, refusal)] };
  const names = Object.keys(entries);
  // Zipped from a content folder (…/packs/<id>/pack.yaml): keep the paths below it.
  const root = names.map((path) => /^(.*?)packs\/[^/]+\/pack\.ya?ml$/.exec(path)?.[1]).find((prefix) => prefix !== undefined);
  const files = names
    .filter((path) => root === undefined || path.startsWith(root))
    .map((path) => ({ name: root === undefined ? path : path.slice(root.length), text: strFromU8(entries[path] as Uint8Array) }));
  if (files.length === 0) return { problems: [problem(name, 1, `${name} holds no pack files (pack.yaml and questions in Markdown).`)] };
  return { files };
}

function wanted(path: string): boolean {
  return /\.(md|ya?ml)$/i.test(path) && !/(^|\/)(__MACOSX|\.[^/]*)\//.test(path) && !/(^|\/)README\.md$/i.test(path);
}
