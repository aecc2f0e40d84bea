import { createBackup, parseBackup, type Backup } from '../domain/backup';
import type { RapportDatabase } from './database';
import { progressScope, replaceProgress } from './derived';
import { loadSettings } from './progress';

/** All progress (cards, log, settings) as one backup object; write it out with JSON.stringify. */
export async function exportBackup(db: RapportDatabase, now: Date): Promise<Backup> {
  return db.transaction('r', db.cards, db.reviewLog, db.settings, async () =>
    createBackup({ cards: await db.cards.toArray(), reviewLog: await db.reviewLog.toArray(), settings: await loadSettings(db) }, now),
  );
}

/**
 * Replaces all progress with a backup. The file is checked completely before anything is
 * written, and the write is one transaction: an unreadable file or a failed write changes nothing.
 * A record that fails its check is left out and named; the rest is restored.
 */
export async function restoreBackup(db: RapportDatabase, text: string): Promise<{ cards: number; reviews: number; skipped: string[] }> {
  const backup = parseBackup(text);
  await db.transaction('rw', [...progressScope(db), db.settings, db.session], async () => {
    await db.session.clear();
    await replaceProgress(db, backup.cards, backup.reviewLog);
    if (backup.settings) await db.settings.put({ ...backup.settings, id: 'settings' });
  });
  return { cards: backup.cards.length, reviews: backup.reviewLog.length, skipped: backup.skipped };
}
