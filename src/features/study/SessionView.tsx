import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { AnswerFeedback } from '../../components/AnswerFeedback';
import { NotFound } from '../../components/NotFound';
import { eliminatorInStudy } from '../../components/eliminatorPreference';
import { isTypingTarget, optionKey } from '../../components/optionKeys';
import { QuestionView } from '../../components/QuestionView';
import { principleTitle } from '../../catalog/catalog';
import { useLoaded } from '../../components/useLoaded';
import { onScreen } from '../../components/benchmarkMarks';
import { database } from '../../db/database';
import { nextDue } from '../../db/progress';
import type { Pack } from '../../domain/content';
import { daysUntil, localDay } from '../../domain/dates';
import { isChanged, type SessionAnswer } from '../../domain/progress';
import { SESSION_MAX_ITEMS } from '../../domain/queue';
import { cardKey } from '../../domain/ids';
import { useShallow } from 'zustand/react/shallow';
import { currentQuestion, useStudy } from './store';

const SHORTCUT_TARGETS = 'a, button, textarea, select, input[type="text"], input[type="search"], input[type="date"], input[type="number"]';

/** Principles of the answered questions, most practised first. */
function principlesStudied(answers: readonly SessionAnswer[], packs: ReadonlyMap<string, Pack>): [string, number][] {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    const question = packs.get(answer.packId)?.questions.find((candidate) => candidate.id === answer.questionId);
    for (const id of question?.principles ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function NextReview({ sessionStart }: { sessionStart: Date }) {
  const loaded = useLoaded(String(sessionStart.getTime()), () => nextDue(database(), new Date()));
  if (loaded.status !== 'ready') return null;
  const due = loaded.value;
  if (!due) return <p>No reviews are scheduled yet.</p>;
  const days = daysUntil(localDay(due), new Date());
  const when = days <= 0 ? 'later today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return (
    <p>
      Your next review is due {when}, on {due.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' })}.
    </p>
  );
}

/** One study or practice session: question, feedback, and the summary at the end. */
export function SessionView({ title }: { title: string }) {
  const { phase, session, packs, cardHashes, selected, eliminated, confidence, result, error } = useStudy(
    useShallow((state) => ({
      phase: state.phase,
      session: state.session,
      packs: state.packs,
      cardHashes: state.cardHashes,
      selected: state.selected,
      eliminated: state.eliminated,
      confidence: state.confidence,
      result: state.result,
      error: state.error,
    })),
  );
  // Actions never change: picked once, they cause no render.
  const study = useStudy(
    useShallow((state) => ({
      submit: state.submit,
      undo: state.undo,
      select: state.select,
      toggleEliminated: state.toggleEliminated,
      toggleConfidence: state.toggleConfidence,
      next: state.next,
      startNew: state.startNew,
    })),
  );
  const [hint, setHint] = useState<string>();
  const [withEliminator] = useState(eliminatorInStudy);
  const current = currentQuestion({ session, packs, phase });

  const trySubmit = () => {
    if (!selected) {
      setHint('Choose an answer first.');
      return;
    }
    setHint(undefined);
    void study.submit();
  };

  const shownId = current?.question.id;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // After "next" the button that had focus is gone: bring focus to the new question's heading.
    if (phase === 'question' && shownId) headingRef.current?.focus();
  }, [phase, shownId]);
  useEffect(() => {
    // Whatever follows a move on (the next question, or the summary) ends its measure.
    onScreen(phase === 'feedback' ? 'feedback' : 'question');
  }, [phase, shownId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Striking out works after a click on an Eliminate button too; everything else leaves controls alone, as before.
      const strike = withEliminator && phase === 'question' && optionKey(event)?.eliminate;
      if (strike ? isTypingTarget(event.target) : (event.target as HTMLElement | null)?.closest(SHORTCUT_TARGETS)) return;
      const key = event.key.toLowerCase();
      if (key === 'u' && session && session.answers.length > 0) {
        event.preventDefault();
        void study.undo();
        return;
      }
      if (phase === 'question' && current) {
        const named = optionKey(event);
        const option = named && current.question.options[named.position];
        if (named?.eliminate) {
          if (!withEliminator || !option) return;
          event.preventDefault();
          study.toggleEliminated(option.letter);
        } else if (option) {
          event.preventDefault();
          setHint(undefined);
          study.select(option.letter);
        } else if (key === 'g' || key === 'e') {
          event.preventDefault();
          study.toggleConfidence(key === 'g' ? 'guess' : 'easy');
        } else if (key === 'enter') {
          event.preventDefault();
          trySubmit();
        }
      } else if (phase === 'feedback' && (key === 'enter' || key === ' ')) {
        event.preventDefault();
        study.next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (phase === 'loading') return <p role="status">Preparing your session…</p>;
  if (phase === 'missing') return <NotFound what="pack" />;
  if (phase === 'error') {
    return (
      <section>
        <h1>{title}</h1>
        <p role="alert">The session could not be opened: {error}</p>
      </section>
    );
  }
  if (phase === 'empty') {
    return (
      <section aria-labelledby="session-heading">
        <h1 id="session-heading">Nothing to study right now</h1>
        <p>No reviews are due, and you have reached today’s limit of new questions or seen them all. Come back later, or raise the limit in settings.</p>
        <div className="actions">
          <Link to="/">Home</Link>
          <Link to="/settings">Settings</Link>
        </div>
      </section>
    );
  }
  if (phase === 'finished' && session) {
    const correct = session.answers.filter((answer) => answer.correct).length;
    const studied = principlesStudied(session.answers, packs);
    return (
      <section className="summary" aria-labelledby="session-heading">
        <h1 id="session-heading">Session complete</h1>
        <p>
          You answered {correct} of {session.answers.length} questions correctly.
        </p>
        {studied.length > 0 && (
          <>
            <h2>What you studied</h2>
            <ul>
              {studied.map(([id, count]) => (
                <li key={id}>
                  <Link to={`/principles/${id}`}>{principleTitle(id)}</Link>: {count} {count === 1 ? 'question' : 'questions'}
                </li>
              ))}
            </ul>
          </>
        )}
        {session.mode === 'study' && session.items.length >= SESSION_MAX_ITEMS ? (
          <p>Sessions stop at {SESSION_MAX_ITEMS} questions, and more are ready today: take a break, then start another session.</p>
        ) : (
          <NextReview sessionStart={session.startedAt} />
        )}
        <div className="actions">
          <button type="button" className="primary" onClick={() => void study.startNew()}>
            Start another session
          </button>
          <Link to="/">Home</Link>
        </div>
      </section>
    );
  }
  if (!session || !current) return <p role="alert">This session’s questions are no longer available.</p>;

  const total = session.items.length;
  const position = phase === 'feedback' ? session.answers.length : session.answers.length + 1;
  return (
    <article className="practice" aria-labelledby="practice-heading">
      <header className="practice-header">
        <h1 id="practice-heading" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <p className="progress-text">
          Question {position} of {total}
          {current.item.kind === 'review' && <span className="kind"> · review</span>}
        </p>
        <progress max={total} value={session.answers.length} aria-label="Progress through the session" />
      </header>
      {isChanged(cardHashes.get(cardKey(current.item.packId, current.question.id)), current.question.contentHash) && phase === 'question' && (
        <p className="notice">This question was edited since you last answered it.</p>
      )}
      <QuestionView
        question={current.question}
        selected={selected}
        locked={phase === 'feedback'}
        onSelect={study.select}
        onSubmit={trySubmit}
        hint={hint}
        eliminator={withEliminator ? { eliminated, onToggle: study.toggleEliminated } : undefined}
      >
        <button type="button" aria-pressed={confidence === 'guess'} onClick={() => study.toggleConfidence('guess')} aria-keyshortcuts="G">
          I guessed
        </button>
        <button type="button" aria-pressed={confidence === 'easy'} onClick={() => study.toggleConfidence('easy')} aria-keyshortcuts="E">
          Easy
        </button>
      </QuestionView>
      {error && (
        <p className="hint" role="alert">
          {error}
        </p>
      )}
      <div role="status" className="visually-hidden">
        {result ? (result.correct ? 'Correct' : 'Incorrect') : ''}
      </div>
      {phase === 'feedback' && result && (
        <AnswerFeedback
          question={current.question}
          result={result}
          principleTitle={principleTitle}
          onNext={study.next}
          nextLabel={session.answers.length < total ? 'Next question' : 'Finish session'}
        />
      )}
      {session.answers.length > 0 && (
        <p className="undo">
          <button type="button" onClick={() => void study.undo()} aria-keyshortcuts="U">
            Undo last answer
          </button>
        </p>
      )}
    </article>
  );
}
