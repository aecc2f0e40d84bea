import { describe, expect, it } from 'vitest';
import { toFactColumns } from '../../../src/domain/content/facts';
import type { QuestionFacts } from '../../../src/domain/content';
import { packStandings, summarizeToday } from '../../../src/domain/today';

const facts = (ids: string[]) => toFactColumns(ids.map((id): QuestionFacts => ({ id, principles: ['p'], area: 'values-ethics', contentHash: 'h', qualifier: 'BEST', difficulty: 2, answer: 'A' })));

describe('how each pack stands', () => {
  it('counts the questions never answered, and notices answered questions a pack no longer has', () => {
    const packs = [
      { packId: 'fresh', facts: facts(['a', 'b', 'c']) },
      { packId: 'studied', facts: facts(['a', 'b', 'c']) },
      { packId: 'shrunk', facts: facts(['a', 'b']) },
    ];
    const answered = new Map([
      ['studied', new Set(['a', 'c'])],
      ['shrunk', new Set(['a', 'gone'])],
    ]);
    expect(Object.fromEntries(packStandings(packs, answered))).toEqual({
      fresh: { unseen: 3, answeredGone: false },
      studied: { unseen: 1, answeredGone: false },
      shrunk: { unseen: 1, answeredGone: true },
    });
  });
});

describe('today at a glance', () => {
  it('offers no more reviews and new questions than the day has room for', () => {
    const summary = summarizeToday({ dueQuestions: 300, unseen: 40, settings: { newPerDay: 20, maxReviewsPerDay: 200 }, reviewedToday: 150, introducedToday: 15, studyDays: [], now: new Date(2026, 11, 2) });
    expect(summary).toMatchObject({ dueNow: 50, newAvailable: 5, unseen: 40, answeredToday: 165, streak: 0 });
  });
});
