import type { StoredCard, StoredReview } from '../domain/progress';
import { cardKey } from '../domain/ids';
import type { RapportDatabase } from './database';
import { answersOfDays } from './derived';

/** The first answer ever given to a question, and its local day. */
export interface FirstAnswerOn {
  packId: string;
  questionId: string;
  correct: boolean;
  day: string;
}

/** What the readiness estimate reads of the candidate's history: every card, every question's first answer, and the newest reviews. */
export interface ReadinessHistory {
  cards: StoredCard[];
  firstAnswers: FirstAnswerOn[];
  /** The newest log entries, first answers among them, newest first. */
  reviews: Pick<StoredReview, 'packId' | 'questionId' | 'state' | 'stability' | 'due' | 'review' | 'correct'>[];
}

/**
 * Reads it in one transaction, so the cards and the log agree. First answers come from the day
 * rows, which hold every answer as one short line (oldest first), far less to read than the log;
 * only the newest `reviewLimit` log entries are read.
 */
export async function readReadinessHistory(db: RapportDatabase, reviewLimit: number): Promise<ReadinessHistory> {
  return db.transaction('r', db.cards, db.dayAnswers, db.reviewLog, async () => {
    const [cards, days, newest] = await Promise.all([db.cards.toArray(), db.dayAnswers.orderBy('day').toArray(), db.reviewLog.orderBy(':id').reverse().limit(reviewLimit).toArray()]);
    const firstAnswers: FirstAnswerOn[] = [];
    const answered = new Set<string>();
    for (const row of days) {
      for (const answer of answersOfDays([row])) {
        const key = cardKey(answer.packId, answer.questionId);
        if (answered.has(key)) continue;
        answered.add(key);
        firstAnswers.push({ ...answer, day: row.day });
      }
    }
    return {
      cards,
      firstAnswers,
      reviews: newest.map(({ packId, questionId, state, stability, due, review, correct }) => ({ packId, questionId, state, stability, due, review, correct })),
    };
  });
}

/** The format of the newest finished exam, if any. */
export async function newestAttemptFormat(db: RapportDatabase): Promise<string | undefined> {
  return (await db.examAttempts.orderBy('submittedAt').last())?.blueprintId;
}
