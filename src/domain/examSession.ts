import type { OptionLetter } from './content';
import type { ExamClock, ExamPlan, ExamResult } from './exam';
import type { TextRange } from './highlights';

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
  /** The first option chosen for each item, to tell the report which answers were changed. */
  firstAnswers?: Record<number, OptionLetter>;
  /** Options struck out with the eliminator, by item. Cleared with the exam. */
  eliminated?: Record<number, OptionLetter[]>;
  /** Highlighted stretches of each item's scenario, as offsets into its text. Cleared with the exam. */
  highlights?: Record<number, TextRange[]>;
  /** Whether the review screen is open; time spent there counts towards no item. */
  reviewing?: boolean;
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
  /** The first option chosen for each item; missing from attempts made before it was kept. */
  firstAnswers?: Record<number, OptionLetter>;
}

/** Adds the time since the current item was shown to that item, as the candidate leaves it. */
export function leaveItem(exam: StoredExam, now: number): StoredExam {
  const spent = exam.breakEndsAt === undefined && !exam.reviewing ? Math.max(0, now - exam.shownSince) : 0;
  return { ...exam, timeMs: { ...exam.timeMs, [exam.current]: (exam.timeMs[exam.current] ?? 0) + spent }, shownSince: now };
}

/** Index range [first, last] of a section's items. */
export function sectionRange(plan: ExamPlan, section: number): [number, number] {
  const first = plan.sections.slice(0, section).reduce((sum, part) => sum + part.items, 0);
  return [first, first + (plan.sections[section]?.items ?? 0) - 1];
}

/** The exam with `letter` chosen for the current item: the first choice is kept, and choosing an option clears its strike. */
export function chooseOption(exam: StoredExam, letter: OptionLetter): StoredExam {
  const index = exam.current;
  const struck = exam.eliminated?.[index] ?? [];
  return {
    ...exam,
    answers: { ...exam.answers, [index]: letter },
    firstAnswers: exam.firstAnswers?.[index] === undefined ? { ...exam.firstAnswers, [index]: letter } : exam.firstAnswers,
    eliminated: struck.includes(letter) ? { ...exam.eliminated, [index]: struck.filter((option) => option !== letter) } : exam.eliminated,
  };
}

/** Strikes out an option of the current item, or restores it when already struck. */
export function toggleEliminated(exam: StoredExam, letter: OptionLetter): StoredExam {
  const index = exam.current;
  const struck = exam.eliminated?.[index] ?? [];
  const next = struck.includes(letter) ? struck.filter((option) => option !== letter) : [...struck, letter].sort();
  return { ...exam, eliminated: { ...exam.eliminated, [index]: next } };
}

/** How each item of a section stands, as the review screen lists them. */
export interface ItemStanding {
  index: number;
  answered: boolean;
  flagged: boolean;
}

export function sectionStandings(exam: Pick<StoredExam, 'plan' | 'section' | 'answers' | 'flags'>): ItemStanding[] {
  const [first, last] = sectionRange(exam.plan, exam.section);
  const standings: ItemStanding[] = [];
  for (let index = first; index <= last; index++) {
    standings.push({ index, answered: exam.answers[index] !== undefined, flagged: exam.flags.includes(index) });
  }
  return standings;
}
