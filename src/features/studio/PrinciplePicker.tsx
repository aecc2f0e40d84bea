import { useId, useState } from 'react';
import type { Problem } from '../../domain/content';
import { FieldProblems } from './fields';

export interface PickablePrinciple {
  id: string;
  title: string;
  summary: string;
  /** "This pack", "Built in" or the imported pack that brought it. */
  origin: string;
}

interface PrinciplePickerProps {
  linked: readonly string[];
  onChange: (linked: string[]) => void;
  principles: readonly PickablePrinciple[];
  /** Writes a new principle of the pack's own and links it; returns why it cannot, if it cannot. */
  onCreate: (title: string) => string | undefined;
  problems: readonly Problem[];
  onShowLine: (line: number) => void;
}

const SHOWN = 8;

/** Links a question to principles: those linked, with a button to unlink each, and a search over every principle it may link. */
export function PrinciplePicker({ linked, onChange, principles, onCreate, problems, onShowLine }: PrinciplePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const byId = new Map(principles.map((principle) => [principle.id, principle]));
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  // Principles whose title holds every word come first, then those whose id or summary does.
  const inTitle = (principle: PickablePrinciple) => words.every((word) => principle.title.toLowerCase().includes(word));
  const matches = principles
    .filter((principle) => !linked.includes(principle.id) && words.every((word) => `${principle.id} ${principle.title} ${principle.summary}`.toLowerCase().includes(word)))
    .sort((a, b) => Number(inTitle(b)) - Number(inTitle(a)));
  // The button pressed disappears from the list; the search is where a keyboard user goes on from.
  const focusSearch = () => document.getElementById(`${id}-search`)?.focus();
  const create = () => {
    const refused = onCreate(query.trim());
    setRefusal(refused);
    if (refused) return;
    setQuery('');
    focusSearch();
  };
  return (
    <fieldset className="picker" aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}>
      <legend>Principles this question rests on</legend>
      {linked.length === 0 ? (
        <p className="help">None linked yet: find one below.</p>
      ) : (
        <ul className="linked-principles">
          {linked.map((principleId) => {
            const principle = byId.get(principleId);
            const name = principle?.title ?? principleId;
            return (
              <li key={principleId}>
                <span>
                  {name} <span className="help">({principle ? principle.origin.toLowerCase() : 'not found'})</span>
                </span>
                <button
                  type="button"
                  onClick={() => {
                    onChange(linked.filter((other) => other !== principleId));
                    focusSearch();
                  }}
                  aria-label={`Unlink “${name}”`}
                >
                  Unlink
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <FieldProblems id={`${id}-problems`} problems={problems} onShowLine={onShowLine} />
      <div className="field">
        <label htmlFor={`${id}-search`}>Find a principle to link</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" aria-describedby={`${id}-count`} />
      </div>
      <p id={`${id}-count`} className="help" aria-live="polite">
        {matches.length === 0
          ? 'No principle matches.'
          : matches.length > SHOWN
            ? `${matches.length} principles match; the first ${SHOWN} are shown. Type more to narrow them.`
            : `${matches.length} ${matches.length === 1 ? 'principle matches' : 'principles match'}.`}
      </p>
      <ul className="picker-results">
        {matches.slice(0, SHOWN).map((principle) => (
          <li key={principle.id}>
            <button
              type="button"
              onClick={() => {
                onChange([...linked, principle.id]);
                setQuery('');
                focusSearch();
              }}
              aria-describedby={`${id}-${principle.id}`}
            >
              Link “{principle.title}”
            </button>
            <span id={`${id}-${principle.id}`} className="help">
              {principle.origin} · {principle.summary}
            </span>
          </li>
        ))}
      </ul>
      {query.trim() && (
        <p>
          <button type="button" onClick={create}>
            Write a new principle “{query.trim()}” for this pack
          </button>
        </p>
      )}
      {refusal && (
        <p role="alert" className="hint">
          {refusal}
        </p>
      )}
    </fieldset>
  );
}
