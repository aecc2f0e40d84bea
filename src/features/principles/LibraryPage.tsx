import { Link } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import { principleTitle } from '../../catalog/catalog';
import { isStudied, percent, type PrincipleMastery } from '../../domain/mastery';
import { loadLibrary, type LibraryData } from '../../catalog/mastery';
import './library.css';
import { plural } from '../../domain/format';

export function LibraryPage() {
  usePageTitle('Principles');
  const loaded = useLoaded('library', () => loadLibrary(new Date()));
  return (
    <>
      <h1>Principles</h1>
      <p className="library-intro">
        Every principle the questions rest on, and how well you know it. <strong>Mastery</strong> is the share of its questions you got
        right the last time you answered them; <strong>recall</strong> is how likely you are to remember the ones you have answered, today.
      </p>
      {loaded.status === 'loading' && <p role="status">Loading your progress…</p>}
      {loaded.status === 'failed' && <p role="alert">Your progress could not be read: {loaded.error.message}</p>}
      {loaded.status === 'ready' && <Library data={loaded.value} />}
    </>
  );
}

function masteryText(mastery: PrincipleMastery | undefined): string {
  if (!mastery || !isStudied(mastery)) return 'Not studied yet';
  const parts = [`Mastery ${percent(mastery.mastery ?? 0)}%`];
  if (mastery.recall !== undefined) parts.push(`recall ${percent(mastery.recall)}%`);
  return parts.join(' · ');
}

function countText(mastery: PrincipleMastery | undefined): string {
  if (!mastery) return 'No questions in your packs yet';
  if (!isStudied(mastery)) return plural(mastery.questions, 'question');
  return `${mastery.answered} of ${plural(mastery.questions, 'question')} answered`;
}

/** A small bar of the mastery share; the text beside it says the same, so it is hidden from assistive technology. */
function MasteryBar({ share }: { share: number }) {
  return (
    <svg className="mastery-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="mastery-bar-track" x="0" y="0" width="100" height="8" />
      {share > 0 && <rect className="mastery-bar-fill" x="0" y="0" width={percent(share)} height="8" />}
    </svg>
  );
}

function MasteryLine({ mastery }: { mastery: PrincipleMastery | undefined }) {
  const studied = mastery !== undefined && isStudied(mastery);
  return (
    <div className="mastery">
      <p className={studied ? 'mastery-text' : 'mastery-text not-studied'}>{masteryText(mastery)}</p>
      {studied && <MasteryBar share={mastery.mastery ?? 0} />}
      <p className="mastery-count">{countText(mastery)}</p>
    </div>
  );
}

function Library({ data }: { data: LibraryData }) {
  return (
    <>
      {data.weakest.length > 0 && (
        <section className="library-focus" aria-labelledby="focus-heading">
          <h2 id="focus-heading">Where to focus</h2>
          <p>{data.weakest.length === 1 ? 'Your weakest principle so far:' : `Your ${data.weakest.length} weakest principles so far:`}</p>
          <ol>
            {data.weakest.map((mastery) => (
              <li key={mastery.principleId}>
                <Link to={`/principles/${encodeURIComponent(mastery.principleId)}`}>{principleTitle(mastery.principleId)}</Link>
                <span className="focus-figures">{masteryText(mastery)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="all-principles-heading">
        <h2 id="all-principles-heading">All principles</h2>
        <ul className="library-list">
          {data.principles.map((principle) => (
            <li key={principle.id} className="library-item">
              <h3>
                <Link to={`/principles/${encodeURIComponent(principle.id)}`}>{principle.title}</Link>
              </h3>
              <p className="library-summary">{principle.summary}</p>
              <MasteryLine mastery={data.mastery.get(principle.id)} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
