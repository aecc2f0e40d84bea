import type { Question, QuestionFacts } from './types';
import type { ContentArea, Difficulty, OptionLetter, Qualifier } from './vocabulary';

/** What scheduling, statistics, mastery and drawing an exam need of a question: no text, so large packs stay cheap to list. */
export function factsOf(question: Question): QuestionFacts {
  const { id, principles, area, contentHash, qualifier, difficulty, answer } = question;
  return { id, principles, area, contentHash, qualifier, difficulty, answer };
}

/**
 * A pack's question facts as arrays, one per fact, in authored order, as the database keeps them: IndexedDB
 * reads a few long arrays of strings ten times faster than thousands of small objects (5 ms
 * against 50 ms for 20,000 questions in Chromium). Principle ids are slugs, so a space joins them.
 */
export interface FactColumns {
  ids: string[];
  principles: string[];
  areas: ContentArea[];
  hashes: string[];
  qualifiers: Qualifier[];
  difficulties: Difficulty[];
  answers: OptionLetter[];
}

export function toFactColumns(questions: readonly QuestionFacts[]): FactColumns {
  return {
    ids: questions.map((question) => question.id),
    principles: questions.map((question) => question.principles.join(' ')),
    areas: questions.map((question) => question.area),
    hashes: questions.map((question) => question.contentHash),
    qualifiers: questions.map((question) => question.qualifier),
    difficulties: questions.map((question) => question.difficulty),
    answers: questions.map((question) => question.answer),
  };
}

/** The principle ids of the question at `index`. */
export function principlesAt(columns: Pick<FactColumns, 'principles'>, index: number): string[] {
  return columns.principles[index]?.split(' ').filter(Boolean) ?? [];
}

/** One pack's question facts. */
export interface PackFacts {
  packId: string;
  facts: FactColumns;
}

/** What a study queue and home's counts need of a pack's facts. */
export interface PackStudyFacts {
  packId: string;
  facts: Pick<FactColumns, 'ids' | 'principles'>;
}

/** Whether a question is in one of these packs, asked of a few keys without a key built for every question. */
export function questionIn(packs: readonly { packId: string; facts: Pick<FactColumns, 'ids'> }[]): (packId: string, questionId: string) => boolean {
  const ids = new Map(packs.map(({ packId, facts }) => [packId, new Set(facts.ids)]));
  return (packId, questionId) => ids.get(packId)?.has(questionId) ?? false;
}
