import type { Question, QuestionFacts } from './types';

/** What scheduling, statistics and mastery need of a question: no text, so large packs stay cheap to list. */
export function factsOf(question: Question): QuestionFacts {
  return { id: question.id, principles: question.principles, area: question.area, contentHash: question.contentHash };
}
