import type { Pack, PackMeta, Principle, Question, SourceFile } from '../domain/content';
import { factsOf, toFactColumns, type FactColumns } from '../domain/content/facts';
import type { ImportedPack } from '../domain/content/packFile';
import type { PackPreference, RapportDatabase } from './database';
import { deleteListing, erasePackHistory, fromBriefListingsRow, listingScope, progressScope, putListing, type BriefListing } from './derived';

/**
 * An imported pack as the pack list, home and the scheduler read it: no question text, so a
 * candidate with many large packs opens the app without reading them all.
 */
export interface StoredPack {
  id: string;
  meta: PackMeta;
  /** Its questions' facts in authored order, in columns. */
  facts: FactColumns;
  principles: Principle[];
  importedAt: Date;
}

/** One question of an imported pack, read when it is studied, browsed or exported. */
export interface StoredQuestion {
  packId: string;
  questionId: string;
  question: Question;
}

/** An imported pack's source files, read only to share the pack again. */
export interface StoredPackFiles {
  id: string;
  files: SourceFile[];
}

export function listingOf(pack: Pack, principles: Principle[], importedAt: Date): StoredPack {
  const { questions, ...meta } = pack;
  return { id: pack.id, meta, facts: toFactColumns(questions.map(factsOf)), principles, importedAt };
}

/** Stores an imported pack, replacing an earlier version of it; progress stays keyed by question id. */
export async function saveImportedPack(db: RapportDatabase, imported: ImportedPack, now: Date): Promise<StoredPack | undefined> {
  const { pack, principles, files } = imported;
  return db.transaction('rw', [...listingScope(db), db.importedQuestions, db.importedPackFiles], async () => {
    const previous = await db.importedPacks.get(pack.id);
    await db.importedQuestions.where('packId').equals(pack.id).delete();
    await db.importedQuestions.bulkPut(pack.questions.map((question) => ({ packId: pack.id, questionId: question.id, question })));
    await db.importedPackFiles.put({ id: pack.id, files });
    await putListing(db, listingOf(pack, principles, now));
    return previous;
  });
}

/** The imported packs in brief, from their one row: what home and a new study session need. */
export async function readBriefListings(db: RapportDatabase): Promise<BriefListing[]> {
  return fromBriefListingsRow(await db.briefListings.get('imported'));
}

/** The imported packs' listings: titles, question facts and principles, no question text. */
export async function listImportedPacks(db: RapportDatabase): Promise<StoredPack[]> {
  return db.importedPacks.toArray();
}

/** An imported pack with all its questions, in authored order. */
export async function getImportedPack(db: RapportDatabase, id: string): Promise<{ listing: StoredPack; pack: Pack } | undefined> {
  return db.transaction('r', db.importedPacks, db.importedQuestions, async () => {
    const listing = await db.importedPacks.get(id);
    if (!listing) return undefined;
    const questions = await importedQuestions(db, id, listing.facts.ids);
    return { listing, pack: { ...listing.meta, questions } };
  });
}

/** Some questions of an imported pack, in the order asked; ids it no longer has are left out. */
export async function importedQuestions(db: RapportDatabase, packId: string, questionIds: readonly string[]): Promise<Question[]> {
  const rows = await db.importedQuestions.bulkGet(questionIds.map((questionId) => [packId, questionId] as [string, string]));
  return rows.flatMap((row) => (row ? [row.question] : []));
}

export async function importedPackFiles(db: RapportDatabase, id: string): Promise<SourceFile[]> {
  return (await db.importedPackFiles.get(id))?.files ?? [];
}

/** Removes a pack. Its answers stay (a re-import brings them back) unless the candidate asks to erase them too. */
export async function removeImportedPack(db: RapportDatabase, id: string, eraseHistory: boolean): Promise<void> {
  await db.transaction('rw', [...listingScope(db), ...progressScope(db), db.importedQuestions, db.importedPackFiles, db.packPreferences], async () => {
    await deleteListing(db, id);
    await db.importedQuestions.where('packId').equals(id).delete();
    await db.importedPackFiles.delete(id);
    await db.packPreferences.delete(id);
    if (eraseHistory) await erasePackHistory(db, id);
  });
}

/** Each pack's on/off choice, with when it was made. */
export async function packChoices(db: RapportDatabase): Promise<PackPreference[]> {
  return db.packPreferences.toArray();
}

export async function disabledPackIds(db: RapportDatabase): Promise<Set<string>> {
  const preferences = await db.packPreferences.toArray();
  return new Set(preferences.filter((preference) => !preference.enabled).map((preference) => preference.packId));
}

export async function setPackEnabled(db: RapportDatabase, packId: string, enabled: boolean, now = new Date()): Promise<void> {
  // The time of the choice decides which device's choice a merge keeps.
  await db.packPreferences.put({ packId, enabled, changedAt: now.getTime() });
}

/** How many questions of each pack the candidate has answered at least once. */
export async function answeredPerPack(db: RapportDatabase, packIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(packIds.map((id) => db.cards.where('packId').equals(id).count()));
  return new Map(packIds.map((id, index) => [id, counts[index] ?? 0]));
}
