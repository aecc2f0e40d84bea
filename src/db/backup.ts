import { createBackup, parseBackup, type Backup } from '../domain/backup';
import { answeredRows, type RapportDatabase } from './database';
import { loadSettings } from './progress';
import { newRecordUid, noteDeleted } from './uids';
import { newestAnswers, withNewestAnswers } from '../domain/progress';
import { tallyDayAnswers, tallyStudyDays } from '../domain/statistics';

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
  await db.transaction('rw', [db.cards, db.reviewLog, db.settings, db.session, db.answeredQuestions, db.studyDays, db.dayAnswers, db.deletedEntries, db.examAttempts, db.localMarks], async () => {
    await Promise.all([db.cards.clear(), db.reviewLog.clear(), db.session.clear(), db.answeredQuestions.clear(), db.studyDays.clear(), db.dayAnswers.clear(), db.deletedEntries.clear()]);
    await noteDeleted(db, backup.deleted.map((uid) => ({ uid })));
    // Exams are never erased: the backup's are added to those here.
    const held = new Set((await db.examAttempts.orderBy('uid').uniqueKeys()).map(String));
    await db.examAttempts.bulkAdd(backup.examAttempts.filter((attempt) => !held.has(attempt.uid)).map(({ id: _id, ...attempt }) => attempt));
    // Progress replaced whole: sync compares everything with its server again.
    await db.localMarks.put({ id: 'generation', value: newRecordUid() });
    await db.answeredQuestions.bulkPut(answeredRows(backup.cards));
    await db.studyDays.bulkPut([...tallyStudyDays(backup.reviewLog).values()]);
    await db.dayAnswers.bulkPut([...tallyDayAnswers(backup.reviewLog).values()]);
    // Rebuilt from the log, so a backup from before lastCorrect existed restores the same mastery.
    await db.cards.bulkPut(withNewestAnswers(backup.cards, newestAnswers(oldestFirst(backup.reviewLog))));
    await db.reviewLog.bulkPut(backup.reviewLog);
    if (backup.settings) await db.settings.put({ ...backup.settings, id: 'settings' });
  });
  return { cards: backup.cards.length, reviews: backup.reviewLog.length, skipped: backup.skipped };
}

function oldestFirst<Entry extends { id?: number | undefined; review: Date }>(log: readonly Entry[]): Entry[] {
  return [...log].sort((a, b) => a.review.getTime() - b.review.getTime() || (a.id ?? 0) - (b.id ?? 0));
}
