import Dexie from 'dexie';
import type { Pack, Question, SourceFile } from '../domain/content';
import type { ImportedPack } from '../domain/content/packFile';
import { adjustStudyDays } from './progress';
import { briefListingsRow, fromBriefListingsRow, listingOf, type BriefListing, type PackPreference, type RapportDatabase, type StoredPack } from './database';
import { noteDeleted } from './uids';

/** Stores an imported pack, replacing an earlier version of it; progress stays keyed by question id. */
export async function saveImportedPack(db: RapportDatabase, imported: ImportedPack, now: Date): Promise<StoredPack | undefined> {
  const { pack, principles, files } = imported;
  return db.transaction('rw', [db.importedPacks, db.importedQuestions, db.importedPackFiles, db.briefListings], async () => {
    const previous = await db.importedPacks.get(pack.id);
    await db.importedQuestions.where('packId').equals(pack.id).delete();
    await db.importedQuestions.bulkPut(pack.questions.map((question) => ({ packId: pack.id, questionId: question.id, question })));
    await db.importedPackFiles.put({ id: pack.id, files });
    await db.importedPacks.put(listingOf(pack, principles, now));
    await rewriteBriefListings(db);
    return previous;
  });
}

/** Called inside every transaction that writes a listing, so the brief row never disagrees with them. */
async function rewriteBriefListings(db: RapportDatabase): Promise<void> {
  await db.briefListings.put(briefListingsRow(await db.importedPacks.toArray()));
}

/** The imported packs in brief, from their one row: what home and a new study session need. */
export async function readBriefListings(db: RapportDatabase): Promise<BriefListing[]> {
  const row = await db.briefListings.get('imported');
  return row ? fromBriefListingsRow(row) : [];
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
  await db.transaction('rw', [db.importedPacks, db.importedQuestions, db.importedPackFiles, db.briefListings, db.packPreferences, db.cards, db.reviewLog, db.answeredQuestions, db.studyDays, db.dayAnswers, db.deletedEntries], async () => {
    await db.importedPacks.delete(id);
    await rewriteBriefListings(db);
    await db.importedQuestions.where('packId').equals(id).delete();
    await db.importedPackFiles.delete(id);
    await db.packPreferences.delete(id);
    if (eraseHistory) {
      await db.cards.where('packId').equals(id).delete();
      await db.answeredQuestions.delete(id);
      const history = db.reviewLog.where('[packId+questionId]').between([id, Dexie.minKey], [id, Dexie.maxKey]);
      const erased = await history.toArray();
      await adjustStudyDays(db, erased, -1);
      await noteDeleted(db, erased);
      await history.delete();
    }
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
