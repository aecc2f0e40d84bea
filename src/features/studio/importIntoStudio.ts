import { problem } from '../../domain/content/frontMatter';
import { guessFileKind, notAPackMessage } from '../../domain/content/fileKind';
import { IMPORT_LIMITS, readImportSources } from '../../domain/content/packFile';
import { isZip, readPackZip } from '../../domain/content/packZip';
import type { Problem } from '../../domain/content';
import { draftFromFiles, type Draft } from '../../domain/studio/draft';
import { libraryPrinciples, type StudioLibrary } from '../../domain/studio/checkDraft';
import { newDraftId } from './newDraftId';

export const STUDIO_ACCEPTS = '.json,.zip,.gift,.txt,.csv,application/json,application/zip';

/**
 * Opens a file as a new draft: a pack file, a zip of a pack folder, or a GIFT or CSV quiz, read by
 * the same importers (and with the same messages) as everywhere else. Content errors do not stop
 * it: the author opens the pack to fix them. Only a file that is no pack at all is refused.
 */
export async function draftFromFile(file: File, library: StudioLibrary, now: Date): Promise<{ draft: Draft } | { problems: Problem[] }> {
  if (file.size > IMPORT_LIMITS.totalBytes) {
    return { problems: [problem(file.name, 1, `${file.name} is ${(file.size / 1_048_576).toFixed(1)} MB; packs of up to ${IMPORT_LIMITS.totalBytes / 1_048_576} MB can be opened.`)] };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sources = isZip(bytes) ? fromZip(file.name, bytes) : fromText(file.name, new TextDecoder().decode(bytes));
  if ('problems' in sources) return sources;
  return { draft: draftFromFiles(newDraftId(), `Imported from ${file.name}`, sources.files, libraryPrinciples(library), now) };
}

function fromZip(name: string, bytes: Uint8Array) {
  const unzipped = readPackZip(name, bytes);
  return 'problems' in unzipped ? unzipped : readImportSources({ kind: 'sources', files: unzipped.files });
}

function fromText(name: string, text: string) {
  const kind = guessFileKind(name, text);
  if (kind === 'pack-file' || kind === 'json') return readImportSources({ kind: 'pack-file', name, text });
  if (kind === 'pack-source') return readImportSources({ kind: 'sources', files: [{ name, text }] });
  return { problems: [problem(name, 1, notAPackMessage(name, kind))] };
}
