import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { Question } from '../domain/content';
import type { AnswerResult } from '../domain/grading';
import { Markdown } from './Markdown';

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
      <h3 id={`${id}-rationales`}>Why each option is right or wrong</h3>
      <ol className="rationales" aria-labelledby={`${id}-rationales`}>
        {question.options.map((option) => {
          const isKey = option.letter === question.answer;
          const isChosen = option.letter === result.chosen;
          return (
            <li key={option.letter} className={isKey ? 'rationale key' : 'rationale'}>
              <p className="rationale-option">
                <strong>{option.letter}.</strong> <Markdown inline source={option.text} />
                {isKey && <span className="badge badge-key">Best answer</span>}
                {isChosen && <span className={isKey ? 'badge badge-chosen-right' : 'badge badge-chosen-wrong'}>Your answer</span>}
              </p>
              <Markdown className="rationale-text" source={option.rationale} />
            </li>
          );
        })}
      </ol>
      <h3 id={`${id}-principles`}>Principles behind this question</h3>
      <ul className="principle-links" aria-labelledby={`${id}-principles`}>
        {question.principles.map((id) => (
          <li key={id}>
            <Link to={`/principles/${id}`} state={{ fromQuestion: true }}>
              {principleTitle(id)}
            </Link>
          </li>
        ))}
      </ul>
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
