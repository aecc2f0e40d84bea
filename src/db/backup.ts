import { createBackup, parseBackup, type Backup } from '../domain/backup';
import type { RapportDatabase } from './database';
import { progressScope, replaceProgress } from './derived';
import { loadSettings } from './progress';
import { newRecordUid } from './uids';

/** All progress (cards, log, deletions, exam history, settings) as one backup object; write it out with JSON.stringify. */
export async function exportBackup(db: RapportDatabase, now: Date): Promise<Backup> {
  return db.transaction('r', [db.cards, db.reviewLog, db.settings, db.deletedEntries, db.examAttempts], async () => {
    const [cards, reviewLog, deleted, examAttempts, settings] = await Promise.all([
      db.cards.toArray(),
      db.reviewLog.toArray(),
      db.deletedEntries.orderBy('uid').uniqueKeys(),
      db.examAttempts.toArray(),
      loadSettings(db),
    ]);
    return createBackup({ cards, reviewLog, deleted: deleted.map(String), examAttempts: examAttempts.map(({ id: _id, ...attempt }) => attempt), settings }, now);
  });
}

/**
 * Replaces all progress with a backup. The file is checked completely before anything is
 * written, and the write is one transaction: an unreadable file or a failed write changes nothing.
 * A record that fails its check is left out and named; the rest is restored.
 */
export async function restoreBackup(db: RapportDatabase, text: string): Promise<{ cards: number; reviews: number; skipped: string[] }> {
  const backup = parseBackup(text);
  await db.transaction('rw', [...progressScope(db), db.settings, db.session, db.examAttempts, db.localMarks], async () => {
    await db.session.clear();
    await replaceProgress(db, backup.cards, backup.reviewLog, backup.deleted);
    // Finished exams are never erased: the backup's are added to those here.
    const held = new Set((await db.examAttempts.orderBy('uid').uniqueKeys()).map(String));
    await db.examAttempts.bulkAdd(backup.examAttempts.filter((attempt) => !held.has(attempt.uid)).map(({ id: _id, ...attempt }) => attempt));
    // Progress replaced whole: sync compares everything with its server again.
    await db.localMarks.put({ id: 'generation', value: newRecordUid() });
    if (backup.settings) await db.settings.put({ ...backup.settings, id: 'settings' });
  });
  return { cards: backup.cards.length, reviews: backup.reviewLog.length, skipped: backup.skipped };
}
