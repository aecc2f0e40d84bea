import type { Readiness } from '../domain/readiness';
import { READINESS_MINIMUM } from '../domain/readiness';
import './ReadinessSummary.css';

const whole = (value: number) => Math.round(value);

/**
 * The readiness estimate in words: the expected score with its interval and the pass target, the
 * areas pulling it down, what it rests on, and what it is not. Or, before there is enough data, what it waits for.
 */
export function ReadinessSummary({ readiness, formatTitle }: { readiness: Readiness; formatTitle: string }) {
  if (readiness.status === 'not-enough') {
    return (
      <div className="readiness">
        <p>
          An estimate of your score on a full-length form of this format appears once you have answered at least {READINESS_MINIMUM.firstAnswers}{' '}
          questions, with at least {READINESS_MINIMUM.perDomain} in each of its content areas. So far you have answered{' '}
          {readiness.firstAnswers.have}.
        </p>
        {readiness.domains.length > 0 && (
          <ul>
            {readiness.domains.map((domain) => (
              <li key={domain.domain}>
                {domain.label}: {domain.have} of {domain.need}
              </li>
            ))}
          </ul>
        )}
        {readiness.missing.length > 0 && (
          <p className="notice">Your enabled packs have no questions in {readiness.missing.join(', ')}, so no form of this format can be drawn from them.</p>
        )}
      </div>
    );
  }
  const { expected, low, high, passPercent, basis } = readiness;
  const unseen = basis.bank - basis.seen;
  return (
    <div className="readiness">
      <p className="readiness-figure">
        <span className="readiness-score">{whole(expected)}%</span> ({whole(low)}–{whole(high)}%), pass target {passPercent}%
      </p>
      <p>
        The score to expect on the {readiness.formItems} scored questions of a fresh form of “{formatTitle}” drawn from your enabled packs, if you
        sat it now. Four times in five, the score would fall in the range shown.
      </p>
      {readiness.pullingDown.length > 0 ? (
        <>
          <p>Pulling it down:</p>
          <ul>
            {readiness.pullingDown.map((domain) => (
              <li key={domain.domain}>
                {domain.label}: {whole(domain.expected)}% expected on {domain.items} questions, costing {domain.shortfall.toFixed(1)} points against the
                target
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Every content area is at or above the pass target.</p>
      )}
      <details className="readiness-basis">
        <summary>What this rests on</summary>
        <p>
          Only your own answers. For the {basis.seen} of the {basis.bank} questions in your packs that you have answered, the chance of a right
          answer now comes from the scheduler’s memory model, allowing for a lucky guess among the options,{' '}
          {basis.reviews > 0 ? `and checked against your last ${basis.reviews} ${basis.reviews === 1 ? 'review' : 'reviews'}` : 'not yet checked against reviews of your own'}.
          For the {unseen} you have not seen yet, it is your accuracy on first answers in their content area ({basis.firstAnswers}{' '}
          first answers; recent ones count more). The areas are weighted as the format weights them.
        </p>
        <div className="readiness-table-scroll">
          <table className="readiness-table">
            <caption className="visually-hidden">Expected score by content area</caption>
            <thead>
              <tr>
                <th scope="col">Content area</th>
                <th scope="col" className="number">
                  Items
                </th>
                <th scope="col" className="number">
                  Seen
                </th>
                <th scope="col" className="number">
                  Score
                </th>
              </tr>
            </thead>
            <tbody>
              {readiness.domains.map((domain) => (
                <tr key={domain.domain}>
                  <th scope="row">{domain.label}</th>
                  <td className="number">{domain.items}</td>
                  <td className="number">{whole(domain.seenShare * 100)}%</td>
                  <td className="number">{whole(domain.expected)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p className="help">It estimates your score on this app’s questions. It does not predict the licensing exam, whose questions, conditions and scoring differ.</p>
    </div>
  );
}
