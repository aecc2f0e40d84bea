/**
 * Writes a merge of another device's progress into this device's database: a backup file brought
 * in from Settings, or what sync received. The rules are the domain's (src/domain/merge.ts); this
 * file reads what they need and writes what they decide, in one transaction, the answers and
 * cards through derived.ts (`mergeAnswers`), which keeps the rows derived from them in step.
 *
 * Invariant: afterwards the database holds the union the domain's `mergeProgress` describes, every
 * touched card equals the replay of its live log entries in time order, and the derived rows (day
 * counts and lines, answered questions, `lastCorrect`) equal a rebuild from the log.
 */
import { parseBackup } from '../domain/backup';
import type { ExamAttempt } from '../domain/examSession';
import { endOfLocalDay, mergePackChoices, planMerge, type MergeSummary, type PackChoice, type ProgressSnapshot, type SharedReview, type SyncedSettings } from '../domain/merge';
import type { StoredReview } from '../domain/progress';
import { SYNCED_SETTINGS } from '../domain/settings';
import type { DeletedEntry, RapportDatabase } from './database';
import { mergeAnswers, progressScope } from './derived';
import { loadSettings } from './progress';

/** Every table a merge reads or writes. */
function mergeScope(db: RapportDatabase) {
  return [...progressScope(db), db.examAttempts, db.settings];
}

/**
 * Merges `incoming` into the database. Reads only what the incoming records name (their uids, and
 * the logs of the cards they touch), so a small sync into a long history stays quick.
 */
export async function mergeIntoDatabase(db: RapportDatabase, incoming: ProgressSnapshot, now: Date): Promise<MergeSummary> {
  return db.transaction('rw', mergeScope(db), async () => {
    const named = [...new Set([...incoming.log.map((entry) => entry.uid), ...incoming.deleted])];
    const [live, deleted, attempts, settings] = await Promise.all([
      db.reviewLog.where('uid').anyOf(named).toArray(),
      db.deletedEntries.where('uid').anyOf(named).toArray(),
      db.examAttempts.where('uid').anyOf(incoming.examAttempts.map((attempt) => attempt.uid)).toArray(),
      loadSettings(db),
    ]);
    const plan = planMerge(
      {
        uids: new Set(live.map((entry) => entry.uid)),
        deleted: new Set(deleted.map((entry) => entry.uid)),
        attemptUids: new Set(attempts.map((attempt) => attempt.uid)),
        settings,
      },
      incoming,
    );
    const removing = new Set(plan.remove);
    const removed = live.filter((entry) => removing.has(entry.uid));
    await Promise.all([
      mergeAnswers(db, { add: plan.add, remove: removed, deleted: plan.deleted }),
      db.examAttempts.bulkAdd(plan.examAttempts.map(withoutLocalId)),
      plan.settings ? saveMergedSettings(db, plan.settings.value) : undefined,
    ]);
    return {
      answersAdded: plan.add.length,
      answersRemoved: removed.length,
      examsAdded: plan.examAttempts.length,
      settingsTaken: plan.settings?.taken ?? [],
      dueToday: await db.cards.where('due').below(endOfLocalDay(now)).count(),
    };
  });
}

/** A record without this or another device's local key: records from a backup carry the other device's. */
function withoutLocalId<Record extends object>(record: Record): Omit<Record, 'id'> {
  const { id: _id, ...rest } = record as Record & { id?: unknown };
  return rest;
}

async function saveMergedSettings(db: RapportDatabase, merged: SyncedSettings): Promise<void> {
  const current = await loadSettings(db);
  const synced = Object.fromEntries(SYNCED_SETTINGS.map((field) => [field, merged[field]]));
  await db.settings.put({ ...current, ...synced, changedAt: merged.changedAt, id: 'settings' });
}

/** This device's progress as a merge sees it: every live entry, deletion, finished exam and the synced settings. */
export async function progressSnapshot(db: RapportDatabase): Promise<ProgressSnapshot> {
  return db.transaction('r', [db.reviewLog, db.deletedEntries, db.examAttempts, db.settings], async () => {
    const [log, deleted, attempts, settings] = await Promise.all([
      db.reviewLog.toArray(),
      db.deletedEntries.orderBy('uid').uniqueKeys(),
      db.examAttempts.toArray(),
      loadSettings(db),
    ]);
    return { log: log.map(withoutLocalId) as SharedReview[], deleted: deleted.map(String), examAttempts: attempts.map(withoutLocalId), settings };
  });
}

/**
 * Brings in a backup made on another device: its answers, deletions, exams and newer settings are
 * merged with this device's; nothing here is lost. The file is checked like a restore's.
 */
export async function mergeBackup(db: RapportDatabase, text: string, now: Date): Promise<{ summary: MergeSummary; skipped: string[] }> {
  const backup = parseBackup(text);
  const summary = await mergeIntoDatabase(db, { log: backup.reviewLog, deleted: backup.deleted, examAttempts: backup.examAttempts, settings: backup.settings }, now);
  return { summary, skipped: backup.skipped };
}

// ---------------------------------------------------------------------------------------------
// What sync reads to send, in the order things were written here.

/** Log entries written here (or merged in) after local id `afterId`, oldest first. */
export async function logEntriesAfter(db: RapportDatabase, afterId: number, limit: number): Promise<StoredReview[]> {
  return db.reviewLog.where(':id').above(afterId).limit(limit).toArray();
}

/** Uids deleted here after `afterSeq`, in order, with their numbers. */
export async function deletionsAfter(db: RapportDatabase, afterSeq: number, limit: number): Promise<DeletedEntry[]> {
  return db.deletedEntries.where(':id').above(afterSeq).limit(limit).toArray();
}

export async function examAttemptsAfter(db: RapportDatabase, afterId: number): Promise<ExamAttempt[]> {
  return db.examAttempts.where(':id').above(afterId).toArray();
}

/** Changes whenever progress is replaced whole (a restore): sync then compares everything again. */
export async function progressGeneration(db: RapportDatabase): Promise<string> {
  return (await db.localMarks.get('generation'))?.value ?? 'first';
}

/** Takes, for each pack, the on/off choice made last, here or on another device; returns the packs whose choice changed. */
export async function mergePackChoicesIntoDatabase(db: RapportDatabase, incoming: readonly PackChoice[]): Promise<string[]> {
  return db.transaction('rw', db.packPreferences, async () => {
    const local = (await db.packPreferences.toArray()).map((choice) => ({ ...choice, changedAt: choice.changedAt ?? 0 }));
    const before = new Map(local.map((choice) => [choice.packId, choice]));
    const changed = mergePackChoices(local, incoming).filter((choice) => {
      const held = before.get(choice.packId);
      return !held || held.enabled !== choice.enabled || held.changedAt !== choice.changedAt;
    });
    await db.packPreferences.bulkPut(changed);
    return changed.map((choice) => choice.packId);
  });
}
