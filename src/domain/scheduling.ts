import { createEmptyCard, forgetting_curve, fsrs, State, type Card, type Grade, type ReviewLog } from 'ts-fsrs';
import { RETENTION_RANGE } from './settings';
import { dateOfDay } from './dates';

export { State, type Card, type Grade, type ReviewLog };

export interface SchedulingSettings {
  /** Share of reviews the candidate wants to get right, 0.80–0.97. Higher means more reviews. */
  desiredRetention: number;
  /** `YYYY-MM-DD`; when set, no review is scheduled after the start of that day. */
  examDate?: string | undefined;
}

const DAY_MS = 86_400_000;

/**
 * FSRS-6 with its default parameters. Short-term learning steps are off: a multiple-choice
 * answer is a full retrieval, so a right answer comes back in days and a wrong one tomorrow.
 */
const schedulers = new Map<number, ReturnType<typeof fsrs>>();
function scheduler(desiredRetention: number) {
  // Building one is costly (parameter checks); statistics ask for thousands of retrievabilities.
  let found = schedulers.get(desiredRetention);
  if (!found) {
    found = fsrs({ request_retention: desiredRetention, enable_short_term: false, enable_fuzz: false });
    schedulers.set(desiredRetention, found);
  }
  return found;
}

export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

/** The start of the exam day in local time, or undefined when no date is set or it has passed. */
export function examStart(examDate: string | undefined, now: Date): Date | undefined {
  if (!examDate) return undefined;
  const start = dateOfDay(examDate);
  // An unreadable date gives NaN, which is never later than now.
  return start.getTime() > now.getTime() ? start : undefined;
}

/** Schedules one answer. Pure: the same card, grade, time and settings always give the same result. */
export function schedule(card: Card, grade: Grade, now: Date, settings: SchedulingSettings): { card: Card; log: ReviewLog } {
  const result = scheduler(settings.desiredRetention).next(card, now, grade);
  const cap = examStart(settings.examDate, now);
  if (cap && result.card.due.getTime() > cap.getTime()) {
    // Bring the review forward to just before the exam rather than past it.
    const due = new Date(Math.max(now.getTime(), cap.getTime() - DAY_MS / 2));
    return { card: { ...result.card, due, scheduled_days: Math.max(0, Math.round((due.getTime() - now.getTime()) / DAY_MS)) }, log: result.log };
  }
  return result;
}

/**
 * The card as it was before the answer that produced `log`: ts-fsrs rollback, plus the previous
 * due date, which the log does not keep (it records when the review happened instead).
 */
export function undoAnswer(card: Card, log: ReviewLog, previousDue: Date, desiredRetention: number): Card {
  return { ...scheduler(desiredRetention).rollback(card, log), due: previousDue };
}

/** Probability of recalling the card now, 0–1; 0 for a card never reviewed. */
export function retrievability(card: Card, now: Date): number {
  if (card.state === State.New) return 0;
  return scheduler(RETENTION_RANGE.default).get_retrievability(card, now, false);
}

/**
 * Probability of recalling the card at `now`, counting part days (retrievability() counts whole
 * ones): an answer given an hour ago, wrong, is not as safe as one given yesterday. 0 for a new card.
 */
export function recallProbability(card: Pick<Card, 'state' | 'stability' | 'last_review'>, now: Date): number {
  if (card.state === State.New || !card.last_review) return 0;
  const days = Math.max(0, (now.getTime() - card.last_review.getTime()) / DAY_MS);
  return forgetting_curve(scheduler(RETENTION_RANGE.default).parameters.w, days, card.stability);
}

/** A step of the review log, with the settings it was scheduled under, so the log can be replayed. */
export interface ReplayStep {
  grade: Grade;
  review: Date;
  desiredRetention: number;
  examDate?: string | undefined;
}

/** Rebuilds a card from its history: the review log is the source of truth, the card a cache of it. */
export function replay(steps: readonly ReplayStep[], created: Date): Card {
  let card = newCard(created);
  for (const step of steps) {
    card = schedule(card, step.grade, step.review, step).card;
  }
  return card;
}
