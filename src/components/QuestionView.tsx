import { useId, type FormEvent, type ReactNode } from 'react';
import type { OptionLetter, Question } from '../domain/content';
import { Markdown } from './Markdown';

interface QuestionViewProps {
  question: Question;
  selected: OptionLetter | undefined;
  locked: boolean;
  onSelect(letter: OptionLetter): void;
  onSubmit(): void;
  /** Shown when the candidate tries to submit without choosing. */
  hint?: string | undefined;
  /** Controls shown beside the submit button, such as the confidence toggles. */
  children?: ReactNode;
  submitLabel?: string;
  keyHint?: string;
}

/** The scenario, its lead-in and the options as one radio group, submitted as a form. */
export function QuestionView({ question, selected, locked, onSelect, onSubmit, hint, children, submitLabel = 'Submit answer', keyHint }: QuestionViewProps) {
  const hintId = useId();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="question" onSubmit={handleSubmit} aria-describedby={hint ? hintId : undefined}>
      <Markdown className="stem" source={question.stem} />
      <fieldset className="options" disabled={locked}>
        <legend className="lead-in">
          <Markdown inline source={question.leadIn} />
        </legend>
        {question.options.map((option, position) => (
          <label key={option.letter} className="option" data-selected={selected === option.letter || undefined}>
            <input
              type="radio"
              name="answer"
              value={option.letter}
              checked={selected === option.letter}
              onChange={() => onSelect(option.letter)}
              aria-keyshortcuts={String(position + 1)}
            />
            <span className="option-letter" aria-hidden="true">
              {option.letter}
            </span>
            <Markdown inline className="option-text" source={option.text} />
          </label>
        ))}
      </fieldset>
      {!locked && (
        <div className="actions">
          <button type="submit" className="primary">
            {submitLabel}
          </button>
          {children}
          <p className="key-hint">{keyHint ?? `Keys 1–${question.options.length} choose, Enter submits.`}</p>
        </div>
      )}
      {hint && (
        <p id={hintId} className="hint" role="alert">
          {hint}
        </p>
      )}
    </form>
  );
}
