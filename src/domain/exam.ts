import { idTable } from './ids';
import { CONTENT_AREAS, type Blueprint, type ContentArea, type Difficulty, type OptionLetter, type Qualifier } from './content';
import { seededRandom, shuffle } from './random';
import { cardKey } from './ids';

/** What drawing and scoring need to know of a question. */
export interface ExamQuestion {
  packId: string;
  questionId: string;
  area: ContentArea;
  principles: string[];
  qualifier: Qualifier;
  difficulty: Difficulty;
  answer: OptionLetter;
}

export interface ExamItem {
  packId: string;
  questionId: string;
  /** Index into the blueprint's sections (0 when it has none). */
  section: number;
  /** Unscored pretest item, as on the real exam when the blueprint has `scoredItems`. */
  pretest: boolean;
}

export interface ExamPlan {
  blueprintId: string;
  title: string;
  items: ExamItem[];
  sections: { title: string; items: number }[];
  durationMs: number;
  breakMs: number;
  breakPausesClock: boolean;
}

/** The blueprint domain a question counts towards, under the blueprint's outline. */
export function domainOf(area: ContentArea, blueprint: Pick<Blueprint, 'outline'>): string {
  return blueprint.outline === 'four-area' ? area : CONTENT_AREAS[area].threeDomain;
}

/** Items per domain for an exam of `total` items: weights rounded by largest remainder, so they add up. */
export function itemsPerDomain(weights: Record<string, number>, total: number): Map<string, number> {
  const entries = Object.entries(weights);
  const sum = entries.reduce((acc, [, weight]) => acc + weight, 0);
  const exact = entries.map(([domain, weight]) => ({ domain, exact: (weight / sum) * total }));
  const counts = new Map(exact.map(({ domain, exact: value }) => [domain, Math.floor(value)]));
  let left = total - [...counts.values()].reduce((acc, count) => acc + count, 0);
  for (const { domain } of [...exact].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return counts;
}

export interface Availability {
  /** Items the blueprint wants and the bank has, per domain. */
  domains: { domain: string; wanted: number; available: number }[];
  /** The largest exam of the same mix the bank can fill (the full size when nothing is short). */
  possibleItems: number;
}

export function availability(blueprint: Blueprint, questions: readonly ExamQuestion[]): Availability {
  const available = new Map<string, number>();
  for (const question of questions) {
    const domain = domainOf(question.area, blueprint);
    available.set(domain, (available.get(domain) ?? 0) + 1);
  }
  const fits = (total: number) => [...itemsPerDomain(blueprint.weights, total)].every(([domain, count]) => count <= (available.get(domain) ?? 0));
  let possibleItems = blueprint.items;
  while (possibleItems > 0 && !fits(possibleItems)) possibleItems--;
  const wanted = itemsPerDomain(blueprint.weights, blueprint.items);
  return {
    domains: [...wanted].map(([domain, count]) => ({ domain, wanted: count, available: available.get(domain) ?? 0 })),
    possibleItems,
  };
}

/**
 * Draws an exam of `size` items (the blueprint's own size, or fewer when the bank is short) in the
 * blueprint's domain mix, shuffled, split into its sections in proportion, at the blueprint's pace.
 */
export function drawExam(blueprint: Blueprint, questions: readonly ExamQuestion[], size: number, seed: number): ExamPlan {
  const random = seededRandom(seed);
  const byDomain = new Map<string, ExamQuestion[]>();
  for (const question of questions) {
    const domain = domainOf(question.area, blueprint);
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), question]);
  }
  const drawn: ExamQuestion[] = [];
  for (const [domain, count] of itemsPerDomain(blueprint.weights, size)) {
    drawn.push(...shuffle(byDomain.get(domain) ?? [], random).slice(0, count));
  }
  const order = shuffle(drawn, random);
  const scale = order.length / blueprint.items;
  const sections = scaleSections(blueprint.sections ?? [{ title: 'Exam', items: blueprint.items }], order.length);
  const pretestCount = blueprint.scoredItems ? Math.round((blueprint.items - blueprint.scoredItems) * scale) : 0;
  const pretest = new Set(shuffle([...order.keys()], random).slice(0, pretestCount));
  let sectionEnd = 0;
  let section = -1;
  const items = order.map((question, index) => {
    while (index >= sectionEnd) sectionEnd += sections[++section]?.items ?? order.length;
    return { packId: question.packId, questionId: question.questionId, section, pretest: pretest.has(index) };
  });
  return {
    blueprintId: blueprint.id,
    title: blueprint.title,
    items,
    sections,
    durationMs: Math.ceil(blueprint.minutes * scale) * 60_000,
    breakMs: (blueprint.break?.minutes ?? 0) * 60_000,
    breakPausesClock: blueprint.break?.pausesClock ?? false,
  };
}

function scaleSections(sections: { title: string; items: number }[], total: number): { title: string; items: number }[] {
  const counts = itemsPerDomain(Object.fromEntries(sections.map((section, index) => [String(index), section.items])), total);
  return sections.map((section, index) => ({ title: section.title, items: counts.get(String(index)) ?? 0 })).filter((section) => section.items > 0);
}

/** The exam clock. Time runs by the wall clock, so a reload or a closed tab costs no time and saves none. */
export interface ExamClock {
  durationMs: number;
  /** Time used before the clock last started. */
  usedMs: number;
  /** When the clock last started, or undefined while it is stopped (a break that pauses it). */
  runningSince: number | undefined;
}

export function remainingMs(clock: ExamClock, now: number): number {
  const running = clock.runningSince === undefined ? 0 : Math.max(0, now - clock.runningSince);
  return Math.max(0, clock.durationMs - clock.usedMs - running);
}

export function pauseClock(clock: ExamClock, now: number): ExamClock {
  if (clock.runningSince === undefined) return clock;
  return { ...clock, usedMs: clock.usedMs + Math.max(0, now - clock.runningSince), runningSince: undefined };
}

export function resumeClock(clock: ExamClock, now: number): ExamClock {
  return clock.runningSince === undefined ? { ...clock, runningSince: now } : clock;
}

/** Warnings are given once each as the remaining time crosses these marks. */
export const WARNING_MARKS_MS = [10 * 60_000, 5 * 60_000] as const;

/** Marks the remaining time has crossed since the last warning; after a reload several may be crossed at once. */
export function crossedWarnings(remaining: number, alreadyGiven: readonly number[]): number[] {
  return WARNING_MARKS_MS.filter((mark) => remaining <= mark && !alreadyGiven.includes(mark));
}

export interface Tally {
  correct: number;
  total: number;
}

export interface ExamResult {
  correct: number;
  scored: number;
  percent: number;
  passed: boolean;
  answered: number;
  averageSecondsPerItem: number;
  byArea: Record<string, Tally>;
  byPrinciple: Record<string, Tally>;
  byQualifier: Record<string, Tally>;
  byDifficulty: Record<string, Tally>;
}

/** Scores the scored items; an unanswered item counts as wrong, as on the real exam. */
export function scoreExam(
  items: readonly ExamItem[],
  questions: ReadonlyMap<string, ExamQuestion>,
  answers: Readonly<Record<number, OptionLetter>>,
  timeMs: Readonly<Record<number, number>>,
  passPercent: number,
): ExamResult {
  const byArea = idTable<Tally>();
  const byPrinciple = idTable<Tally>();
  const byQualifier = idTable<Tally>();
  const byDifficulty = idTable<Tally>();
  const add = (table: Record<string, Tally>, key: string, correct: boolean) => {
    const tally = (table[key] ??= { correct: 0, total: 0 });
    tally.total++;
    if (correct) tally.correct++;
  };
  let correct = 0;
  let scored = 0;
  items.forEach((item, index) => {
    const question = questions.get(cardKey(item.packId, item.questionId));
    if (!question || item.pretest) return;
    const right = answers[index] === question.answer;
    scored++;
    if (right) correct++;
    add(byArea, question.area, right);
    for (const principle of question.principles) add(byPrinciple, principle, right);
    add(byQualifier, question.qualifier, right);
    add(byDifficulty, String(question.difficulty), right);
  });
  const percent = scored === 0 ? 0 : Math.round((correct / scored) * 1000) / 10;
  const totalTime = Object.values(timeMs).reduce((sum, value) => sum + value, 0);
  return {
    correct,
    scored,
    percent,
    passed: percent >= passPercent,
    answered: Object.keys(answers).length,
    averageSecondsPerItem: items.length === 0 ? 0 : Math.round(totalTime / items.length / 1000),
    byArea,
    byPrinciple,
    byQualifier,
    byDifficulty,
  };
}

/** Score per content area across attempts, oldest first: the trend the history shows. */
export function areaTrend(attempts: readonly { submittedAt: Date; result: Pick<ExamResult, 'byArea'> }[]): Map<string, (number | undefined)[]> {
  const areas = new Set(attempts.flatMap((attempt) => Object.keys(attempt.result.byArea)));
  return new Map(
    [...areas].sort().map((area) => [
      area,
      attempts.map((attempt) => {
        const tally = Object.hasOwn(attempt.result.byArea, area) ? attempt.result.byArea[area] : undefined;
        return tally && tally.total > 0 ? Math.round((tally.correct / tally.total) * 100) : undefined;
      }),
    ]),
  );
}
