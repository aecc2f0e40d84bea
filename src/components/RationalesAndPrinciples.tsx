import { useId } from 'react';
import { Link } from 'react-router';
import type { OptionLetter, Question } from '../domain/content';
import { Markdown } from './Markdown';

interface RationalesAndPrinciplesProps {
  question: Question;
  /** The candidate's answer, marked beside the key; left out when reading a question outside a session. */
  chosen?: OptionLetter;
  principleTitle(id: string): string;
}

/** Why each option is better or worse, with the key (and the answer chosen) marked, then the principles behind the question. */
export function RationalesAndPrinciples({ question, chosen, principleTitle }: RationalesAndPrinciplesProps) {
  const id = useId();
  return (
    <>
      <h3 id={`${id}-rationales`}>Why each option is right or wrong</h3>
      <ol className="rationales" aria-labelledby={`${id}-rationales`}>
        {question.options.map((option) => {
          const isKey = option.letter === question.answer;
          return (
            <li key={option.letter} className={isKey ? 'rationale key' : 'rationale'}>
              <p className="rationale-option">
                <strong>{option.letter}.</strong> <Markdown inline source={option.text} />
                {isKey && <span className="badge badge-key">Best answer</span>}
                {option.letter === chosen && <span className={isKey ? 'badge badge-chosen-right' : 'badge badge-chosen-wrong'}>Your answer</span>}
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
    </>
  );
}
