import { useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import { blueprints } from '../../catalog/catalog';
import { CONTENT_AREAS, THREE_DOMAINS, type Blueprint } from '../../domain/content';
import { availability, type ExamQuestion } from '../../domain/exam';
import { loadExamBank } from './examData';
import { useShallow } from 'zustand/react/shallow';
import { useExam } from './store';
import './exam.css';

function domainLabel(domain: string): string {
  return (THREE_DOMAINS as Record<string, string>)[domain] ?? CONTENT_AREAS[domain as keyof typeof CONTENT_AREAS]?.fourArea ?? domain;
}

export function ExamStartPage() {
  usePageTitle('Exam');
  const { status, resume, abandon } = useExam(useShallow((state) => ({ status: state.status, resume: state.resume, abandon: state.abandon })));
  const saveError = useExam((state) => state.saveError);
  const bank = useLoaded('exam-bank', loadExamBank);
  const [passPercent, setPassPercent] = useState(70);
  const passId = useId();
  useEffect(() => void resume(), [resume]);

  return (
    <>
      <h1>Exam simulation</h1>
      <p>
        Rehearse under time pressure. Questions are drawn from your enabled packs in the exam’s domain mix. You see no feedback until
        the end; then a report shows where you are strong and weak.
      </p>
      {saveError && (
        <p role="alert" className="hint">
          {saveError}
        </p>
      )}
      {status === 'running' && (
        <section className="exam-resume" aria-labelledby="resume-heading">
          <h2 id="resume-heading">You have an exam in progress</h2>
          <div className="actions">
            <Link className="button primary" to="/exam/run">
              Continue the exam
            </Link>
            <button type="button" onClick={() => void abandon()}>
              Abandon it
            </button>
          </div>
        </section>
      )}
      <div className="field">
        <label htmlFor={passId}>Your pass target (%)</label>
        <input
          id={passId}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={passPercent}
          onChange={(event) => setPassPercent(Math.min(100, Math.max(1, Number(event.target.value) || 70)))}
        />
      </div>
      <h2>Choose a format</h2>
      {bank.status === 'loading' && <p role="status">Counting the questions in your packs…</p>}
      {bank.status === 'failed' && <p role="alert">Your packs could not be read: {bank.error.message}</p>}
      {bank.status === 'ready' && (
        <ul className="blueprint-list">
          {blueprints.map((blueprint) => (
            <BlueprintCard key={blueprint.id} blueprint={blueprint} bank={bank.value} passPercent={passPercent} disabled={status === 'running'} />
          ))}
        </ul>
      )}
      <p>
        <Link to="/exam/history">Your past exams</Link>
      </p>
    </>
  );
}

function BlueprintCard({ blueprint, bank, passPercent, disabled }: { blueprint: Blueprint; bank: ExamQuestion[]; passPercent: number; disabled: boolean }) {
  const navigate = useNavigate();
  const start = useExam((state) => state.start);
  const fit = availability(blueprint, bank);
  const headingId = useId();
  const short = fit.possibleItems < blueprint.items;
  const minutesFor = (items: number) => Math.ceil((blueprint.minutes * items) / blueprint.items);
  const begin = async (items: number) => {
    await start(blueprint, bank, items, passPercent);
    if (useExam.getState().status === 'running') await navigate('/exam/run');
  };
  return (
    <li className="pack-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{blueprint.title}</h3>
      <p className="pack-count">
        {blueprint.items} items · {blueprint.minutes} minutes
        {blueprint.sections ? ` · ${blueprint.sections.length} sections` : ''}
        {blueprint.break ? ` · ${blueprint.break.minutes}-minute break${blueprint.break.pausesClock ? ' (clock stops)' : ''}` : ''}
      </p>
      <p>{blueprint.description}</p>
      {short ? (
        <>
          <p className="notice">
            Your enabled packs are short of questions for this mix:{' '}
            {fit.domains
              .filter((domain) => domain.available < domain.wanted)
              .map((domain) => `${domainLabel(domain.domain)} needs ${domain.wanted}, has ${domain.available}`)
              .join('; ')}
            .
          </p>
          {fit.possibleItems > 0 ? (
            <button type="button" className="primary" disabled={disabled} onClick={() => void begin(fit.possibleItems)}>
              Start a shorter exam: {fit.possibleItems} items, {minutesFor(fit.possibleItems)} minutes
            </button>
          ) : (
            <p>Enable or import packs with questions in these domains to take this exam.</p>
          )}
        </>
      ) : (
        <button type="button" className="primary" disabled={disabled} onClick={() => void begin(blueprint.items)}>
          Start: {blueprint.items} items, {blueprint.minutes} minutes
        </button>
      )}
    </li>
  );
}
