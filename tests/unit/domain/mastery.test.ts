import { describe, expect, it } from 'vitest';
import { percent, principleMastery, weakestPrinciples, type MasteryQuestion, type PrincipleMastery } from '../../../src/domain/mastery';

const questions: MasteryQuestion[] = [
  { key: 'p/q1', principles: ['trust'] },
  { key: 'p/q2', principles: ['trust', 'consent'] },
  { key: 'p/q3', principles: ['trust'] },
  { key: 'p/q4', principles: ['consent'] },
  { key: 'p/q5', principles: ['boundaries', 'boundaries'] },
];

describe('principle mastery', () => {
  it('is the share of all its questions whose latest answer was right, and recall the mean over answered cards', () => {
    const result = principleMastery({
      questions,
      latestCorrect: new Map([
        ['p/q1', true],
        ['p/q2', false],
        ['p/q4', true],
      ]),
      retrievability: new Map([
        ['p/q1', 0.9],
        ['p/q2', 0.5],
        ['p/q4', 0.7],
      ]),
    });
    expect(result).toEqual([
      { principleId: 'trust', questions: 3, answered: 2, right: 1, mastery: 1 / 3, recall: 0.7 },
      { principleId: 'consent', questions: 2, answered: 2, right: 1, mastery: 0.5, recall: 0.6 },
      { principleId: 'boundaries', questions: 1, answered: 0, right: 0, mastery: undefined, recall: undefined },
    ]);
  });

  it('leaves mastery and recall undefined for a principle nobody answered yet', () => {
    const [only] = principleMastery({ questions: [{ key: 'p/q1', principles: ['trust'] }], latestCorrect: new Map(), retrievability: new Map() });
    expect(only).toMatchObject({ questions: 1, answered: 0, mastery: undefined, recall: undefined });
  });

  it('counts the latest answer only: right after wrong is right', () => {
    const [only] = principleMastery({ questions: [{ key: 'p/q1', principles: ['trust'] }], latestCorrect: new Map([['p/q1', true]]), retrievability: new Map([['p/q1', 1]]) });
    expect(only?.mastery).toBe(1);
    expect(percent(only?.mastery ?? 0)).toBe(100);
  });
});

describe('weakest principles', () => {
  const entry = (principleId: string, answered: number, mastery: number | undefined, recall: number | undefined): PrincipleMastery => ({
    principleId,
    questions: 4,
    answered,
    right: 0,
    mastery,
    recall,
  });
  const list = [
    entry('strong', 4, 1, 0.95),
    entry('unstudied', 0, undefined, undefined),
    entry('weak', 2, 0.25, 0.9),
    entry('weaker-recall', 2, 0.25, 0.6),
    entry('zero', 1, 0, 0.4),
    entry('middle', 3, 0.5, 0.8),
  ];

  it('returns the lowest-mastery studied principles, lower recall first on a tie', () => {
    expect(weakestPrinciples(list, 3).map((item) => item.principleId)).toEqual(['zero', 'weaker-recall', 'weak']);
  });

  it('never includes an unstudied principle, and returns fewer when fewer were studied', () => {
    expect(weakestPrinciples([list[0] as PrincipleMastery, list[1] as PrincipleMastery], 3).map((item) => item.principleId)).toEqual(['strong']);
    expect(weakestPrinciples([], 3)).toEqual([]);
  });

  it('does not reorder the list it is given', () => {
    const before = list.map((item) => item.principleId);
    weakestPrinciples(list, 3);
    expect(list.map((item) => item.principleId)).toEqual(before);
  });
});
