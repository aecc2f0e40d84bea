import Dexie from 'dexie';
import type { ImportedPack } from '../domain/content/packFile';
import type { RapportDatabase, StoredPack } from './database';

/** Stores an imported pack, replacing an earlier version of it; progress stays keyed by question id. */
export async function saveImportedPack(db: RapportDatabase, imported: ImportedPack, now: Date): Promise<StoredPack | undefined> {
  return db.transaction('rw', db.importedPacks, async () => {
    const previous = await db.importedPacks.get(imported.pack.id);
    await db.importedPacks.put({ id: imported.pack.id, pack: imported.pack, principles: imported.principles, files: imported.files, importedAt: now });
    return previous;
  });
}

export async function listImportedPacks(db: RapportDatabase): Promise<StoredPack[]> {
  return db.importedPacks.toArray();
}

export async function getImportedPack(db: RapportDatabase, id: string): Promise<StoredPack | undefined> {
  return db.importedPacks.get(id);
}

/** Removes a pack. Its answers stay (a re-import brings them back) unless the candidate asks to erase them too. */
export async function removeImportedPack(db: RapportDatabase, id: string, eraseHistory: boolean): Promise<void> {
  await db.transaction('rw', db.importedPacks, db.packPreferences, db.cards, db.reviewLog, async () => {
    await db.importedPacks.delete(id);
    await db.packPreferences.delete(id);
    if (eraseHistory) {
      await db.cards.where('packId').equals(id).delete();
      await db.reviewLog.where('[packId+questionId]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
    }
  });
}

export async function disabledPackIds(db: RapportDatabase): Promise<Set<string>> {
  const preferences = await db.packPreferences.toArray();
  return new Set(preferences.filter((preference) => !preference.enabled).map((preference) => preference.packId));
}

export async function setPackEnabled(db: RapportDatabase, packId: string, enabled: boolean): Promise<void> {
  await db.packPreferences.put({ packId, enabled });
}

/** How many questions of each pack the candidate has answered at least once. */
export async function answeredPerPack(db: RapportDatabase, packIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(packIds.map((id) => db.cards.where('packId').equals(id).count()));
  return new Map(packIds.map((id, index) => [id, counts[index] ?? 0]));
}
