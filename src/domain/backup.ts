import './zodSetup';
import { z } from 'zod';
import { RETENTION_RANGE } from './settings';
import { ID_MAX_LENGTH } from './ids';
import type { Settings, StoredCard, StoredReview } from './progress';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: string;
  cards: StoredCard[];
  reviewLog: StoredReview[];
  settings: Settings;
}

const date = z.coerce.date({ error: 'is not a date' });
const id = z.string().min(1, "is empty").max(ID_MAX_LENGTH, `is longer than ${ID_MAX_LENGTH} characters`);
const count = z.number().int().min(0);
const state = z.number().int().min(0).max(3);
const grade = z.number().int().min(1).max(4);

/** What a card and a log entry both hold of FSRS's state. */
const scheduled = {
  due: date,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsed_days: z.number().min(0),
  scheduled_days: z.number().min(0),
  learning_steps: count,
  state,
};

const cardSchema = z.strictObject({
  ...scheduled,
  packId: id,
  questionId: id,
  contentHash: z.string().max(64),
  reps: count,
  lapses: count,
  last_review: date.optional(),
  lastCorrect: z.boolean().optional(),
});

const reviewSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  packId: id,
  questionId: id,
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  chosen: z.enum(['A', 'B', 'C', 'D']),
  correct: z.boolean(),
  confidence: z.enum(['normal', 'guess', 'easy']),
  desiredRetention: z.number().min(RETENTION_RANGE.min).max(RETENTION_RANGE.max),
  examDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  contentHash: z.string().max(64),
  previousDue: date,
  ...scheduled,
  rating: grade,
  last_elapsed_days: z.number().min(0),
  review: date,
});

const settingsSchema = z.strictObject({
  desiredRetention: z.number().min(RETENTION_RANGE.min).max(RETENTION_RANGE.max),
  newPerDay: z.number().int().min(0).max(1000),
  maxReviewsPerDay: z.number().int().min(0).max(10000),
  examDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  theme: z.enum(['system', 'light', 'dark']),
  persistenceRequested: z.boolean(),
});

// The envelope is checked whole; records one by one, so one bad record costs that record, not the file.
const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  cards: z.array(z.unknown()).max(500_000),
  reviewLog: z.array(z.unknown()).max(5_000_000),
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
  const reviewLog = keep(reviewSchema, envelope.data.reviewLog, 'answer') as StoredReview[];
  const settings = settingsSchema.safeParse(envelope.data.settings);
  if (!settings.success) skipped.push(`settings: ${describeIssue(settings.error.issues[0])} (this device keeps its own)`);
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_VERSION, exportedAt: envelope.data.exportedAt, cards, reviewLog, settings: settings.success ? (settings.data as Settings) : undefined, skipped };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  const where = issue?.path.map((part) => (typeof part === 'number' ? `item ${part + 1}` : String(part))).join(' › ');
  return `${where ? `${where}: ` : ''}${issue?.message ?? 'unexpected content'}`;
}

export function createBackup(parts: Omit<Backup, 'format' | 'formatVersion' | 'exportedAt'>, now: Date): Backup {
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_VERSION, exportedAt: now.toISOString(), ...parts };
}
