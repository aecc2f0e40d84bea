/** Ids that stay unique across a candidate's devices: log entries and finished exams carry one. */
import { fingerprint } from './content/hash';
import type { ExamAttempt } from './examSession';
import type { StoredReview } from './progress';

/** A new device-unique id from random bytes (at least 12). */
export function newUid(random: Uint8Array): string {
  return Array.from(random.subarray(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The id of an entry written before entries had one: from its question and the millisecond of the
 * answer, so the same old entry gets the same id on every device that holds it (a backup restored
 * on two devices counts once when they merge).
 */
export function legacyReviewUid(entry: Pick<StoredReview, 'packId' | 'questionId' | 'review'>): string {
  const question = `${entry.packId}\u0000${entry.questionId}`;
  return `l-${entry.review.getTime().toString(36)}-${fingerprint(question)}${fingerprint(`${entry.questionId}\u0000${entry.packId}`)}`;
}

export function legacyAttemptUid(attempt: Pick<ExamAttempt, 'blueprintId' | 'submittedAt' | 'startedAt'>): string {
  return `l-${attempt.submittedAt.getTime().toString(36)}-${fingerprint(`${attempt.blueprintId}\u0000${attempt.startedAt.getTime()}`)}`;
}
