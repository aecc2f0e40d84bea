import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ReadinessSummary } from '../../components/ReadinessSummary';
import { useLoaded } from '../../components/useLoaded';
import { blueprints } from '../../catalog/catalog';
import { defaultReadinessFormat, loadReadiness } from '../../catalog/readiness';

const FORMAT_KEY = 'rapport-readiness-format';

function storedFormat(): string | undefined {
  try {
    const id = localStorage.getItem(FORMAT_KEY);
    return blueprints.some((blueprint) => blueprint.id === id) ? (id ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** Home's readiness estimate, for the format the candidate picks here (their newest exam's until they do). Loaded after the figures. */
export default function ReadinessSection() {
  const [picked, setPicked] = useState(storedFormat);
  const fallback = useLoaded('readiness-format', defaultReadinessFormat);
  const format = picked ?? (fallback.status === 'ready' ? fallback.value : undefined);
  const loaded = useLoaded(`readiness-${format ?? ''}`, async () => (format ? loadReadiness(format) : undefined));
  const selectId = useId();
  const pick = (id: string) => {
    setPicked(id);
    try {
      localStorage.setItem(FORMAT_KEY, id);
    } catch {
      // Not kept for the next visit; the choice still applies now.
    }
  };
  if (!format || loaded.status === 'loading') return null;
  return (
    <section aria-labelledby="readiness-heading" className="readiness-section">
      <h2 id="readiness-heading">Readiness</h2>
      <div className="field">
        <label htmlFor={selectId}>Exam format</label>
        <select id={selectId} value={format} onChange={(event) => pick(event.target.value)}>
          {blueprints.map((blueprint) => (
            <option key={blueprint.id} value={blueprint.id}>
              {blueprint.title}
            </option>
          ))}
        </select>
      </div>
      {loaded.status === 'failed' && <p role="alert">Your readiness could not be worked out: {loaded.error.message}</p>}
      {loaded.status === 'ready' && loaded.value && <ReadinessSummary readiness={loaded.value.readiness} formatTitle={loaded.value.blueprint.title} />}
      <p>
        <Link to="/exam">Rehearse under exam conditions</Link>
      </p>
    </section>
  );
}
