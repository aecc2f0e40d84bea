import { lazy, Suspense, useEffect } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { homeReady } from '../../components/benchmarkMarks';
import { useLoaded, type Loaded } from '../../components/useLoaded';
import { builtInPacks, principleIndex, principleTitle } from '../../catalog/builtIn';
import type { PrincipleMastery } from '../../domain/mastery';
import type { HomeData } from './todaySummary';
import { formatCount, plural } from '../../domain/format';
import { databaseExists } from '../../db/exists';

// The database and the scheduler load after the first paint, keeping them out of the first download.
// (Starting this import with the app instead delays the largest paint: see docs/performance.md.)
// A first visit has no database: home then creates none and loads no Dexie.
const loadHome = async (): Promise<HomeData> =>
  (await databaseExists()) ? (await import('./todaySummary')).loadHomeData() : (await import('./firstVisit')).firstVisitHomeData();
const loadWeakest = async (): Promise<PrincipleMastery[]> => (await import('./todaySummary')).loadWeakest();
// The estimate reads every card and loads the scheduler: only candidates with a history need it, after the figures.
const ReadinessSection = lazy(() => import('./ReadinessSection'));

/** Holds its full size while loading, so nothing below it moves when the figures arrive. */
function TodayPanel({ loaded }: { loaded: Loaded<HomeData> }) {
  if (loaded.status === 'failed') return <p role="alert">Your progress could not be read: {loaded.error.message}</p>;
  const summary = loaded.status === 'ready' ? loaded.value.summary : undefined;
  const figure = (value: number | string | undefined) => (value === undefined ? '–' : typeof value === 'number' ? formatCount(value) : value);
  const toStudy = summary ? summary.dueNow + summary.newAvailable : 0;
  return (
    <section className="today" aria-labelledby="today-heading" aria-busy={!summary}>
      <h2 id="today-heading">Today</h2>
      <dl className="figures">
        <div>
          <dt>Due now</dt>
          <dd>{figure(summary?.dueNow)}</dd>
        </div>
        <div>
          <dt>New available</dt>
          <dd>{figure(summary?.newAvailable)}</dd>
        </div>
        <div>
          <dt>Answered today</dt>
          <dd>{figure(summary?.answeredToday)}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>{figure(summary && plural(summary.streak, 'day'))}</dd>
        </div>
      </dl>
      {summary?.examDaysLeft !== undefined && (
        <p className="exam-countdown">
          {summary.examDaysLeft === 0 ? 'Your exam is today.' : `${plural(summary.examDaysLeft, 'day')} to your exam.`}{' '}
          {plural(summary.unseen, 'question')} you have not seen yet.
        </p>
      )}
      <div className="actions">
        {!summary || toStudy > 0 ? (
          <Link className="button primary" to="/study">
            Study now
          </Link>
        ) : (
          <p className="nothing-due">Nothing is due. Come back later, or practise a pack below.</p>
        )}
        <Link className="button" to="/exam">
          Exam
        </Link>
      </div>
    </section>
  );
}

/** Mounted once the figures are on screen, so reading every card does not hold them up. */
function WeakestPrinciples() {
  const weakest = useLoaded('home-weakest', loadWeakest);
  if (weakest.status !== 'ready' || weakest.value.length === 0) return null;
  return (
    <section aria-labelledby="weakest-heading" className="weakest">
      <h2 id="weakest-heading">Where to focus</h2>
      <p>The principles you have studied and know least well so far:</p>
      <ol>
        {weakest.value.map((item) => (
          <li key={item.principleId}>
            <Link to={`/principles/${item.principleId}`}>{principleTitle(item.principleId)}</Link>: {item.right} of {item.questions} questions right
          </li>
        ))}
      </ol>
    </section>
  );
}

export function HomePage() {
  usePageTitle('Home');
  const loaded = useLoaded('home', loadHome);
  useEffect(() => {
    if (loaded.status === 'ready') homeReady();
  }, [loaded.status]);
  // Built-in packs show at once; imported ones and the enabled flags arrive with the database.
  const packs = loaded.status === 'ready' ? loaded.value.packs.filter((pack) => pack.enabled) : builtInPacks;
  return (
    <>
      <section className="intro">
        <h1>Practise for the ASWB exam</h1>
        <p>
          Scenario questions on trust, confidentiality and the therapeutic alliance, each explained option by option and linked to the
          principle behind it. Your progress stays on this device.
        </p>
      </section>
      <TodayPanel loaded={loaded} />
      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">Question packs</h2>
        <p>
          <Link to="/packs">Choose packs or import one</Link>
        </p>
        <ul className="pack-list">
          {packs.map((pack) => (
            <li key={pack.id} className="pack-card">
              <h3 id={`pack-${pack.id}`}>{pack.title}</h3>
              <p>{pack.description}</p>
              <p className="pack-count">{pack.questionCount} questions</p>
              <Link className="button" to={`/practice/${pack.id}`} aria-describedby={`pack-${pack.id}`}>
                Practise
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {loaded.status === 'ready' && !loaded.value.firstVisit && (
        <>
          <Suspense fallback={null}>
            <ReadinessSection />
          </Suspense>
          <WeakestPrinciples />
        </>
      )}
      <section aria-labelledby="principles-heading">
        <h2 id="principles-heading">Principles</h2>
        <p>
          <Link to="/principles">Your mastery of each principle</Link>
        </p>
        <ul className="principle-index">
          {principleIndex.map((principle) => (
            <li key={principle.id}>
              <Link to={`/principles/${principle.id}`}>{principle.title}</Link>
              <span className="principle-summary">{principle.summary}</span>
            </li>
          ))}
        </ul>
      </section>
      <footer className="home-footer">
        <p>
          For instructors: <Link to="/studio">write your own pack in the pack studio</Link>, in the browser, with nothing to install.
        </p>
      </footer>
    </>
  );
}
