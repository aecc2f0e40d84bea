import { useState, type MouseEvent, type ReactNode } from 'react';
import { AnswerFeedback } from '../../components/AnswerFeedback';
import { QuestionView } from '../../components/QuestionView';
import type { OptionLetter, Question } from '../../domain/content';
import { gradeAnswer } from '../../domain/grading';

interface QuestionPreviewProps {
  question: Question;
  principleTitle: (id: string) => string;
  onNext?: () => void;
  nextLabel?: string;
}

/** One question exactly as a study session shows it: the candidate's view, then the feedback on the chosen answer. */
export function QuestionPreview({ question, principleTitle, onNext, nextLabel }: QuestionPreviewProps) {
  const [selected, setSelected] = useState<OptionLetter>();
  const [shown, setShown] = useState(false);
  const [hint, setHint] = useState<string>();
  const again = () => {
    setShown(false);
    setSelected(undefined);
  };
  return (
    <>
      <QuestionView
        question={question}
        selected={selected}
        locked={shown}
        onSelect={(letter) => {
          setSelected(letter);
          setHint(undefined);
        }}
        onSubmit={() => (selected ? setShown(true) : setHint('Choose an answer first.'))}
        hint={hint}
        keyHint="Choose an answer to see the feedback candidates get."
      />
      {shown && selected && (
        <AnswerFeedback
          question={question}
          result={gradeAnswer(question, selected)}
          principleTitle={principleTitle}
          onNext={
            onNext
              ? () => {
                  again();
                  onNext();
                }
              : again
          }
          nextLabel={onNext ? (nextLabel ?? 'Next question') : 'Try again'}
          focusOnShow
        />
      )}
    </>
  );
}

/**
 * Keeps links to the pack's own principles inside the studio: those pages exist only once the pack
 * is imported, so the link opens the principle's editor instead.
 */
export function OwnPrincipleLinks({ ownIds, onOpen, children }: { ownIds: ReadonlySet<string>; onOpen: (id: string) => void; children: ReactNode }) {
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element).closest?.('a[href^="/principles/"]');
    if (!link) return;
    const id = decodeURIComponent(link.getAttribute('href')?.slice('/principles/'.length) ?? '');
    if (!ownIds.has(id)) return;
    event.preventDefault();
    onOpen(id);
  };
  return (
    // The click is a link's own, caught on its way down: a link followed by keyboard sends a click too.
    <div onClickCapture={onClick}>{children}</div>
  );
}

/** The whole pack question by question, in the order candidates meet it. */
export function PackPreview({ questions, principleTitle, notShown }: { questions: readonly Question[]; principleTitle: (id: string) => string; notShown: readonly string[] }) {
  const [index, setIndex] = useState(0);
  const at = Math.min(index, questions.length - 1);
  const question = questions[at];
  return (
    <div className="pack-preview">
      {notShown.length > 0 && <p className="help">Not shown until their errors are fixed: {notShown.join(', ')}.</p>}
      {question ? (
        <>
          <div className="actions">
            <p className="progress-text">
              Question {at + 1} of {questions.length}
            </p>
            <button type="button" onClick={() => setIndex(at - 1)} disabled={at === 0}>
              Previous question
            </button>
            <button type="button" onClick={() => setIndex(at + 1)} disabled={at === questions.length - 1}>
              Next question
            </button>
          </div>
          <QuestionPreview
            key={question.id}
            question={question}
            principleTitle={principleTitle}
            {...(at < questions.length - 1 ? { onNext: () => setIndex(at + 1), nextLabel: 'Next question' } : {})}
          />
        </>
      ) : (
        <p>No question can be shown yet.</p>
      )}
    </div>
  );
}
