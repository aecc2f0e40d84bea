import { useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { QuestionView } from '../../components/QuestionView';
import { remainingMs } from '../../domain/exam';
import { sectionRange, type StoredExam } from '../../domain/examSession';
import type { Pack } from '../../domain/content';
import { formatClock } from './examData';
import { useShallow } from 'zustand/react/shallow';
import { useExam } from './store';
import './exam.css';

const SHORTCUT_TARGETS = 'a, button, textarea, select, input[type="text"], input[type="number"]';

export function ExamRunPage() {
  usePageTitle('Exam in progress');
  const { status, exam, packs, warning, attemptId, resume, tick } = useExam(
    useShallow((state) => ({ status: state.status, exam: state.exam, packs: state.packs, warning: state.warning, attemptId: state.attemptId, resume: state.resume, tick: state.tick })),
  );
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
  return <RunningExam exam={exam} packs={packs} now={now} warning={warning} />;
}

function RunningExam({ exam, packs, now, warning }: { exam: StoredExam; packs: Map<string, Pack>; now: number; warning: string | undefined }) {
  const { choose, goTo, toggleFlag, submitSection, endBreak } = useExam(
    useShallow((state) => ({ choose: state.choose, goTo: state.goTo, toggleFlag: state.toggleFlag, submitSection: state.submitSection, endBreak: state.endBreak })),
  );
  const saveError = useExam((state) => state.saveError);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [first, last] = sectionRange(exam.plan, exam.section);
  const item = exam.plan.items[exam.current];
  const question = item && packs.get(item.packId)?.questions.find((candidate) => candidate.id === item.questionId);
  const isLastSection = exam.section >= exam.plan.sections.length - 1;
  const unanswered = Array.from({ length: last - first + 1 }, (_, offset) => first + offset).filter((index) => exam.answers[index] === undefined).length;
  const remaining = remainingMs(exam.clock, now);

  const { current, section } = exam;
  useEffect(() => {
    headingRef.current?.focus();
  }, [current, section]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || exam.breakEndsAt !== undefined || !question) return;
      if ((event.target as HTMLElement | null)?.closest(SHORTCUT_TARGETS)) return;
      const key = event.key.toLowerCase();
      const position = '1234'.indexOf(key) !== -1 ? '1234'.indexOf(key) : 'abcd'.indexOf(key);
      const option = position === -1 ? undefined : question.options[position];
      if (option) choose(option.letter);
      else if (key === 'f') toggleFlag();
      else if ((key === 'enter' || key === 'arrowright') && exam.current < last) goTo(exam.current + 1);
      else if (key === 'arrowleft' && exam.current > first) goTo(exam.current - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const clock = (
    <p className="exam-clock">
      <span className="visually-hidden">Time left: </span>
      <span role="timer" aria-live="off" className={remaining <= 5 * 60_000 ? 'low' : undefined}>
        {formatClock(remaining)}
      </span>
    </p>
  );

  if (exam.breakEndsAt !== undefined) {
    return (
      <section className="exam-break" aria-labelledby="break-heading">
        <h1 id="break-heading">Break</h1>
        <p>
          {exam.plan.breakPausesClock ? 'The exam clock is stopped.' : 'The exam clock keeps running.'} Your break ends in{' '}
          {formatClock(exam.breakEndsAt - now)}. The next section is {exam.plan.sections[exam.section]?.title}.
        </p>
        {clock}
        <button type="button" className="primary" onClick={() => endBreak()}>
          End the break and continue
        </button>
      </section>
    );
  }
  if (!item || !question) return <p role="alert">This exam’s questions are no longer available.</p>;

  const flagged = exam.flags.includes(exam.current);
  return (
    <article className="exam" aria-labelledby="exam-heading">
      <header className="exam-header">
        <div>
          <h1 id="exam-heading" ref={headingRef} tabIndex={-1}>
            Question {exam.current + 1} of {exam.plan.items.length}
          </h1>
          <p className="pack-count">
            {exam.plan.title}
            {exam.plan.sections.length > 1 ? ` · ${exam.plan.sections[exam.section]?.title}` : ''}
          </p>
        </div>
        {clock}
      </header>
      <p role="alert" className="exam-warning">
        {warning}
      </p>
      {saveError && (
        <p role="alert" className="hint">
          {saveError}
        </p>
      )}
      <QuestionView
        question={question}
        selected={exam.answers[exam.current]}
        locked={false}
        onSelect={choose}
        onSubmit={() => exam.current < last && goTo(exam.current + 1)}
        submitLabel="Next question"
        keyHint="Keys 1–4 choose, F flags, ← and → move."
      >
        <button type="button" aria-pressed={flagged} onClick={toggleFlag} aria-keyshortcuts="F">
          {flagged ? 'Flagged for review' : 'Flag for review'}
        </button>
      </QuestionView>
      <nav className="exam-navigator" aria-label="Questions in this section">
        <ol>
          {Array.from({ length: last - first + 1 }, (_, offset) => first + offset).map((index) => {
            const answered = exam.answers[index] !== undefined;
            const isFlagged = exam.flags.includes(index);
            return (
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
            );
          })}
        </ol>
      </nav>
      <div className="actions">
        <button type="button" disabled={exam.current <= first} onClick={() => goTo(exam.current - 1)}>
          Previous
        </button>
        <button type="button" onClick={() => setConfirming(true)} aria-expanded={confirming}>
          {isLastSection ? 'Submit the exam…' : 'Submit this section…'}
        </button>
      </div>
      {confirming && (
        <fieldset className="confirm">
          <legend>{isLastSection ? 'Submit the exam?' : 'Submit this section?'}</legend>
          <p>
            {unanswered > 0 ? `${unanswered} ${unanswered === 1 ? 'question is' : 'questions are'} not answered. ` : 'Every question is answered. '}
            {exam.flags.filter((index) => index >= first && index <= last).length > 0 && `${exam.flags.filter((index) => index >= first && index <= last).length} flagged for review. `}
            {isLastSection ? 'You will see your report next.' : 'You cannot come back to this section afterwards.'}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void submitSection().then(() => setConfirming(false))}>
              {isLastSection ? 'Submit the exam' : 'Submit the section'}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep working
            </button>
          </div>
        </fieldset>
      )}
    </article>
  );
}
