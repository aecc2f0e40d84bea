import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { OptionLetter, Question } from '../domain/content';
import { Markdown } from './Markdown';
import { optionKeyRange } from './optionKeys';

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
  /** With the answer eliminator on: the options struck out, and how to strike or restore one. */
  eliminator?: { eliminated: readonly OptionLetter[]; onToggle(letter: OptionLetter): void } | undefined;
  /** Replaces the plain scenario, as the exam's highlighter does. */
  stem?: ReactNode;
}

/** The scenario, its lead-in and the options as one radio group, submitted as a form. */
export function QuestionView({ question, selected, locked, onSelect, onSubmit, hint, children, submitLabel = 'Submit answer', keyHint, eliminator, stem }: QuestionViewProps) {
  const hintId = useId();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const eliminated = eliminator?.eliminated ?? [];
  const announcement = useEliminationAnnouncement(question.id, eliminated);
  const { digits } = optionKeyRange(question.options.length);
  return (
    <form className="question" onSubmit={handleSubmit} aria-describedby={hint ? hintId : undefined}>
      {stem ?? <Markdown className="stem" source={question.stem} />}
      <fieldset className="options" disabled={locked}>
        <legend className="lead-in">
          <Markdown inline source={question.leadIn} />
        </legend>
        {question.options.map((option, position) => {
          const struck = eliminated.includes(option.letter);
          const choice = (
            <label key={option.letter} className="option" data-selected={selected === option.letter || undefined} data-eliminated={struck || undefined}>
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
              {struck && (
                <>
                  {' '}
                  <span className="visually-hidden">(eliminated)</span>
                </>
              )}
            </label>
          );
          if (!eliminator) return choice;
          return (
            <div key={option.letter} className="option-row">
              {choice}
              <button
                type="button"
                className="eliminate"
                aria-pressed={struck}
                aria-keyshortcuts={`Shift+${position + 1}`}
                onClick={() => eliminator.onToggle(option.letter)}
              >
                <span className="eliminate-word">Eliminate</span>{' '}
                <span className="eliminate-icon" aria-hidden="true">
                  ✕
                </span>
                <span className="visually-hidden">option {option.letter}</span>
              </button>
            </div>
          );
        })}
      </fieldset>
      {eliminator && (
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
      )}
      {!locked && (
        <div className="actions">
          <button type="submit" className="primary">
            {submitLabel}
          </button>
          {children}
          <p className="key-hint">{keyHint ?? `Keys ${digits} choose, ${eliminator ? `Shift+${digits} eliminates, ` : ''}Enter submits.`}</p>
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

/** "Option B eliminated." after a strike on this question, for screen readers; nothing when the question changes. */
function useEliminationAnnouncement(questionId: string, eliminated: readonly OptionLetter[]): string {
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef({ questionId, eliminated });
  useEffect(() => {
    const before = previous.current;
    previous.current = { questionId, eliminated };
    if (before.questionId !== questionId) {
      setAnnouncement('');
      return;
    }
    const added = eliminated.find((letter) => !before.eliminated.includes(letter));
    const restored = before.eliminated.find((letter) => !eliminated.includes(letter));
    if (added) setAnnouncement(`Option ${added} eliminated.`);
    else if (restored) setAnnouncement(`Option ${restored} restored.`);
  }, [questionId, eliminated]);
  return announcement;
}
