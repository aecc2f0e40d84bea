import { Link, useNavigate, useParams } from 'react-router';
import { AnswerFeedback } from '../../components/AnswerFeedback';
import { NotFound } from '../../components/NotFound';
import { usePageTitle } from '../../components/PageTitle';
import { QuestionView } from '../../components/QuestionView';
import { useLoaded } from '../../components/useLoaded';
import { loadPacksHolding, principleTitle } from '../../catalog/catalog';
import { database } from '../../db/database';
import { getAttempt } from '../../db/exams';
import { startSession } from '../../db/progress';
import { CONTENT_AREAS, DIFFICULTY_LABELS, type ContentArea, type Difficulty, type Pack } from '../../domain/content';
import type { Tally } from '../../domain/exam';
import type { ExamAttempt } from '../../domain/examSession';
import { gradeAnswer } from '../../domain/grading';
import { ReadinessSummary } from '../../components/ReadinessSummary';
import { ChangesSection, PacingSection } from './ReportPacing';
import './exam.css';

async function loadReport(id: number): Promise<{ attempt: ExamAttempt; packs: Map<string, Pack> } | undefined> {
  const attempt = await getAttempt(database(), id);
  if (!attempt) return undefined;
  return { attempt, packs: await loadPacksHolding(attempt.plan.items) };
}

export function ExamReportPage() {
  const { attemptId = '' } = useParams();
  const loaded = useLoaded(attemptId, () => loadReport(Number(attemptId)));
  if (loaded.status === 'loading') return <p role="status">Loading your report…</p>;
  if (loaded.status === 'failed') return <p role="alert">The report could not be read: {loaded.error.message}</p>;
  if (!loaded.value) return <NotFound what="exam report" />;
  return <Report attempt={loaded.value.attempt} packs={loaded.value.packs} />;
}

function percent({ correct, total }: Tally): string {
  return total === 0 ? '–' : `${Math.round((correct / total) * 100)}%`;
}

function Breakdown({ title, rows, label }: { title: string; rows: Record<string, Tally>; label: (key: string) => string }) {
  const entries = Object.entries(rows).sort((a, b) => a[1].correct / a[1].total - b[1].correct / b[1].total);
  if (entries.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="report-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col" className="number">
              Right
            </th>
            <th scope="col" className="number">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([key, tally]) => (
            <tr key={key}>
              <th scope="row">{label(key)}</th>
              <td className="number">
                {tally.correct} of {tally.total}
              </td>
              <td className="number">{percent(tally)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Readiness for this exam's format as things stand now: the report of one sitting beside the estimate from all the candidate's answers. */
function ReadinessNow({ blueprintId }: { blueprintId: string }) {
  const loaded = useLoaded(`readiness-${blueprintId}`, async () => (await import('../../catalog/readiness')).loadReadiness(blueprintId));
  if (loaded.status === 'loading' || (loaded.status === 'ready' && !loaded.value)) return null;
  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness for this format</h2>
      {loaded.status === 'failed' ? (
        <p role="alert">Your readiness could not be worked out: {loaded.error.message}</p>
      ) : (
        loaded.value && (
          <>
            <p>This exam was one sitting. From everything you have answered in study, the estimate is:</p>
            <ReadinessSummary readiness={loaded.value.readiness} formatTitle={loaded.value.blueprint.title} />
          </>
        )
      )}
    </section>
  );
}

function Report({ attempt, packs }: { attempt: ExamAttempt; packs: Map<string, Pack> }) {
  usePageTitle(`Exam report: ${attempt.result.percent}%`);
  const navigate = useNavigate();
  const { result } = attempt;
  const items = attempt.plan.items.map((item, index) => {
    const question = packs.get(item.packId)?.questions.find((candidate) => candidate.id === item.questionId);
    const chosen = attempt.answers[index];
    return { item, index, question, chosen, correct: question !== undefined && chosen === question.answer, seconds: Math.round((attempt.timeMs[index] ?? 0) / 1000) };
  });
  const missed = items.filter((entry) => entry.question && !entry.correct);
  const studyMissed = async () => {
    await startSession(database(), {
      mode: 'study',
      items: missed.map(({ item }) => ({ packId: item.packId, questionId: item.questionId, kind: 'review' })),
      startedAt: new Date(),
    });
    await navigate('/study');
  };

  return (
    <>
      <h1>Exam report</h1>
      <p className="pack-count">
        {attempt.title} · {attempt.submittedAt.toLocaleString()}
        {attempt.timedOut ? ' · time ran out and the exam submitted itself' : ''}
      </p>
      <p className="report-score">{result.percent}%</p>
      <p>
        {result.correct} of {result.scored} scored questions right ({result.answered} of {attempt.plan.items.length} answered).{' '}
        <strong className={result.passed ? 'success' : 'hint'}>
          {result.passed ? 'Pass' : 'Not yet a pass'} against your target of {attempt.passPercent}%.
        </strong>
      </p>
      <p>Average time per question: {result.averageSecondsPerItem} seconds.</p>
      {missed.length > 0 && (
        <p>
          <button type="button" className="primary" onClick={() => void studyMissed()}>
            Study the {missed.length} missed {missed.length === 1 ? 'question' : 'questions'} now
          </button>
        </p>
      )}
      <ReadinessNow blueprintId={attempt.blueprintId} />
      <PacingSection attempt={attempt} />
      <ChangesSection attempt={attempt} keys={items.map((entry) => entry.question?.answer)} />
      <h2>By content area</h2>
      <Breakdown title="Content area" rows={result.byArea} label={(key) => CONTENT_AREAS[key as ContentArea]?.label ?? key} />
      <h2>By principle</h2>
      <Breakdown title="Principle" rows={result.byPrinciple} label={principleTitle} />
      <h2>By qualifier</h2>
      <Breakdown title="Qualifier" rows={result.byQualifier} label={(key) => key} />
      <h2>By difficulty</h2>
      <Breakdown title="Difficulty" rows={result.byDifficulty} label={(key) => DIFFICULTY_LABELS[Number(key) as Difficulty] ?? key} />
      <h2>Every question</h2>
      <ol className="pack-list">
        {items.map(({ item, index, question, chosen, correct, seconds }) => (
          <li key={index} className="review-item">
            <details>
              <summary>
                Question {index + 1}: {question ? (chosen === undefined ? 'not answered' : correct ? 'right' : 'wrong') : 'no longer available'} · {seconds} s
                {item.pretest ? ' · unscored pretest item' : ''}
              </summary>
              {question && (
                <>
                  <QuestionView question={question} selected={chosen} locked onSelect={() => {}} onSubmit={() => {}} />
                  {chosen ? (
                    <AnswerFeedback question={question} result={gradeAnswer(question, chosen)} principleTitle={principleTitle} focusOnShow={false} />
                  ) : (
                    <p>Not answered. The best answer is {question.answer}.</p>
                  )}
                </>
              )}
            </details>
          </li>
        ))}
      </ol>
      <p>
        <Link to="/exam/history">All your exams</Link> · <Link to="/exam">Take another exam</Link>
      </p>
    </>
  );
}
