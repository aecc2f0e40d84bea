import { create } from 'zustand';
import { loadPacksHolding } from '../../catalog/catalog';
import { database } from '../../db/database';
import { discardExam, finishExam, loadExam, saveExam } from '../../db/exams';
import { requestSync } from '../../sync/automatic';
import { describeStorageError } from '../../db/errors';
import { cardKey } from '../../domain/ids';
import type { Blueprint, OptionLetter, Pack } from '../../domain/content';
import { crossedWarnings, drawExam, pauseClock, remainingMs, resumeClock, scoreExam, type ExamQuestion } from '../../domain/exam';
import { chooseOption, leaveItem, sectionRange, toggleEliminated, type StoredExam } from '../../domain/examSession';
import type { TextRange } from '../../domain/highlights';

interface ExamState {
  status: 'loading' | 'none' | 'running' | 'finished';
  exam: StoredExam | undefined;
  packs: Map<string, Pack>;
  /** A warning to announce ("10 minutes left"), cleared once read. */
  warning: string | undefined;
  /** The finished attempt, for navigation to its report. */
  attemptId: number | undefined;
  /** What the last write to storage failed to keep, until a write succeeds. */
  saveError: string | undefined;
  resume(): Promise<void>;
  /** Draws an exam of `items` questions from `bank` in the blueprint's mix, and starts its clock. */
  start(blueprint: Blueprint, bank: readonly ExamQuestion[], items: number, passPercent: number, now?: number): Promise<void>;
  choose(letter: OptionLetter): void;
  /** Strikes out an option of the item on screen, or restores it. */
  toggleEliminated(letter: OptionLetter): void;
  /** Replaces the highlights of the item on screen. */
  setHighlights(ranges: TextRange[]): void;
  /** Goes to an item of the section, leaving the review screen if it is open. */
  goTo(index: number, now?: number): void;
  toggleFlag(): void;
  /** Opens the review screen of the section; the clock keeps running. */
  openReview(now?: number): void;
  /** Back from the review screen to the item that was on screen. */
  closeReview(now?: number): void;
  submitSection(now?: number): Promise<void>;
  endBreak(now?: number): void;
  tick(now?: number): Promise<void>;
  abandon(): Promise<void>;
}

export function examQuestions(packs: ReadonlyMap<string, Pack>): Map<string, ExamQuestion> {
  const entries = [...packs.values()].flatMap((pack) =>
    pack.questions.map((question) => [cardKey(pack.id, question.id), { ...question, packId: pack.id, questionId: question.id }] as const),
  );
  return new Map(entries);
}

/**
 * The exam in progress. Every change is written to IndexedDB before the next, so a reload resumes
 * with the same answers, flags and clock; the clock itself is computed from timestamps.
 */
export const useExam = create<ExamState>()((set, get) => {
  const update = (change: (exam: StoredExam) => StoredExam) => {
    const { exam } = get();
    if (!exam) return;
    const next = change(exam);
    set({ exam: next });
    // Each save holds the whole exam, so one that succeeds makes up for any that failed before it.
    saveExam(database(), next).then(
      () => (get().saveError ? set({ saveError: undefined }) : undefined),
      (error: unknown) => set({ saveError: `Your latest answers are not saved yet. ${describeStorageError(error)}` }),
    );
  };
  /** Changes to the item on screen, allowed only while its section is open and no break or review screen is on. */
  const updateCurrent = (change: (exam: StoredExam) => StoredExam) =>
    update((exam) => {
      const [first, last] = sectionRange(exam.plan, exam.section);
      if (exam.current < first || exam.current > last || exam.breakEndsAt !== undefined || exam.reviewing) return exam;
      return change(exam);
    });

  const finish = async (exam: StoredExam, now: number, timedOut: boolean) => {
    const final = leaveItem(exam, now);
    const result = scoreExam(final.plan.items, examQuestions(get().packs), final.answers, final.timeMs, final.passPercent);
    let attemptId: number;
    try {
      attemptId = await finishExam(database(), {
        blueprintId: final.plan.blueprintId,
        title: final.plan.title,
        startedAt: final.startedAt,
        submittedAt: new Date(now),
        plan: final.plan,
        answers: final.answers,
        timeMs: final.timeMs,
        passPercent: final.passPercent,
        result,
        timedOut,
        firstAnswers: final.firstAnswers ?? {},
      });
    } catch (error) {
      set({ saveError: `Your exam could not be filed, and is still open: try submitting again. ${describeStorageError(error)}` });
      return;
    }
    set({ status: 'finished', exam: undefined, attemptId, saveError: undefined });
    requestSync();
  };

  return {
    status: 'loading',
    exam: undefined,
    packs: new Map(),
    warning: undefined,
    attemptId: undefined,
    saveError: undefined,

    async resume() {
      const exam = await loadExam(database());
      if (!exam) {
        set({ status: 'none', exam: undefined });
        return;
      }
      set({ exam, packs: await loadPacksHolding(exam.plan.items), status: 'running', attemptId: undefined });
      await get().tick();
    },

    async start(blueprint, bank, items, passPercent, now = Date.now()) {
      const plan = drawExam(blueprint, bank, items, now % 2 ** 31);
      const exam: StoredExam = {
        id: 'current',
        plan,
        passPercent,
        startedAt: new Date(now),
        clock: { durationMs: plan.durationMs, usedMs: 0, runningSince: now },
        answers: {},
        flags: [],
        current: 0,
        shownSince: now,
        timeMs: {},
        section: 0,
        warningsGiven: [],
        firstAnswers: {},
        eliminated: {},
        highlights: {},
      };
      try {
        await saveExam(database(), exam);
      } catch (error) {
        set({ saveError: `The exam was not started. ${describeStorageError(error)}` });
        return;
      }
      set({ exam, packs: await loadPacksHolding(plan.items), status: 'running', warning: undefined, attemptId: undefined, saveError: undefined });
    },

    choose(letter) {
      updateCurrent((exam) => chooseOption(exam, letter));
    },

    toggleEliminated(letter) {
      updateCurrent((exam) => toggleEliminated(exam, letter));
    },

    setHighlights(ranges) {
      updateCurrent((exam) => ({ ...exam, highlights: { ...exam.highlights, [exam.current]: ranges } }));
    },

    goTo(index, now = Date.now()) {
      update((exam) => {
        const [first, last] = sectionRange(exam.plan, exam.section);
        if (index < first || index > last || exam.breakEndsAt !== undefined) return exam;
        return { ...leaveItem(exam, now), current: index, reviewing: false };
      });
    },

    openReview(now = Date.now()) {
      update((exam) => (exam.reviewing || exam.breakEndsAt !== undefined ? exam : { ...leaveItem(exam, now), reviewing: true }));
    },

    closeReview(now = Date.now()) {
      update((exam) => (exam.reviewing ? { ...exam, reviewing: false, shownSince: now } : exam));
    },

    toggleFlag() {
      update((exam) => ({
        ...exam,
        flags: exam.flags.includes(exam.current) ? exam.flags.filter((flag) => flag !== exam.current) : [...exam.flags, exam.current],
      }));
    },

    async submitSection(now = Date.now()) {
      const { exam } = get();
      if (!exam) return;
      if (exam.section >= exam.plan.sections.length - 1) {
        await finish(exam, now, false);
        return;
      }
      const left = leaveItem(exam, now);
      const section = exam.section + 1;
      const [first] = sectionRange(exam.plan, section);
      const onBreak = exam.plan.breakMs > 0;
      update(() => ({
        ...left,
        section,
        current: first,
        reviewing: false,
        breakEndsAt: onBreak ? now + exam.plan.breakMs : undefined,
        clock: onBreak && exam.plan.breakPausesClock ? pauseClock(left.clock, now) : left.clock,
      }));
    },

    endBreak(now = Date.now()) {
      update((exam) => (exam.breakEndsAt === undefined ? exam : { ...exam, breakEndsAt: undefined, shownSince: now, clock: resumeClock(exam.clock, now) }));
    },

    async tick(now = Date.now()) {
      const { exam } = get();
      if (!exam) return;
      if (exam.breakEndsAt !== undefined && now >= exam.breakEndsAt) get().endBreak(now);
      const current = get().exam;
      if (!current) return;
      const remaining = remainingMs(current.clock, now);
      if (remaining <= 0) {
        await finish(current, now, true);
        return;
      }
      const crossed = crossedWarnings(remaining, current.warningsGiven);
      if (crossed.length > 0) {
        set({ warning: `${Math.ceil(remaining / 60_000)} minutes left.` });
        update((exam) => ({ ...exam, warningsGiven: [...exam.warningsGiven, ...crossed] }));
      }
    },

    async abandon() {
      try {
        await discardExam(database());
      } catch (error) {
        set({ saveError: `The exam was not abandoned. ${describeStorageError(error)}` });
        return;
      }
      set({ status: 'none', exam: undefined, saveError: undefined });
    },
  };
});
