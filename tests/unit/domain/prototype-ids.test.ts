import { afterEach, describe, expect, it } from 'vitest';
import { browseEntries, filterEntries } from '../../../src/domain/browse';
import type { Pack, Question } from '../../../src/domain/content';
import { scoreExam, type ExamItem, type ExamQuestion } from '../../../src/domain/exam';
import { principleMastery } from '../../../src/domain/mastery';
import { cardKey } from '../../../src/domain/ids';
import { accuracyBreakdown } from '../../../src/domain/statistics';

/** Ids that are also names on Object.prototype: a plain-object tally keyed by them goes wrong. */
const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

afterEach(() => {
  // Nothing may have written onto the global Object or its prototype.
  expect((Object as unknown as Record<string, unknown>).total).toBeUndefined();
  expect((Object as unknown as Record<string, unknown>).correct).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

function question(id: string): Question {
  return {
    id,
    area: 'values-ethics',
    qualifier: 'FIRST',
    difficulty: 2,
    answer: 'A',
    principles: [id],
    tags: [],
    stem: `Scenario about ${id}.`,
    leadIn: 'What should the social worker do FIRST?',
    options: [
      { letter: 'A', text: 'Right', rationale: 'Why.' },
      { letter: 'B', text: 'Wrong', rationale: 'Why not.' },
      { letter: 'C', text: 'Also wrong', rationale: 'Why not.' },
    ],
    contentHash: 'h',
    file: `packs/${id}/${id}.md`,
  };
}

describe('ids that are names on Object.prototype', () => {
  it('get a row each in the exam report, by principle, area and pack', () => {
    const items: ExamItem[] = HOSTILE.map((id) => ({ packId: id, questionId: id, section: 0, pretest: false }));
    const questions = new Map<string, ExamQuestion>(HOSTILE.map((id) => [cardKey(id, id), { packId: id, questionId: id, area: 'values-ethics', principles: [id], qualifier: 'FIRST', difficulty: 2, answer: 'A' }]));
    const answers = { 0: 'A', 1: 'B', 2: 'A', 3: 'A' } as const;
    const result = scoreExam(items, questions, answers, {}, 70);
    expect(result).toMatchObject({ correct: 3, scored: 4 });
    expect(Object.keys(result.byPrinciple).sort()).toEqual([...HOSTILE].sort());
    for (const id of HOSTILE) expect(Object.getOwnPropertyDescriptor(result.byPrinciple, id)?.value).toEqual({ correct: id === '__proto__' ? 0 : 1, total: 1 });
  });

  it('get a row each in statistics and mastery', () => {
    const byQuestion = new Map(HOSTILE.map((id) => [cardKey(id, id), { answers: 2, right: 1 }]));
    const grouped = HOSTILE.map((id) => ({ key: cardKey(id, id), principles: [id], area: 'values-ethics' }));
    const breakdown = accuracyBreakdown(byQuestion, grouped);
    expect(breakdown.principles.map((row) => row.id).sort()).toEqual([...HOSTILE].sort());
    expect(breakdown.principles.every((row) => row.answers === 2 && row.right === 1)).toBe(true);
    const mastery = principleMastery({ questions: grouped, latestCorrect: new Map(grouped.map((item) => [item.key, true])), retrievability: new Map() });
    expect(mastery.map((row) => [row.principleId, row.right, row.questions])).toEqual(HOSTILE.map((id) => [id, 1, 1]));
  });

  it('are listed and filtered in browse like any other id', () => {
    const packs: Pick<Pack, 'id' | 'questions'>[] = HOSTILE.map((id) => ({ id, questions: [question(id)] }));
    const entries = browseEntries(packs, new Map(), new Date());
    expect(entries.map((entry) => entry.questionId)).toEqual(HOSTILE);
    for (const id of HOSTILE) {
      expect(filterEntries(entries, { query: '', packId: id }).map((entry) => entry.packId)).toEqual([id]);
      expect(filterEntries(entries, { query: '', principleId: id }).map((entry) => entry.questionId)).toEqual([id]);
    }
  });
});
