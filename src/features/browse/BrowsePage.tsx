import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import {
  BROWSE_STATES,
  difficultyLabel,
  filterEntries,
  hasFilters,
  readFilters,
  STATE_LABELS,
  writeFilters,
  type BrowseEntry,
  type BrowseFilters,
} from '../../domain/browse';
import { CONTENT_AREA_IDS, CONTENT_AREAS, DIFFICULTY_LABELS, QUALIFIERS, type Difficulty } from '../../domain/content';
import { loadBrowseData, type BrowseData } from './browseData';
import './browse.css';
import { plural } from '../../domain/format';

/** Results drawn at a time: a long list stays quick to render and to read with a screen reader. */
const PAGE_SIZE = 50;

export function BrowsePage() {
  usePageTitle('Browse questions');
  const loaded = useLoaded('browse', () => loadBrowseData(new Date()));
  return (
    <>
      <h1>Browse questions</h1>
      {loaded.status === 'loading' && <p role="status">Loading questions…</p>}
      {loaded.status === 'failed' && <p role="alert">The questions could not be loaded: {loaded.error.message}</p>}
      {loaded.status === 'ready' &&
        (loaded.value.entries.length === 0 ? (
          <p>
            No questions to browse: every pack is turned off. <Link to="/packs">Choose packs</Link>
          </p>
        ) : (
          <BrowseList data={loaded.value} />
        ))}
    </>
  );
}

interface Choice {
  value: string;
  label: string;
}

function FilterSelect({ id, label, allLabel, value, choices, onChange }: { id: string; label: string; allLabel: string; value: string | number | undefined; choices: readonly Choice[]; onChange(value: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value === undefined ? '' : String(value)} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const AREA_CHOICES = CONTENT_AREA_IDS.map((area) => ({ value: area, label: CONTENT_AREAS[area].label }));
const QUALIFIER_CHOICES = QUALIFIERS.map((qualifier) => ({ value: qualifier, label: qualifier }));
const DIFFICULTY_CHOICES = (Object.keys(DIFFICULTY_LABELS).map(Number) as Difficulty[]).map((difficulty) => ({ value: String(difficulty), label: difficultyLabel(difficulty) }));
const STATE_CHOICES = BROWSE_STATES.map((state) => ({ value: state, label: STATE_LABELS[state] }));

function BrowseList({ data }: { data: BrowseData }) {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(paramsKey)), [paramsKey]);
  // The box keeps its own text so typing never waits on the router; the URL follows it.
  const [query, setQuery] = useState(filters.query);
  const searchedQuery = useDeferredValue(query);
  const results = useMemo(() => filterEntries(data.entries, { ...filters, query: searchedQuery }), [data.entries, filters, searchedQuery]);
  const shown = Math.max(PAGE_SIZE, Math.floor(Number(params.get('show'))) || PAGE_SIZE);

  const listRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<number>(undefined);
  useEffect(() => {
    const index = pendingFocus.current;
    pendingFocus.current = undefined;
    // After "Show more", continue from the first new result rather than the end of the page.
    if (index !== undefined) listRef.current?.querySelectorAll('a')[index]?.focus();
  }, [shown]);

  const update = (changes: Partial<BrowseFilters>) => setParams(writeFilters({ ...filters, query, ...changes }), { replace: true });
  const showMore = () => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('show', String(shown + PAGE_SIZE));
        return next;
      },
      { replace: true },
    );
    pendingFocus.current = shown;
  };
  const clear = () => {
    setQuery('');
    setParams({}, { replace: true });
  };

  const packChoices = useMemo(() => [...data.packTitles].map(([value, label]) => ({ value, label })), [data.packTitles]);
  const principleChoices = useMemo(() => data.principles.map(({ id, title }) => ({ value: id, label: title })), [data.principles]);
  const choose = (field: keyof Omit<BrowseFilters, 'query'>) => (value: string) => update({ [field]: value || undefined });

  return (
    <>
      <form role="search" aria-label="Questions" className="browse-filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field browse-search">
          <label htmlFor="browse-query">Search</label>
          <input
            id="browse-query"
            type="search"
            value={query}
            aria-describedby="browse-query-help"
            onChange={(event) => {
              setQuery(event.target.value);
              update({ query: event.target.value });
            }}
          />
          <p id="browse-query-help" className="help">
            Finds words in the scenario, the question, the options and their explanations.
          </p>
        </div>
        <FilterSelect id="browse-pack" label="Pack" allLabel="All packs" value={filters.packId} choices={packChoices} onChange={choose('packId')} />
        <FilterSelect id="browse-principle" label="Principle" allLabel="All principles" value={filters.principleId} choices={principleChoices} onChange={choose('principleId')} />
        <FilterSelect id="browse-area" label="Content area" allLabel="All areas" value={filters.area} choices={AREA_CHOICES} onChange={choose('area')} />
        <FilterSelect id="browse-qualifier" label="Qualifier" allLabel="All qualifiers" value={filters.qualifier} choices={QUALIFIER_CHOICES} onChange={choose('qualifier')} />
        <FilterSelect id="browse-difficulty" label="Difficulty" allLabel="All difficulties" value={filters.difficulty} choices={DIFFICULTY_CHOICES} onChange={(value) => update({ difficulty: value ? (Number(value) as BrowseFilters['difficulty']) : undefined })} />
        <FilterSelect id="browse-state" label="State" allLabel="All states" value={filters.state} choices={STATE_CHOICES} onChange={choose('state')} />
        {hasFilters({ ...filters, query }) && (
          <div className="browse-clear">
            <button type="button" onClick={clear}>
              Clear search and filters
            </button>
          </div>
        )}
      </form>
      <h2 className="visually-hidden">Results</h2>
      <p role="status" className="browse-count">
        {plural(results.length, 'question')}
      </p>
      {results.length === 0 ? (
        <p>No question matches. Try fewer words or clear a filter.</p>
      ) : (
        <ol ref={listRef} className="browse-results">
          {results.slice(0, shown).map((entry) => (
            <BrowseResult key={`${entry.packId}/${entry.questionId}`} entry={entry} packTitle={data.packTitles.get(entry.packId) ?? entry.packId} />
          ))}
        </ol>
      )}
      {results.length > shown && (
        <div className="actions">
          <p className="browse-shown">
            Showing {shown} of {results.length}.
          </p>
          <button type="button" onClick={showMore}>
            Show {Math.min(PAGE_SIZE, results.length - shown)} more
          </button>
        </div>
      )}
    </>
  );
}

function BrowseResult({ entry, packTitle }: { entry: BrowseEntry; packTitle: string }) {
  return (
    <li className="browse-result">
      <Link to={`/browse/${encodeURIComponent(entry.packId)}/${encodeURIComponent(entry.questionId)}`} state={{ fromList: true }} className="browse-result-link">
        {entry.preview}
      </Link>
      <p className="browse-result-lead">{entry.leadIn}</p>
      <p className="browse-result-meta">
        <span>{packTitle}</span>
        <span className={`state-badge state-${entry.status}`}>{STATE_LABELS[entry.status]}</span>
        {entry.changed && <span className="state-badge state-changed">{STATE_LABELS.changed}</span>}
      </p>
    </li>
  );
}
