import { useId } from 'react';
import { Link } from 'react-router';
import type { Question } from '../domain/content';
import { Markdown } from './Markdown';

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
      <h3 id={`${id}-rationales`}>Why each option is right or wrong</h3>
      <ol className="rationales" aria-labelledby={`${id}-rationales`}>
        {question.options.map((option) => {
          const isKey = option.letter === question.answer;
          return (
            <li key={option.letter} className={isKey ? 'rationale key' : 'rationale'}>
              <p className="rationale-option">
                <strong>{option.letter}.</strong> <Markdown inline source={option.text} />
                {isKey && <span className="badge badge-key">Best answer</span>}
              </p>
              <Markdown className="rationale-text" source={option.rationale} />
            </li>
          );
        })}
      </ol>
      <h3 id={`${id}-principles`}>Principles behind this question</h3>
      <ul className="principle-links" aria-labelledby={`${id}-principles`}>
        {question.principles.map((principleId) => (
          <li key={principleId}>
            <Link to={`/principles/${encodeURIComponent(principleId)}`} state={{ fromQuestion: true }}>
              {principleTitle(principleId)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
