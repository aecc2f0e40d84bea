import { useId } from 'react';
import type { Question } from '../domain/content';
import { RationalesAndPrinciples } from './RationalesAndPrinciples';

interface QuestionExplanationProps {
  question: Question;
  principleTitle(id: string): string;
}

/** The full explanation of a question read outside a session: no verdict, the best answer marked. */
export function QuestionExplanation({ question, principleTitle }: QuestionExplanationProps) {
  const id = useId();
  return (
    <section className="feedback" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Explanation</h2>
      <p>The best answer is {question.answer}.</p>
      <RationalesAndPrinciples question={question} principleTitle={principleTitle} />
    </section>
  );
}
