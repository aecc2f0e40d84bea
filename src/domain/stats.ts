import { daysUntil, localDay } from './dates';
import type { Settings } from './progress';
import { countUnseen, isDueNow, type ProgressIndex, type QuestionRef } from './queue';

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
  questions: readonly QuestionRef[];
  progress: ProgressIndex;
  settings: Pick<Settings, 'newPerDay' | 'maxReviewsPerDay' | 'examDate'>;
  reviewedToday: number;
  introducedToday: number;
  studyDays: readonly string[];
  now: Date;
}): TodaySummary {
  const { questions, progress, settings, now } = input;
  const due = questions.filter((question) => isDueNow(progress, question.packId, question.questionId)).length;
  const unseen = countUnseen(questions, progress);
  const examDaysLeft = settings.examDate ? daysUntil(settings.examDate, now) : undefined;
  return {
    answeredToday: input.reviewedToday + input.introducedToday,
    dueNow: Math.min(due, Math.max(0, settings.maxReviewsPerDay - input.reviewedToday)),
    newAvailable: Math.min(unseen, Math.max(0, settings.newPerDay - input.introducedToday)),
    streak: streak(input.studyDays, now),
    unseen,
    examDaysLeft: examDaysLeft !== undefined && examDaysLeft >= 0 ? examDaysLeft : undefined,
  };
}
