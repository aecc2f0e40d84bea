import { daysUntil, localDay } from './dates';
import type { Settings } from './progress';
import type { PackStudyFacts } from './content/facts';

/** Consecutive days with at least one answer, ending today (or yesterday, if today has none yet). */
export function streak(studyDays: readonly string[], now: Date): number {
  const days = new Set(studyDays);
  const cursor = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (!days.has(localDay(cursor))) cursor.setDate(cursor.getDate() - 1);
  let count = 0;
  while (days.has(localDay(cursor))) {
    count++;
    cursor.setDate(cursor.getDate() - 1);
  }
  return count;
}

export interface TodaySummary {
  answeredToday: number;
  dueNow: number;
  newAvailable: number;
  streak: number;
  unseen: number;
  /** Days until the exam date, when one is set and has not passed. */
  examDaysLeft?: number | undefined;
}

export function summarizeToday(input: {
  /** Due cards whose questions are in the enabled packs. */
  dueQuestions: number;
  /** Questions of the enabled packs never answered. */
  unseen: number;
  settings: Pick<Settings, 'newPerDay' | 'maxReviewsPerDay' | 'examDate'>;
  reviewedToday: number;
  introducedToday: number;
  studyDays: readonly string[];
  now: Date;
}): TodaySummary {
  const { dueQuestions, unseen, settings, now } = input;
  const examDaysLeft = settings.examDate ? daysUntil(settings.examDate, now) : undefined;
  return {
    answeredToday: input.reviewedToday + input.introducedToday,
    dueNow: Math.min(dueQuestions, Math.max(0, settings.maxReviewsPerDay - input.reviewedToday)),
    newAvailable: Math.min(unseen, Math.max(0, settings.newPerDay - input.introducedToday)),
    streak: streak(input.studyDays, now),
    unseen,
    examDaysLeft: examDaysLeft !== undefined && examDaysLeft >= 0 ? examDaysLeft : undefined,
  };
}

/** How a pack stands: its questions never answered, and whether some answered ones have left it. */
export interface PackStanding {
  unseen: number;
  /** A re-import dropped questions that have cards: its due cards cannot simply be counted. */
  answeredGone: boolean;
}

export function packStandings(packs: readonly PackStudyFacts[], answered: ReadonlyMap<string, ReadonlySet<string>>): Map<string, PackStanding> {
  const standings = new Map<string, PackStanding>();
  for (const { packId, facts } of packs) {
    const answeredIds = answered.get(packId);
    let unseen = 0;
    for (const questionId of facts.ids) if (!answeredIds?.has(questionId)) unseen++;
    standings.set(packId, { unseen, answeredGone: (answeredIds?.size ?? 0) > facts.ids.length - unseen });
  }
  return standings;
}
