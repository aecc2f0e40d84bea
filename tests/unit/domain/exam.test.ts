import { describe, expect, it } from 'vitest';
import type { Blueprint, ContentArea } from '../../../src/domain/content';
import {
  areaTrend,
  availability,
  crossedWarnings,
  domainOf,
  drawExam,
  itemsPerDomain,
  pauseClock,
  remainingMs,
  resumeClock,
  scoreExam,
  type ExamQuestion,
} from '../../../src/domain/exam';
import { leaveItem, sectionRange, type StoredExam } from '../../../src/domain/examSession';

const FOUR_AREA: Blueprint = {
  id: 'mini',
  title: 'Mini exam',
  description: 'Twenty items.',
  outline: 'four-area',
  items: 20,
  scoredItems: 18,
  minutes: 28,
  sections: [
    { title: 'First half', items: 10 },
    { title: 'Second half', items: 10 },
  ],
  break: { minutes: 10, pausesClock: true },
  weights: { 'development-diversity': 24, 'assessment-planning': 30, 'intervention-practice': 27, 'values-ethics': 19 },
};

function bank(perArea: Partial<Record<ContentArea, number>>): ExamQuestion[] {
  return Object.entries(perArea).flatMap(([area, count]) =>
    Array.from({ length: count ?? 0 }, (_, index) => ({
      packId: 'p',
      questionId: `${area}-${index}`,
      area: area as ContentArea,
      principles: [index % 2 ? 'trust' : 'consent'],
      qualifier: index % 2 ? ('FIRST' as const) : ('BEST' as const),
      difficulty: ((index % 3) + 1) as 1 | 2 | 3,
      answer: 'A' as const,
    })),
  );
}

const full = bank({ 'development-diversity': 30, 'assessment-planning': 30, 'intervention-practice': 30, 'values-ethics': 30 });

describe('drawing an exam from a blueprint', () => {
  it('splits items by weight so they add up', () => {
    expect(Object.fromEntries(itemsPerDomain(FOUR_AREA.weights, 20))).toEqual({ 'development-diversity': 5, 'assessment-planning': 6, 'intervention-practice': 5, 'values-ethics': 4 });
    expect([...itemsPerDomain(FOUR_AREA.weights, 170).values()].reduce((a, b) => a + b)).toBe(170);
  });

  it('draws the domain mix, in sections, with pretest items, the same way for the same seed', () => {
    const plan = drawExam(FOUR_AREA, full, 20, 42);
    expect(plan.items).toHaveLength(20);
    const perArea = new Map<string, number>();
    for (const item of plan.items) perArea.set(item.questionId.replace(/-\d+$/, ''), (perArea.get(item.questionId.replace(/-\d+$/, '')) ?? 0) + 1);
    expect(Object.fromEntries(perArea)).toEqual({ 'development-diversity': 5, 'assessment-planning': 6, 'intervention-practice': 5, 'values-ethics': 4 });
    expect(new Set(plan.items.map((item) => item.questionId)).size).toBe(20);
    expect(plan.items.filter((item) => item.section === 0)).toHaveLength(10);
    expect(plan.items.filter((item) => item.pretest)).toHaveLength(2);
    expect(plan.durationMs).toBe(28 * 60_000);
    expect(plan).toMatchObject({ breakMs: 10 * 60_000, breakPausesClock: true });
    expect(drawExam(FOUR_AREA, full, 20, 42)).toEqual(plan);
    expect(drawExam(FOUR_AREA, full, 20, 43).items).not.toEqual(plan.items);
  });

  it('says which domains are short and how large an exam of the same mix is possible', () => {
    const short = bank({ 'development-diversity': 2, 'assessment-planning': 30, 'intervention-practice': 30, 'values-ethics': 30 });
    const fit = availability(FOUR_AREA, short);
    expect(fit.domains.find((domain) => domain.domain === 'development-diversity')).toEqual({ domain: 'development-diversity', wanted: 5, available: 2 });
    expect(fit.possibleItems).toBe(10);
    const plan = drawExam(FOUR_AREA, short, fit.possibleItems, 1);
    expect(plan.items).toHaveLength(10);
    expect(plan.durationMs).toBe(14 * 60_000);
    expect(plan.sections.reduce((sum, section) => sum + section.items, 0)).toBe(10);
  });

  it('maps content areas onto the three-domain outline', () => {
    expect(domainOf('development-diversity', { outline: 'three-domain' })).toBe('assessment-planning');
    expect(domainOf('development-diversity', { outline: 'four-area' })).toBe('development-diversity');
  });
});

describe('the exam clock', () => {
  const start = 1_000_000;
  const clock = { durationMs: 30 * 60_000, usedMs: 0, runningSince: start };

  it('runs by the wall clock and stops during a break that pauses it', () => {
    expect(remainingMs(clock, start + 60_000)).toBe(29 * 60_000);
    const paused = pauseClock(clock, start + 60_000);
    expect(remainingMs(paused, start + 20 * 60_000)).toBe(29 * 60_000);
    const resumed = resumeClock(paused, start + 20 * 60_000);
    expect(remainingMs(resumed, start + 21 * 60_000)).toBe(28 * 60_000);
    expect(remainingMs(resumed, start + 99 * 60_000)).toBe(0);
  });

  it('warns once at 10 and at 5 minutes, even when a reload skipped past both', () => {
    expect(crossedWarnings(11 * 60_000, [])).toEqual([]);
    expect(crossedWarnings(9 * 60_000, [])).toEqual([600_000]);
    expect(crossedWarnings(9 * 60_000, [600_000])).toEqual([]);
    expect(crossedWarnings(4 * 60_000, [])).toEqual([600_000, 300_000]);
  });

  it('counts the time spent on each item, but not during a break', () => {
    const exam = { current: 3, shownSince: start, timeMs: { 3: 5000 }, breakEndsAt: undefined } as unknown as StoredExam;
    expect(leaveItem(exam, start + 7000).timeMs).toEqual({ 3: 12_000 });
    expect(leaveItem({ ...exam, breakEndsAt: start + 60_000 }, start + 7000).timeMs).toEqual({ 3: 5000 });
    expect(sectionRange({ sections: [{ title: 'a', items: 10 }, { title: 'b', items: 10 }] } as never, 1)).toEqual([10, 19]);
  });
});

describe('scoring', () => {
  it('scores the scored items, counts unanswered as wrong, and breaks the score down', () => {
    const questions = new Map(full.map((question) => [`${question.packId}/${question.questionId}`, question]));
    const items = [
      { packId: 'p', questionId: 'values-ethics-0', section: 0, pretest: false },
      { packId: 'p', questionId: 'values-ethics-1', section: 0, pretest: false },
      { packId: 'p', questionId: 'assessment-planning-0', section: 0, pretest: false },
      { packId: 'p', questionId: 'assessment-planning-1', section: 0, pretest: true },
    ];
    const result = scoreExam(items, questions, { 0: 'A', 1: 'B', 3: 'A' }, { 0: 30_000, 1: 50_000, 2: 10_000, 3: 30_000 }, 60);
    expect(result).toMatchObject({ correct: 1, scored: 3, percent: 33.3, passed: false, answered: 3, averageSecondsPerItem: 30 });
    expect(result.byArea).toEqual({ 'values-ethics': { correct: 1, total: 2 }, 'assessment-planning': { correct: 0, total: 1 } });
    expect(result.byQualifier).toEqual({ BEST: { correct: 1, total: 2 }, FIRST: { correct: 0, total: 1 } });
    expect(scoreExam(items.slice(0, 1), questions, { 0: 'A' }, {}, 70).passed).toBe(true);
  });

  it('shows each area’s trend across attempts', () => {
    const attempts: { submittedAt: Date; result: { byArea: Record<string, { correct: number; total: number }> } }[] = [
      { submittedAt: new Date(1), result: { byArea: { 'values-ethics': { correct: 1, total: 2 } } } },
      { submittedAt: new Date(2), result: { byArea: { 'values-ethics': { correct: 3, total: 4 }, 'assessment-planning': { correct: 1, total: 1 } } } },
    ];
    expect(Object.fromEntries(areaTrend(attempts))).toEqual({ 'assessment-planning': [undefined, 100], 'values-ethics': [50, 75] });
  });
});
