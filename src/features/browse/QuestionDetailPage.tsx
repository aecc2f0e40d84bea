import { useParams } from 'react-router';
import { BackLink } from '../../components/BackLink';
import { NotFound } from '../../components/NotFound';
import { usePageTitle } from '../../components/PageTitle';
import { QuestionExplanation } from '../../components/QuestionExplanation';
import { QuestionView } from '../../components/QuestionView';
import { useLoaded } from '../../components/useLoaded';
import { principleTitle } from '../../catalog/catalog';
import { difficultyLabel, STATE_LABELS } from '../../domain/browse';
import { CONTENT_AREAS } from '../../domain/content';
import { cardStatus, isChanged } from '../../domain/progress';
import { loadQuestionDetail, type QuestionDetail } from './browseData';
import './browse.css';

export function QuestionDetailPage() {
  const { packId = '', questionId = '' } = useParams();
  const loaded = useLoaded(`${packId}/${questionId}`, () => loadQuestionDetail(packId, questionId));
  if (loaded.status === 'loading') return <p role="status">Loading the question…</p>;
  if (loaded.status === 'failed') return <p role="alert">The question could not be loaded: {loaded.error.message}</p>;
  if (!loaded.value) return <NotFound what="question" />;
  return <QuestionArticle detail={loaded.value} />;
}

const noChoice = () => undefined;

function QuestionArticle({ detail }: { detail: QuestionDetail }) {
  const { pack, question, card, history } = detail;
  usePageTitle(`Question ${question.id}`);
  const status = cardStatus(card, new Date());
  const changed = isChanged(card?.contentHash, question.contentHash);
  const day = (date: Date) => date.toLocaleDateString(undefined, { dateStyle: 'medium' });
  return (
    <article className="question-detail" aria-labelledby="question-heading">
      <BackLink cameFrom="fromList" back="Back to the list" to="/browse" label="Browse all questions" />
      <p className="eyebrow">{pack.title}</p>
      <h1 id="question-heading">Question {question.id}</h1>
      <dl className="figures question-facts">
        <div>
          <dt>Content area</dt>
          <dd>{CONTENT_AREAS[question.area].label}</dd>
        </div>
        <div>
          <dt>Qualifier</dt>
          <dd>{question.qualifier}</dd>
        </div>
        <div>
          <dt>Difficulty</dt>
          <dd>{difficultyLabel(question.difficulty)}</dd>
        </div>
        <div>
          <dt>Your state</dt>
          <dd>
            {STATE_LABELS[status]}
            {card && status !== 'new' && status !== 'due' && `, next review ${day(card.due)}`}
          </dd>
        </div>
      </dl>
      {changed && <p className="notice">This question was edited since you last answered it.</p>}
      <QuestionView question={question} selected={undefined} locked onSelect={noChoice} onSubmit={noChoice} />
      <QuestionExplanation question={question} principleTitle={principleTitle} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Your answers</h2>
        {history.length === 0 ? (
          <p>You have not answered this question yet.</p>
        ) : (
          <table className="history-table">
            <caption className="visually-hidden">Every answer you gave to this question, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Your answer</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => (
                <tr key={entry.id ?? entry.review.getTime()}>
                  <td>{entry.review.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>{entry.chosen}</td>
                  <td className={entry.correct ? 'answer-right' : 'answer-wrong'}>
                    {entry.correct ? 'Right' : 'Wrong'}
                    {entry.correct && entry.confidence === 'guess' && ' (a guess)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
