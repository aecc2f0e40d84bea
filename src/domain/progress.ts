import type { Confidence } from './grading';
import type { OptionLetter } from './content';
import type { QueueItem } from './queue';
import type { Card, ReviewLog } from './scheduling';
export { DEFAULT_SETTINGS, type Settings, type Theme } from './settings';

/** A question's scheduling state, keyed by pack id and question id so edits to wording keep it. */
export interface StoredCard extends Card {
  packId: string;
  questionId: string;
  /** The question's content hash when last answered: a different hash now means it was edited. */
  contentHash: string;
  /** Whether the newest answer was right: mastery reads it here rather than walking the whole log. */
  lastCorrect?: boolean;
}

/** One answer, never changed once written (undo deletes the newest). Holds what is needed to replay it. */
export interface StoredReview extends ReviewLog {
  /** The local key, in order of recording on this device; it means nothing on another device. */
  id?: number;
  /** Unique across devices: merging and sync count an entry held by two devices once. */
  uid: string;
  packId: string;
  questionId: string;
  /** Local calendar day of the answer, for daily limits, streaks and the heatmap. */
  day: string;
  chosen: OptionLetter;
  correct: boolean;
  confidence: Confidence;
  desiredRetention: number;
  examDate?: string | undefined;
  contentHash: string;
  /** The card's due date before this answer, so undo restores it exactly. */
  previousDue: Date;
}

export interface SessionAnswer {
  packId: string;
  questionId: string;
  correct: boolean;
  logId: number;
}

/** The study session in progress: its queue and the answers given so far (the place is answers.length). */
export interface StoredSession {
  id: 'current';
  mode: 'study' | 'practice';
  packId?: string | undefined;
  items: QueueItem[];
  answers: SessionAnswer[];
  startedAt: Date;
}

/** How a card stands for the candidate, as the browse filters name it. */
export type CardStatus = 'new' | 'learning' | 'due' | 'mastered';
const MASTERED_STABILITY_DAYS = 21;

export function cardStatus(card: Pick<Card, 'due' | 'state' | 'stability'> | undefined, now: Date): CardStatus {
  if (!card || card.state === 0) return 'new';
  if (card.due.getTime() <= now.getTime()) return 'due';
  return card.stability >= MASTERED_STABILITY_DAYS ? 'mastered' : 'learning';
}

/** Whether a question's wording changed since it was last answered (`lastHash` undefined: never answered). */
export function isChanged(lastHash: string | undefined, currentHash: string): boolean {
  return lastHash !== undefined && lastHash !== currentHash;
}
