import Dexie from 'dexie';
import { cardKey } from '../domain/queue';
import type { RapportDatabase } from './database';

/**
 * Whether the most recent answer to each question of these packs was right, by card key.
 * Walks the [packId+questionId] index with a key cursor, so the log's 200,000 entries are never
 * read in full: within one key the cursor runs in id order, so the last id seen is the newest
 * answer. Only those newest entries are then read.
 */
export async function latestAnswers(db: RapportDatabase, packIds: readonly string[]): Promise<Map<string, boolean>> {
  return db.transaction('r', db.reviewLog, async () => {
    const newest = new Map<string, number>();
    for (const packId of new Set(packIds)) {
      await db.reviewLog
        .where('[packId+questionId]')
        .between([packId, Dexie.minKey], [packId, Dexie.maxKey])
        .eachKey((key, cursor) => {
          const [, questionId] = key as [string, string];
          newest.set(cardKey(packId, questionId), cursor.primaryKey);
        });
    }
    const keys = [...newest.keys()];
    const entries = await db.reviewLog.bulkGet([...newest.values()]);
    const latest = new Map<string, boolean>();
    entries.forEach((entry, index) => {
      const key = keys[index];
      if (entry && key !== undefined) latest.set(key, entry.correct);
    });
    return latest;
  });
}
