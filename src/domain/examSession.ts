import type { OptionLetter } from './content';
import type { ExamClock, ExamPlan, ExamResult } from './exam';

/** A simulated exam in progress, saved after every change so a reload or a closed tab loses nothing. */
export interface StoredExam {
  id: 'current';
  plan: ExamPlan;
  passPercent: number;
  startedAt: Date;
  clock: ExamClock;
  answers: Record<number, OptionLetter>;
  flags: number[];
  /** The item on screen and when it was shown, for the time spent on each item. */
  current: number;
  shownSince: number;
  timeMs: Record<number, number>;
  /** The section being worked on; earlier sections are submitted and locked. */
  section: number;
  /** When a break between sections ends; undefined when not on a break. */
  breakEndsAt?: number | undefined;
  warningsGiven: number[];
}

/** A finished exam, kept for the report and the history of scores. */
export interface ExamAttempt {
  /** The local key; it means nothing on another device. */
  id?: number;
  /** Unique across devices, for merging exam histories. */
  uid: string;
  blueprintId: string;
  title: string;
  startedAt: Date;
  submittedAt: Date;
  plan: ExamPlan;
  answers: Record<number, OptionLetter>;
  timeMs: Record<number, number>;
  passPercent: number;
  result: ExamResult;
  /** Whether time ran out (the exam submitted itself). */
  timedOut: boolean;
}

/** Adds the time since the current item was shown to that item, as the candidate leaves it. */
export function leaveItem(exam: StoredExam, now: number): StoredExam {
  const spent = exam.breakEndsAt === undefined ? Math.max(0, now - exam.shownSince) : 0;
  return { ...exam, timeMs: { ...exam.timeMs, [exam.current]: (exam.timeMs[exam.current] ?? 0) + spent }, shownSince: now };
}

/** Index range [first, last] of a section's items. */
export function sectionRange(plan: ExamPlan, section: number): [number, number] {
  const first = plan.sections.slice(0, section).reduce((sum, part) => sum + part.items, 0);
  return [first, first + (plan.sections[section]?.items ?? 0) - 1];
}
