import { Link } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import { database } from '../../db/database';
import { listAttempts } from '../../db/exams';
import { CONTENT_AREAS, type ContentArea } from '../../domain/content';
import { areaTrend } from '../../domain/exam';
import './exam.css';

export function ExamHistoryPage() {
  usePageTitle('Past exams');
  const loaded = useLoaded('attempts', () => listAttempts(database()));
  if (loaded.status === 'loading') return <p role="status">Loading your exams…</p>;
  if (loaded.status === 'failed') return <p role="alert">Your exams could not be read: {loaded.error.message}</p>;
  const attempts = loaded.value;
  const trend = areaTrend(attempts);
  const day = (date: Date) => date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return (
    <>
      <h1>Past exams</h1>
      {attempts.length === 0 ? (
        <p>
          No exams yet. <Link to="/exam">Take one</Link> to see your scores here.
        </p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="report-table">
              <caption className="visually-hidden">Every exam you took, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Format</th>
                  <th scope="col" className="number">
                    Score
                  </th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={attempt.id}>
                    <td>{attempt.submittedAt.toLocaleString()}</td>
                    <td>
                      <Link to={`/exam/report/${attempt.id}`}>{attempt.title}</Link>
                    </td>
                    <td className="number">{attempt.result.percent}%</td>
                    <td>{attempt.result.passed ? 'Pass' : 'Below target'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Trend by content area</h2>
          <div className="table-scroll">
            <table className="report-table">
              <caption className="visually-hidden">Score in each content area, exam by exam</caption>
              <thead>
                <tr>
                  <th scope="col">Content area</th>
                  {attempts.map((attempt) => (
                    <th key={attempt.id} scope="col" className="number">
                      {day(attempt.submittedAt)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...trend].map(([area, scores]) => (
                  <tr key={area}>
                    <th scope="row">{CONTENT_AREAS[area as ContentArea]?.label ?? area}</th>
                    {scores.map((score, index) => (
                      <td key={index} className="number">
                        {score === undefined ? '–' : `${score}%`}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <Link to="/exam">Take an exam</Link>
      </p>
    </>
  );
}
