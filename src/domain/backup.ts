import './zodSetup';
import { z } from 'zod';
import type { ExamAttempt } from './examSession';
import type { Settings, StoredCard, StoredReview } from './progress';
import { cardSchema, describeIssue, examAttemptSchema, reviewSchema, settingsSchema, uidSchema, withAttemptUid, withUid } from './progressRecords';

export const BACKUP_FORMAT = 'rapport-backup';
/**
 * Format 2 adds each answer's uid, the uids of answers taken back or erased, the exam history and
 * when each setting was changed, for merging with another device. Format 1 still restores and merges.
 */
export const BACKUP_VERSION = 2;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: string;
  cards: StoredCard[];
  reviewLog: StoredReview[];
  /** Uids of answers taken back or erased, so a merge never brings them back. */
  deleted: string[];
  examAttempts: ExamAttempt[];
  settings: Settings;
}

// The envelope is checked whole; records one by one, so one bad record costs that record, not the file.
const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  exportedAt: z.string(),
  cards: z.array(z.unknown()).max(500_000),
  reviewLog: z.array(z.unknown()).max(5_000_000),
  deleted: z.array(z.unknown()).max(5_000_000).optional(),
  examAttempts: z.array(z.unknown()).max(100_000).optional(),
  settings: z.unknown(),
});

export class BackupError extends Error {}

/** A backup as read: the records that passed, and a line for each one left out. */
export interface ReadBackup extends Omit<Backup, 'settings'> {
  /** Undefined when the file's settings were unreadable: the device keeps its own. */
  settings: Settings | undefined;
  skipped: string[];
}

/** Reads a backup file's text; throws a BackupError that says what is wrong and where when the file as a whole is unreadable. */
export function parseBackup(text: string): ReadBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not a Rapport backup: it is not valid JSON.');
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a Rapport backup: it has no "format": "rapport-backup" field.');
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError(`This backup was made by a newer version of Rapport (format ${version}); update the app to restore it.`);
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) throw new BackupError(`This backup is damaged and was not restored: ${describeIssue(envelope.error.issues[0])}.`);
  const skipped: string[] = [];
  const keep = <Record>(schema: z.ZodType<Record>, records: unknown[], name: string): Record[] =>
    records.flatMap((record, index) => {
      const result = schema.safeParse(record);
      if (result.success) return [result.data];
      skipped.push(`${name} ${index + 1}: ${describeIssue(result.error.issues[0])}`);
      return [];
    });
  const cards = keep(cardSchema, envelope.data.cards, 'question') as StoredCard[];
  const reviewLog = keep(reviewSchema, envelope.data.reviewLog, 'answer').map(withUid);
  const deleted = keep(uidSchema, envelope.data.deleted ?? [], 'erased answer');
  const examAttempts = keep(examAttemptSchema, envelope.data.examAttempts ?? [], 'exam').map(withAttemptUid);
  const settings = settingsSchema.safeParse(envelope.data.settings);
  if (!settings.success) skipped.push(`settings: ${describeIssue(settings.error.issues[0])} (this device keeps its own)`);
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_VERSION,
    exportedAt: envelope.data.exportedAt,
    cards,
    reviewLog,
    deleted,
    examAttempts,
    settings: settings.success ? (settings.data as Settings) : undefined,
    skipped,
  };
}

export function createBackup(parts: Omit<Backup, 'format' | 'formatVersion' | 'exportedAt'>, now: Date): Backup {
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_VERSION, exportedAt: now.toISOString(), ...parts };
}
