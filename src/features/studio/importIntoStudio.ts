import { formatProblem } from '../../domain/content/compile';
import { importCsv } from '../../domain/content/csv';
import { guessFileKind, notAPackMessage, STUDIO_ACCEPTED_FILES } from '../../domain/content/fileKind';
import { problem } from '../../domain/content/frontMatter';
import { importGift } from '../../domain/content/gift';
import { decodeImportedFile } from '../../domain/content/importing';
import { IMPORT_LIMITS, readImportSources } from '../../domain/content/packFile';
import { isZip, readPackZip } from '../../domain/content/packZip';
import { packYamlSource } from '../../domain/content/source';
import type { Problem, SourceFile } from '../../domain/content';
import { libraryPrinciples, type StudioLibrary } from '../../domain/studio/checkDraft';
import { draftFromFiles, idFromTitle, type Draft } from '../../domain/studio/draft';
import { newDraftId } from './newDraftId';

export const STUDIO_ACCEPTS = '.json,.zip,.gift,.txt,.csv,.tsv,application/json,application/zip,text/csv';

/**
 * Opens a file as a new draft: a pack file, a zip of a pack folder, or a GIFT or CSV quiz, read by
 * the same importers (and with the same messages) as the command line. Content errors do not stop
 * it: the author opens the pack to fix them. Only a file that is no pack at all is refused.
 */
export async function draftFromFile(file: File, library: StudioLibrary, now: Date): Promise<{ draft: Draft } | { problems: Problem[] }> {
  if (file.size > IMPORT_LIMITS.totalBytes) {
    return { problems: [problem(file.name, 1, `${file.name} is ${(file.size / 1_048_576).toFixed(1)} MB; packs of up to ${IMPORT_LIMITS.totalBytes / 1_048_576} MB can be opened.`)] };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes)) return asDraft(file.name, fromZip(file.name, bytes), library, now);
  const text = new TextDecoder().decode(bytes);
  const kind = guessFileKind(file.name, text);
  if (kind === 'gift' || kind === 'csv') return fromQuiz(file.name, bytes, kind, library, now);
  if (kind === 'pack-file') return asDraft(file.name, readImportSources({ kind: 'pack-file', name: file.name, text }), library, now);
  if (kind === 'pack-source') return asDraft(file.name, readImportSources({ kind: 'sources', files: [{ name: file.name, text }] }), library, now);
  return { problems: [problem(file.name, 1, notAPackMessage(file.name, kind, STUDIO_ACCEPTED_FILES))] };
}

function asDraft(name: string, sources: { files: SourceFile[] } | { problems: Problem[] }, library: StudioLibrary, now: Date): { draft: Draft } | { problems: Problem[] } {
  if ('problems' in sources) return sources;
  return { draft: draftFromFiles(newDraftId(), `Imported from ${name}`, sources.files, libraryPrinciples(library), now) };
}

function fromZip(name: string, bytes: Uint8Array) {
  const unzipped = readPackZip(name, bytes);
  return 'problems' in unzipped ? unzipped : readImportSources({ kind: 'sources', files: unzipped.files });
}

/**
 * A Moodle quiz or a spreadsheet as a new pack, named after the file. The importers invent
 * nothing: what the file does not give (area, principles, the pack's description and authors) is
 * left empty, and the checker asks for it. What they skipped stays with the draft as notes.
 */
function fromQuiz(name: string, bytes: Uint8Array, kind: 'gift' | 'csv', library: StudioLibrary, now: Date): { draft: Draft } | { problems: Problem[] } {
  const decoded = decodeImportedFile(name, bytes);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const title = name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim() || 'Imported questions';
  const packId = idFromTitle(title);
  const options = { packId, otherIds: libraryPrinciples(library).map((principle) => principle.id) };
  const result = kind === 'gift' ? importGift(name, decoded.text, options) : importCsv(name, decoded.text, options);
  if (result.questions.length === 0) {
    const why = result.problems.length > 0 ? result.problems : [problem(name, 1, `${name} holds no single-answer multiple-choice question to import.`)];
    return { problems: why };
  }
  const files = [
    { path: `packs/${packId}/pack.yaml`, text: packYamlSource({ id: packId, title, version: '1.0.0', description: '', authors: [] }) },
    ...result.questions.map((question) => ({ path: `packs/${packId}/${question.fileName}`, text: question.text })),
  ];
  const draft = draftFromFiles(newDraftId(), `Imported from ${name}`, files, libraryPrinciples(library), now);
  return { draft: result.problems.length > 0 ? { ...draft, importNotes: result.problems.map((item) => formatProblem(item)) } : draft };
}
