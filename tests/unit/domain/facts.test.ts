import { describe, expect, it } from 'vitest';
import { principlesAt, toFactColumns } from '../../../src/domain/content/facts';
import type { QuestionFacts } from '../../../src/domain/content';

describe('question facts in columns', () => {
  it('keep each question’s id, principles (one, several or none), area and hash in authored order', () => {
    const questions: QuestionFacts[] = [
      { id: 'q-2', principles: ['trust-foundation'], area: 'values-ethics', contentHash: 'h2' },
      { id: 'q-1', principles: ['informed-consent', 'confidentiality-limits'], area: 'assessment-planning', contentHash: 'h1' },
      { id: 'q-3', principles: [], area: 'intervention-practice', contentHash: 'h3' },
    ];
    const columns = toFactColumns(questions);
    expect(columns.ids).toEqual(['q-2', 'q-1', 'q-3']);
    expect(columns.areas).toEqual(['values-ethics', 'assessment-planning', 'intervention-practice']);
    expect(columns.hashes).toEqual(['h2', 'h1', 'h3']);
    expect(questions.map((_, index) => principlesAt(columns, index))).toEqual([['trust-foundation'], ['informed-consent', 'confidentiality-limits'], []]);
  });
});
