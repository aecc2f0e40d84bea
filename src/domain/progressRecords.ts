/**
 * The checks for progress that comes from outside this browser: a backup file, or another device
 * through sync. One set of schemas for both doors, so a record either takes is one the other takes.
 */
import './zodSetup';
import { z } from 'zod';
import { OPTION_LETTERS } from './content/vocabulary';
import type { ExamAttempt } from './examSession';
import { ID_MAX_LENGTH, idTable } from './ids';
import { legacyAttemptUid, legacyReviewUid } from './uids';
import type { StoredReview } from './progress';
import { RETENTION_RANGE, SYNCED_SETTINGS } from './settings';

/** Uids are ours (hex, or "l-" and base-36 for older entries), but a file may hold anything. */
export const UID_MAX_LENGTH = 64;

const date = z.coerce.date({ error: 'is not a date' });
const id = z.string().min(1, 'is empty').max(ID_MAX_LENGTH, `is longer than ${ID_MAX_LENGTH} characters`);
export const uidSchema = z
  .string()
  .min(1, 'is empty')
  .max(UID_MAX_LENGTH, `is longer than ${UID_MAX_LENGTH} characters`)
  .regex(/^[A-Za-z0-9-]+$/, 'holds characters other than letters, digits and dashes');
const count = z.number().int().min(0);
const state = z.number().int().min(0).max(3);
const grade = z.number().int().min(1).max(4);
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const letter = z.enum(OPTION_LETTERS);

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

export const cardSchema = z.strictObject({
  ...scheduled,
  packId: id,
  questionId: id,
  contentHash: z.string().max(64),
  reps: count,
  lapses: count,
  last_review: date.optional(),
  lastCorrect: z.boolean().optional(),
});

export const reviewSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  // Backups before format 2 have none: one is made from the entry itself.
  uid: uidSchema.optional(),
  packId: id,
  questionId: id,
  day: calendarDay,
  chosen: letter,
  correct: z.boolean(),
  confidence: z.enum(['normal', 'guess', 'easy']),
  desiredRetention: z.number().min(RETENTION_RANGE.min).max(RETENTION_RANGE.max),
  examDate: calendarDay.optional(),
  contentHash: z.string().max(64),
  previousDue: date,
  ...scheduled,
  rating: grade,
  last_elapsed_days: z.number().min(0),
  review: date,
});

const stamps = z.strictObject(Object.fromEntries(SYNCED_SETTINGS.map((field) => [field, z.number().min(0).optional()])) as Record<(typeof SYNCED_SETTINGS)[number], z.ZodOptional<z.ZodNumber>>);

export const settingsSchema = z.strictObject({
  desiredRetention: z.number().min(RETENTION_RANGE.min).max(RETENTION_RANGE.max),
  newPerDay: z.number().int().min(0).max(1000),
  maxReviewsPerDay: z.number().int().min(0).max(10000),
  examDate: calendarDay.optional(),
  theme: z.enum(['system', 'light', 'dark']),
  persistenceRequested: z.boolean(),
  changedAt: stamps.optional(),
});

/** A table keyed by outside ids, read into a null-prototype object so "__proto__" stays an ordinary key. */
const keyedBy = <Value extends z.ZodType>(key: z.ZodType<string>, value: Value) =>
  z.record(key, value).transform((table) => Object.assign(idTable<z.output<Value>>(), table));
const tally = z.strictObject({ correct: count, total: count });
const tallies = keyedBy(z.string().max(ID_MAX_LENGTH), tally);
const itemIndex = z.string().regex(/^\d{1,4}$/, 'is not an item number');
const title = z.string().max(500);

export const examAttemptSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  uid: uidSchema.optional(),
  blueprintId: id,
  title,
  startedAt: date,
  submittedAt: date,
  plan: z.strictObject({
    blueprintId: id,
    title,
    items: z.array(z.strictObject({ packId: id, questionId: id, section: count, pretest: z.boolean() })).max(1000),
    sections: z.array(z.strictObject({ title, items: count })).max(50),
    durationMs: z.number().min(0),
    breakMs: z.number().min(0),
    breakPausesClock: z.boolean(),
  }),
  answers: keyedBy(itemIndex, letter),
  timeMs: keyedBy(itemIndex, z.number().min(0)),
  passPercent: z.number().min(0).max(100),
  result: z.strictObject({
    correct: count,
    scored: count,
    percent: z.number().min(0).max(100),
    passed: z.boolean(),
    answered: count,
    averageSecondsPerItem: z.number().min(0),
    byArea: tallies,
    byPrinciple: tallies,
    byQualifier: tallies,
    byDifficulty: tallies,
  }),
  timedOut: z.boolean(),
});

/** A log entry as read from outside, given the uid an older entry lacks. */
export function withUid(entry: z.output<typeof reviewSchema>): StoredReview {
  return { ...entry, uid: entry.uid ?? legacyReviewUid(entry) } as StoredReview;
}

export function withAttemptUid(attempt: z.output<typeof examAttemptSchema>): ExamAttempt {
  return { ...attempt, uid: attempt.uid ?? legacyAttemptUid(attempt) } as ExamAttempt;
}

/** Where in a record a check failed, and what it found: "questionId: is longer than 80 characters". */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  const where = issue?.path.map((part) => (typeof part === 'number' ? `item ${part + 1}` : String(part))).join(' › ');
  return `${where ? `${where}: ` : ''}${issue?.message ?? 'unexpected content'}`;
}
