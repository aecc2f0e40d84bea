import { Rating, type Grade } from 'ts-fsrs';
import type { OptionLetter, Question } from './content';

/** How sure the candidate was of a right answer, marked before submitting (G = guess, E = easy). */
export type Confidence = 'normal' | 'guess' | 'easy';

export interface AnswerResult {
  chosen: OptionLetter;
  correct: boolean;
  rating: Grade;
}

/**
 * The grading policy, in one place: a wrong answer is Again; a right one is Good,
 * Hard when the candidate marked it as a guess, Easy when they marked it as easy.
 * Confidence never rescues a wrong answer.
 */
export function ratingFor(correct: boolean, confidence: Confidence): Grade {
  if (!correct) return Rating.Again;
  if (confidence === 'guess') return Rating.Hard;
  if (confidence === 'easy') return Rating.Easy;
  return Rating.Good;
}

export function gradeAnswer(question: Pick<Question, 'answer'>, chosen: OptionLetter, confidence: Confidence = 'normal'): AnswerResult {
  const correct = chosen === question.answer;
  return { chosen, correct, rating: ratingFor(correct, confidence) };
}
