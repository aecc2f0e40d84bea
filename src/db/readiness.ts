import type { StoredCard, StoredReview } from '../domain/progress';
import type { DayAnswers } from '../domain/statistics';
import type { RapportDatabase } from './database';

/** What the readiness estimate reads of the candidate's history: every card, every day's answer lines, and the newest reviews. */
export interface ReadinessHistory {
  cards: StoredCard[];
  /** Oldest day first. */
  days: DayAnswers[];
  /** The newest log entries, first answers among them, newest first. */
  reviews: Pick<StoredReview, 'packId' | 'questionId' | 'state' | 'stability' | 'due' | 'review' | 'correct'>[];
}

/**
 * Reads it in one transaction, so the cards and the log agree. The day rows hold every answer as
 * one short line, far less to read than the log; only the newest `reviewLimit` log entries are read.
 */
export async function readReadinessHistory(db: RapportDatabase, reviewLimit: number): Promise<ReadinessHistory> {
  return db.transaction('r', db.cards, db.dayAnswers, db.reviewLog, async () => {
    const [cards, days, newest] = await Promise.all([db.cards.toArray(), db.dayAnswers.orderBy('day').toArray(), db.reviewLog.orderBy(':id').reverse().limit(reviewLimit).toArray()]);
    return {
      cards,
      days,
      reviews: newest.map(({ packId, questionId, state, stability, due, review, correct }) => ({ packId, questionId, state, stability, due, review, correct })),
    };
  });
}

/** The format of the newest finished exam, if any. */
export async function newestAttemptFormat(db: RapportDatabase): Promise<string | undefined> {
  return (await db.examAttempts.orderBy('submittedAt').last())?.blueprintId;
}
