import { loadPrincipleLibrary, builtInPacks } from '../../catalog/catalog';
import { database } from '../../db/database';
import { listImportedPacks, saveImportedPack, type StoredPack } from '../../db/packs';
import { checkImport, compareVersions, type ImportOutcome } from '../../domain/content/packFile';
import type { Pack, Problem } from '../../domain/content';
import type { FactColumns } from '../../domain/content/facts';
import type { PickedFile } from './readPickedFiles';

export interface ImportReport {
  problems: Problem[];
  /** The files are not a pack the app can read: the message says what they seem to be. */
  unreadable?: boolean;
  /** Set when the file holds an older version of an installed pack: nothing was stored, the candidate is asked. */
  older?: { title: string; installed: string; incoming: string };
  /** Set when the pack was stored. */
  stored?: { title: string; version: string; questions: number; previousVersion?: string; changed: number; added: number; removed: number };
}

/** Checks picked files with the same code as `content:check` and stores the pack only if it has no errors. */
export async function importPickedFiles(files: PickedFile[], onProgress: (done: number, total: number) => void, options: { allowOlder?: boolean } = {}): Promise<ImportReport> {
  const { outcome, stored } = await checkPickedFiles(files, onProgress);
  if (!outcome.imported) return { problems: outcome.problems, unreadable: outcome.unreadable };
  const { pack: incoming } = outcome.imported;
  const installed = stored.find((listing) => listing.id === incoming.id);
  // An older file would quietly undo the author's fixes: ask first.
  if (installed && !options.allowOlder && compareVersions(incoming.version, installed.meta.version) < 0) {
    return { problems: outcome.problems, older: { title: installed.meta.title, installed: installed.meta.version, incoming: incoming.version } };
  }
  const previous = await saveImportedPack(database(), outcome.imported, new Date());
  const { pack } = outcome.imported;
  return { problems: outcome.problems, stored: { title: pack.title, version: pack.version, questions: pack.questions.length, previousVersion: previous?.meta.version, ...compare(previous?.facts, pack) } };
}

/** The checks an import runs, against the library and the packs already imported; stores nothing. */
export async function checkPickedFiles(files: PickedFile[], onProgress: (done: number, total: number) => void = () => {}): Promise<{ outcome: ImportOutcome; stored: StoredPack[] }> {
  const single = files.length === 1 && files[0]?.name.endsWith('.json') ? files[0] : undefined;
  const input = single ? { kind: 'pack-file' as const, name: single.name, text: single.text } : { kind: 'sources' as const, files };
  const [principles, stored] = await Promise.all([loadPrincipleLibrary(), listImportedPacks(database())]);
  const imported = stored.map((listing) => ({ packId: listing.id, packTitle: listing.meta.title, principles: listing.principles }));
  return { outcome: await checkImport(input, { principles, packIds: builtInPacks.map((pack) => pack.id), imported }, onProgress), stored };
}

function compare(before: FactColumns | undefined, after: Pack): { changed: number; added: number; removed: number } {
  if (!before) return { changed: 0, added: after.questions.length, removed: 0 };
  const old = new Map(before.ids.map((id, index) => [id, before.hashes[index]]));
  const now = new Set(after.questions.map((question) => question.id));
  return {
    changed: after.questions.filter((question) => old.has(question.id) && old.get(question.id) !== question.contentHash).length,
    added: after.questions.filter((question) => !old.has(question.id)).length,
    removed: [...old.keys()].filter((id) => !now.has(id)).length,
  };
}
