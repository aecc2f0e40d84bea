import { Link, useParams } from 'react-router';
import { BackLink } from '../../components/BackLink';
import { PrincipleText } from '../../components/PrincipleText';
import { NotFound } from '../../components/NotFound';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import { loadPacksHolding, loadPrinciple, loadQuestionIndex } from '../../catalog/catalog';
import { cardsOf } from '../../db/cards';
import { database } from '../../db/database';
import { STATE_LABELS } from '../../domain/browse';
import { plainText, previewText } from '../../domain/markdownText';
import type { Principle, Question } from '../../domain/content';
import { cardStatus, isChanged, type CardStatus } from '../../domain/progress';
import { cardKey } from '../../domain/ids';

export function PrinciplePage() {
  const { principleId = '' } = useParams();
  const loaded = useLoaded(principleId, () => loadPrinciple(principleId));
  if (loaded.status === 'loading') return <p role="status">Loading the principle…</p>;
  if (loaded.status === 'failed') return <p role="alert">The principle could not be loaded: {loaded.error.message}</p>;
  if (!loaded.value) return <NotFound what="principle" />;
  return <PrincipleArticle principle={loaded.value} />;
}

function PrincipleArticle({ principle }: { principle: Principle }) {
  usePageTitle(principle.title);
  return (
    <article className="principle" aria-labelledby="principle-heading">
      <BackLink cameFrom="fromQuestion" back="Back to the question" to="/principles" label="All principles" />
      <PrincipleText principle={principle} headingId="principle-heading" />
      <PrincipleQuestions principleId={principle.id} />
    </article>
  );
}

interface PrincipleQuestion {
  packId: string;
  packTitle: string;
  question: Question;
  status: CardStatus;
  changed: boolean;
}

/** The questions of the enabled packs that rest on this principle, with the candidate's state for each. */
async function loadPrincipleQuestions(principleId: string, now: Date): Promise<PrincipleQuestion[]> {
  const linked = (await loadQuestionIndex()).filter((question) => question.principles.includes(principleId));
  const packs = await loadPacksHolding(linked);
  const found = linked.flatMap(({ packId, questionId }) => {
    const pack = packs.get(packId);
    const question = pack?.questions.find((candidate) => candidate.id === questionId);
    return pack && question ? [{ pack, question }] : [];
  });
  const cards = await cardsOf(database(), found.map(({ pack, question }) => ({ packId: pack.id, questionId: question.id })));
  return found.map(({ pack, question }) => {
    const card = cards.get(cardKey(pack.id, question.id));
    return { packId: pack.id, packTitle: pack.title, question, status: cardStatus(card, now), changed: isChanged(card?.contentHash, question.contentHash) };
  });
}

function PrincipleQuestions({ principleId }: { principleId: string }) {
  const loaded = useLoaded(principleId, () => loadPrincipleQuestions(principleId, new Date()));
  return (
    <section aria-labelledby="principle-questions-heading">
      <h2 id="principle-questions-heading">Questions on this principle</h2>
      {loaded.status === 'loading' && <p role="status">Loading the questions…</p>}
      {loaded.status === 'failed' && <p role="alert">The questions could not be loaded: {loaded.error.message}</p>}
      {loaded.status === 'ready' &&
        (loaded.value.length === 0 ? (
          <p>No question in your packs rests on this principle yet.</p>
        ) : (
          <>
            <p>
              {loaded.value.length === 1 ? '1 question' : `${loaded.value.length} questions`} in your packs.{' '}
              <Link to={`/browse?principle=${encodeURIComponent(principleId)}`}>Search and filter them</Link>
            </p>
            <ul className="principle-index">
              {loaded.value.map(({ packId, packTitle, question, status, changed }) => (
                <li key={`${packId}/${question.id}`}>
                  <Link to={`/browse/${encodeURIComponent(packId)}/${encodeURIComponent(question.id)}`}>
                    {previewText(question.stem) || plainText(question.leadIn)}
                  </Link>
                  <span className="principle-summary">
                    {packTitle} · {STATE_LABELS[status]}
                    {changed && ` · ${STATE_LABELS.changed.toLowerCase()}`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
