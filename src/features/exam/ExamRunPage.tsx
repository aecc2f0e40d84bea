import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { HighlightableStem } from '../../components/HighlightableStem';
import { isControlTarget, isTypingTarget, optionKey, optionKeyRange } from '../../components/optionKeys';
import { usePageTitle } from '../../components/PageTitle';
import { QuestionView } from '../../components/QuestionView';
import { remainingMs } from '../../domain/exam';
import { sectionRange, sectionStandings, type StoredExam } from '../../domain/examSession';
import type { Pack } from '../../domain/content';
import { formatClock } from './examData';
import { useExam } from './store';
import './exam.css';

const NO_OPTIONS: never[] = [];

export function ExamRunPage() {
  usePageTitle('Exam in progress');
  const status = useExam((state) => state.status);
  const exam = useExam((state) => state.exam);
  const packs = useExam((state) => state.packs);
  const attemptId = useExam((state) => state.attemptId);
  const resume = useExam((state) => state.resume);
  const tick = useExam((state) => state.tick);
  const navigate = useNavigate();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!useExam.getState().exam) void resume();
  }, [resume]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
      void tick();
    }, 1000);
    return () => window.clearInterval(timer);
  }, [tick]);
  useEffect(() => {
    if (status === 'finished' && attemptId !== undefined) void navigate(`/exam/report/${attemptId}`, { replace: true });
  }, [status, attemptId, navigate]);

  if (status === 'none') return <Navigate to="/exam" replace />;
  if (status !== 'running' || !exam) return <p role="status">Opening your exam…</p>;
  return <RunningExam exam={exam} packs={packs} now={now} />;
}

function Clock({ remaining }: { remaining: number }) {
  return (
    <p className="exam-clock">
      <span className="visually-hidden">Time left: </span>
      <span role="timer" aria-live="off" className={remaining <= 5 * 60_000 ? 'low' : undefined}>
        {formatClock(remaining)}
      </span>
    </p>
  );
}

/** The warning as time runs low, and why a change could not be saved. */
function Alerts() {
  const warning = useExam((state) => state.warning);
  const saveError = useExam((state) => state.saveError);
  return (
    <>
      <p role="alert" className="exam-warning">
        {warning}
      </p>
      <p role="alert" className="exam-warning">
        {saveError}
      </p>
    </>
  );
}

function RunningExam({ exam, packs, now }: { exam: StoredExam; packs: Map<string, Pack>; now: number }) {
  const endBreak = useExam((state) => state.endBreak);
  const remaining = remainingMs(exam.clock, now);

  if (exam.breakEndsAt !== undefined) {
    return (
      <section className="exam-break" aria-labelledby="break-heading">
        <h1 id="break-heading">Break</h1>
        <p>
          {exam.plan.breakPausesClock ? 'The exam clock is stopped.' : 'The exam clock keeps running.'} Your break ends in{' '}
          {formatClock(exam.breakEndsAt - now)}. The next section is {exam.plan.sections[exam.section]?.title}.
        </p>
        <Clock remaining={remaining} />
        <button type="button" className="primary" onClick={() => endBreak()}>
          End the break and continue
        </button>
      </section>
    );
  }
  const clock = <Clock remaining={remaining} />;
  return exam.reviewing ? <ReviewScreen exam={exam} clock={clock} /> : <ItemScreen exam={exam} packs={packs} clock={clock} />;
}

/** Focuses the heading when what it names changes, so a screen reader starts from the new screen. */
function useFocusOnChange(...keys: unknown[]) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    // The keys name what is on screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, keys);
  return headingRef;
}

function sectionTitle(exam: StoredExam): string {
  return exam.plan.sections.length > 1 ? ` · ${exam.plan.sections[exam.section]?.title}` : '';
}

function ItemScreen({ exam, packs, clock }: { exam: StoredExam; packs: Map<string, Pack>; clock: ReactNode }) {
  const { choose, goTo, toggleFlag, toggleEliminated, setHighlights, openReview } = useExam.getState();
  const [first, last] = sectionRange(exam.plan, exam.section);
  const item = exam.plan.items[exam.current];
  const question = item && packs.get(item.packId)?.questions.find((candidate) => candidate.id === item.questionId);
  const isLastSection = exam.section >= exam.plan.sections.length - 1;
  const headingRef = useFocusOnChange(exam.current, exam.section);
  const eliminated = exam.eliminated?.[exam.current] ?? NO_OPTIONS;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || !question || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      const named = optionKey(event);
      const option = named && question.options[named.position];
      // Letters and digits work wherever focus is (after a click on a button too); Enter and the arrows leave controls their own use.
      if (option && named.eliminate) toggleEliminated(option.letter);
      else if (option) choose(option.letter);
      else if (named) return;
      else if (key === 'f') toggleFlag();
      else if (key === 'r') openReview();
      else if (isControlTarget(event.target)) return;
      else if ((key === 'enter' || key === 'arrowright') && exam.current < last) goTo(exam.current + 1);
      else if (key === 'arrowleft' && exam.current > first) goTo(exam.current - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!item || !question) return <p role="alert">This exam’s questions are no longer available.</p>;
  const flagged = exam.flags.includes(exam.current);
  const { digits } = optionKeyRange(question.options.length);
  return (
    <article className="exam" aria-labelledby="exam-heading">
      <header className="exam-header">
        <div>
          <h1 id="exam-heading" ref={headingRef} tabIndex={-1}>
            Question {exam.current + 1} of {exam.plan.items.length}
          </h1>
          <p className="pack-count">
            {exam.plan.title}
            {sectionTitle(exam)}
          </p>
        </div>
        {clock}
      </header>
      <Alerts />
      <QuestionView
        question={question}
        selected={exam.answers[exam.current]}
        locked={false}
        onSelect={choose}
        onSubmit={() => exam.current < last && goTo(exam.current + 1)}
        submitLabel="Next question"
        keyHint={`Keys ${digits} choose, Shift+${digits} eliminates, H highlights the words selected, F flags, R reviews, ← and → move.`}
        eliminator={{ eliminated, onToggle: toggleEliminated }}
        stem={<HighlightableStem key={exam.current} source={question.stem} ranges={exam.highlights?.[exam.current] ?? NO_OPTIONS} onChange={setHighlights} />}
      >
        <button type="button" aria-pressed={flagged} onClick={toggleFlag} aria-keyshortcuts="F">
          {flagged ? 'Flagged for review' : 'Flag for review'}
        </button>
      </QuestionView>
      <nav className="exam-navigator" aria-label="Questions in this section">
        <ol>
          {sectionStandings(exam).map(({ index, answered, flagged: isFlagged }) => (
            <li key={index}>
              <button
                type="button"
                className={['nav-item', answered ? 'answered' : '', isFlagged ? 'flagged' : ''].join(' ')}
                aria-current={index === exam.current ? 'step' : undefined}
                aria-label={`Question ${index + 1}, ${answered ? 'answered' : 'not answered'}${isFlagged ? ', flagged' : ''}`}
                onClick={() => goTo(index)}
              >
                {index + 1}
                {isFlagged && <span aria-hidden="true">⚑</span>}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="actions">
        <button type="button" disabled={exam.current <= first} onClick={() => goTo(exam.current - 1)}>
          Previous
        </button>
        <button type="button" onClick={() => openReview()} aria-keyshortcuts="R">
          {isLastSection ? 'Review and submit the exam' : 'Review and submit this section'}
        </button>
      </div>
    </article>
  );
}

/** Every item of the section as answered, not answered or flagged, to jump to or to submit; the clock runs on. */
function ReviewScreen({ exam, clock }: { exam: StoredExam; clock: ReactNode }) {
  const { goTo, closeReview, submitSection } = useExam.getState();
  const [confirming, setConfirming] = useState(false);
  const headingRef = useFocusOnChange(exam.section, exam.reviewing);
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  const standings = sectionStandings(exam);
  const unanswered = standings.filter((item) => !item.answered).length;
  const flagged = standings.filter((item) => item.flagged).length;
  const isLastSection = exam.section >= exam.plan.sections.length - 1;
  const what = isLastSection ? 'exam' : 'section';

  useEffect(() => {
    if (confirming) confirmRef.current?.querySelector('button')?.focus();
  }, [confirming]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      if (confirming) setConfirming(false);
      else closeReview();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const submit = () => {
    if (unanswered > 0 || flagged > 0) setConfirming(true);
    else void submitSection();
  };
  const itemsText = (count: number) => `${count} ${count === 1 ? 'question' : 'questions'}`;
  return (
    <section className="exam exam-review" aria-labelledby="review-heading">
      <header className="exam-header">
        <div>
          <h1 id="review-heading" ref={headingRef} tabIndex={-1}>
            Review{exam.plan.sections.length > 1 ? `: ${exam.plan.sections[exam.section]?.title ?? 'section'}` : ''}
          </h1>
          <p className="pack-count">
            {exam.plan.title}
            {sectionTitle(exam)}
          </p>
        </div>
        {clock}
      </header>
      <Alerts />
      <p>
        {standings.length - unanswered} answered, {unanswered} not answered, {flagged} flagged. The clock keeps running while you review.
      </p>
      <div className="table-scroll">
        <table className="report-table review-table">
          <caption className="visually-hidden">Every question of this {what}, with how it stands</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Answer</th>
              <th scope="col">Flag</th>
            </tr>
          </thead>
          <tbody>
            {standings.map(({ index, answered, flagged: isFlagged }) => (
              <tr key={index} className={answered ? undefined : 'unanswered'}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => goTo(index)}>
                    <span className="visually-hidden">Go to question</span> {index + 1}
                  </button>
                </th>
                <td>{answered ? 'Answered' : <strong>Not answered</strong>}</td>
                <td>{isFlagged ? <span className="flag-text">⚑ Flagged</span> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={submit} aria-expanded={unanswered > 0 || flagged > 0 ? confirming : undefined}>
          Submit the {what}
        </button>
        <button type="button" onClick={() => closeReview()} aria-keyshortcuts="Escape">
          Back to question {exam.current + 1}
        </button>
      </div>
      {confirming && (
        <fieldset className="confirm" ref={confirmRef}>
          <legend>Submit the {what}?</legend>
          <p>
            {unanswered > 0 ? `${itemsText(unanswered)} ${unanswered === 1 ? 'is' : 'are'} not answered and will count as wrong. ` : 'Every question is answered. '}
            {flagged > 0 && `${flagged} flagged for review. `}
            {isLastSection ? 'You will see your report next.' : 'You cannot come back to this section afterwards.'}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void submitSection()}>
              {unanswered > 0 ? `Submit with ${itemsText(unanswered)} not answered` : `Submit the ${what}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep working
            </button>
          </div>
        </fieldset>
      )}
    </section>
  );
}
