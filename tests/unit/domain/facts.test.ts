import { describe, expect, it } from 'vitest';
import { principlesAt, toFactColumns } from '../../../src/domain/content/facts';
import type { QuestionFacts } from '../../../src/domain/content';

describe('question facts in columns', () => {
  it('keep each question’s id, principles (one, several or none), area, hash, qualifier, difficulty and key in authored order', () => {
    const questions: QuestionFacts[] = [
      { id: 'q-2', principles: ['trust-foundation'], area: 'values-ethics', contentHash: 'h2', qualifier: 'FIRST', difficulty: 1, answer: 'B' },
      { id: 'q-1', principles: ['informed-consent', 'confidentiality-limits'], area: 'assessment-planning', contentHash: 'h1', qualifier: 'BEST', difficulty: 3, answer: 'D' },
      { id: 'q-3', principles: [], area: 'intervention-practice', contentHash: 'h3', qualifier: 'NEXT', difficulty: 2, answer: 'A' },
    ];
    const columns = toFactColumns(questions);
    expect(columns.ids).toEqual(['q-2', 'q-1', 'q-3']);
    expect(columns.areas).toEqual(['values-ethics', 'assessment-planning', 'intervention-practice']);
    expect(columns.hashes).toEqual(['h2', 'h1', 'h3']);
    expect([columns.qualifiers, columns.difficulties, columns.answers]).toEqual([['FIRST', 'BEST', 'NEXT'], [1, 3, 2], ['B', 'D', 'A']]);
    expect(questions.map((_, index) => principlesAt(columns, index))).toEqual([['trust-foundation'], ['informed-consent', 'confidentiality-limits'], []]);
  });
});
