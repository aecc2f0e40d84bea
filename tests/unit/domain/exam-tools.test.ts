import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseOption, leaveItem, sectionStandings, toggleEliminated, type StoredExam } from '../../../src/domain/examSession';
import { addRange, covers, normalizeRanges, removeRangeAt, sentenceRanges, subtractRange } from '../../../src/domain/highlights';
import { answerChanges, pacing } from '../../../src/domain/pacing';
import { optionKey } from '../../../src/components/optionKeys';

const start = Date.UTC(2026, 10, 20, 9);

function exam(overrides: Partial<StoredExam> = {}): StoredExam {
  return {
    id: 'current',
    plan: { blueprintId: 'b', title: 'B', items: [], sections: [{ title: 'One', items: 3 }, { title: 'Two', items: 2 }], durationMs: 600_000, breakMs: 0, breakPausesClock: false },
    passPercent: 70,
    startedAt: new Date(start),
    clock: { durationMs: 600_000, usedMs: 0, runningSince: start },
    answers: {},
    flags: [],
    current: 1,
    shownSince: start,
    timeMs: {},
    section: 0,
    warningsGiven: [],
    ...overrides,
  };
}

describe('the answer eliminator', () => {
  it('strikes and restores an option of the item on screen only', () => {
    const struck = toggleEliminated(toggleEliminated(exam(), 'C'), 'A');
    expect(struck.eliminated).toEqual({ 1: ['A', 'C'] });
    expect(toggleEliminated(struck, 'C').eliminated).toEqual({ 1: ['A'] });
  });

  it('lets a struck option be chosen, which takes its strike away, and keeps the first choice', () => {
    const chosen = chooseOption(toggleEliminated(toggleEliminated(exam(), 'B'), 'C'), 'B');
    expect(chosen.answers).toEqual({ 1: 'B' });
    expect(chosen.eliminated).toEqual({ 1: ['C'] });
    const changed = chooseOption(chosen, 'A');
    expect(changed.answers).toEqual({ 1: 'A' });
    expect(changed.firstAnswers).toEqual({ 1: 'B' });
  });

  it('reads Shift with a digit or letter as a strike, whatever character the layout gives', () => {
    expect(optionKey({ key: '2', code: 'Digit2', shiftKey: false })).toEqual({ position: 1, eliminate: false });
    expect(optionKey({ key: '@', code: 'Digit2', shiftKey: true })).toEqual({ position: 1, eliminate: true });
    expect(optionKey({ key: 'B', code: 'KeyB', shiftKey: true })).toEqual({ position: 1, eliminate: true });
    expect(optionKey({ key: 'c', code: 'KeyC', shiftKey: false })).toEqual({ position: 2, eliminate: false });
    expect(optionKey({ key: 'Enter', code: 'Enter', shiftKey: false })).toBeUndefined();
    expect(optionKey({ key: '', code: 'Unidentified', shiftKey: false })).toBeUndefined();
    expect(optionKey({ key: 'e', code: 'KeyE', shiftKey: false })).toBeUndefined();
  });
});

describe('the review screen', () => {
  it('lists the items of the open section as answered, not answered and flagged', () => {
    expect(sectionStandings(exam({ answers: { 0: 'A', 2: 'C', 3: 'B' }, flags: [2, 4] }))).toEqual([
      { index: 0, answered: true, flagged: false },
      { index: 1, answered: false, flagged: false },
      { index: 2, answered: true, flagged: true },
    ]);
    expect(sectionStandings(exam({ section: 1, answers: { 3: 'B' }, flags: [4] })).map((item) => [item.index, item.answered, item.flagged])).toEqual([
      [3, true, false],
      [4, false, true],
    ]);
  });

  it('counts the time spent there towards no item', () => {
    expect(leaveItem(exam({ reviewing: true }), start + 30_000).timeMs).toEqual({ 1: 0 });
    expect(leaveItem(exam(), start + 30_000).timeMs).toEqual({ 1: 30_000 });
  });
});

describe('highlights', () => {
  it('joins overlapping and touching ranges and clamps them to the text', () => {
    expect(normalizeRanges([{ start: 10, end: 20 }, { start: 2, end: 5 }, { start: 15, end: 30 }, { start: 5, end: 7 }, { start: 40, end: 99 }], 45)).toEqual([
      { start: 2, end: 7 },
      { start: 10, end: 30 },
      { start: 40, end: 45 },
    ]);
    expect(addRange([{ start: 0, end: 3 }], { start: 3, end: 3 }, 10)).toEqual([{ start: 0, end: 3 }]);
  });

  it('removes the whole highlight a click lands in, and cuts a stretch out of others', () => {
    const ranges = [
      { start: 0, end: 5 },
      { start: 10, end: 20 },
    ];
    expect(removeRangeAt(ranges, 12)).toEqual([{ start: 0, end: 5 }]);
    expect(removeRangeAt(ranges, 7)).toEqual(ranges);
    expect(subtractRange(ranges, { start: 3, end: 12 })).toEqual([
      { start: 0, end: 3 },
      { start: 12, end: 20 },
    ]);
    expect(covers(ranges, { start: 11, end: 19 })).toBe(true);
    expect(covers(ranges, { start: 4, end: 11 })).toBe(false);
  });

  it('keeps ranges sorted, apart and inside the text, whatever is added', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: -5, max: 60 }), end: fc.integer({ min: -5, max: 60 }) })), fc.integer({ min: 0, max: 50 }), (added, length) => {
        const ranges = added.reduce((all, range) => addRange(all, range, length), normalizeRanges([], length));
        ranges.forEach((range, index) => {
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.end).toBeLessThanOrEqual(length);
          expect(range.end).toBeGreaterThan(range.start);
          if (index > 0) expect(range.start).toBeGreaterThan(ranges[index - 1]?.end ?? -1);
        });
      }),
    );
  });

  it('splits a scenario into sentences, paragraph breaks included', () => {
    const text = 'A client arrives late. She says “I almost didn’t come.”\nHer sister waits outside!';
    expect(sentenceRanges(text).map(({ start, end }) => text.slice(start, end))).toEqual(['A client arrives late.', 'She says “I almost didn’t come.”', 'Her sister waits outside!']);
  });
});

describe('pacing', () => {
  it('finds where the time used ran past what the pace allows, and how far', () => {
    // 4 items in 4 minutes: a minute each.
    const result = pacing(4, 240_000, { 0: 30_000, 1: 100_000, 2: 80_000, 3: 10_000 });
    expect(result.paceMs).toBe(60_000);
    expect(result.items.map((item) => item.usedMs)).toEqual([30_000, 130_000, 210_000, 220_000]);
    expect(result.behind).toEqual([{ first: 1, last: 2, worstMs: 30_000, worstIndex: 2 }]);
    expect(pacing(2, 120_000, { 0: 10_000, 1: 10_000 }).behind).toEqual([]);
  });

  it('sorts changed answers by what the change did', () => {
    const keys = ['A', 'B', 'C', 'D', undefined] as const;
    const first = { 0: 'A', 1: 'A', 2: 'A', 3: 'D', 4: 'B' } as const;
    const final = { 0: 'B', 1: 'B', 2: 'B', 3: 'D', 4: 'C' } as const;
    expect(answerChanges(keys, first, final)).toEqual({ rightToWrong: [0], wrongToRight: [1], wrongToWrong: [2] });
  });
});
