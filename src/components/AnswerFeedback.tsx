import { useEffect, useId, useRef } from 'react';
import type { Question } from '../domain/content';
import type { AnswerResult } from '../domain/grading';
import { RationalesAndPrinciples } from './RationalesAndPrinciples';

interface AnswerFeedbackProps {
  question: Question;
  result: AnswerResult;
  principleTitle(id: string): string;
  /** The button that goes on; left out where there is nowhere to go (an exam report). */
  onNext?: () => void;
  nextLabel?: string;
  /** Move focus to the verdict, as after answering; off where several explanations show at once. */
  focusOnShow?: boolean;
}

/** Right or wrong, why each option is better or worse, and the principles behind the question. */
export function AnswerFeedback({ question, result, principleTitle, onNext, nextLabel, focusOnShow = true }: AnswerFeedbackProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [question.id, focusOnShow]);

  return (
    <section className="feedback" aria-labelledby={`${id}-verdict`}>
      <h2 id={`${id}-verdict`} ref={headingRef} tabIndex={-1} className={result.correct ? 'verdict correct' : 'verdict incorrect'}>
        {result.correct ? 'Correct' : 'Incorrect'}
      </h2>
      <p className="verdict-detail">
        {result.correct ? `${question.answer} is the best answer.` : `You chose ${result.chosen}. The best answer is ${question.answer}.`}
      </p>
      <RationalesAndPrinciples question={question} chosen={result.chosen} principleTitle={principleTitle} />
      {onNext && (
        <div className="actions">
          <button type="button" className="primary" onClick={onNext}>
            {nextLabel}
          </button>
          <p className="key-hint">Enter goes on.</p>
        </div>
      )}
    </section>
  );
}
