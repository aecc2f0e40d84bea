import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BarChart } from '../../components/charts/BarChart';
import { DataTable } from '../../components/charts/DataTable';
import { Heatmap } from '../../components/charts/Heatmap';
import { LineChart } from '../../components/charts/LineChart';
import { ShareTable } from '../../components/charts/ShareTable';
import { usePageTitle } from '../../components/PageTitle';
import { useLoaded } from '../../components/useLoaded';
import { principleTitle } from '../../catalog/catalog';
import { CONTENT_AREAS, type ContentArea } from '../../domain/content';
import { percent } from '../../domain/mastery';
import { addDays, dateOfDay } from '../../domain/dates';
import { FORECAST_DAYS, HEAT_LEVELS, share, WEEKS_SHOWN, type GroupAccuracy } from '../../domain/statistics';
import { loadBreakdown, loadStats, type StatsData } from './statsData';
import './stats.css';
import { formatCount, plural } from '../../domain/format';

export function StatsPage() {
  usePageTitle('Statistics');
  const loaded = useLoaded('stats', () => loadStats(new Date()));
  return (
    <>
      <h1>Statistics</h1>
      {loaded.status === 'loading' && <p role="status">Loading your statistics…</p>}
      {loaded.status === 'failed' && <p role="alert">Your statistics could not be read: {loaded.error.message}</p>}
      {loaded.status === 'ready' && (loaded.value ? <Statistics data={loaded.value} /> : <NoAnswers />)}
    </>
  );
}

function NoAnswers() {
  return (
    <section className="stats-empty" aria-labelledby="no-answers-heading">
      <h2 id="no-answers-heading">No answers yet</h2>
      <p>
        Once you have answered a few questions, this page shows the days you studied, your accuracy week by week, the reviews coming up
        and how you do on each principle.
      </p>
      <p>
        <Link className="button primary" to="/study">
          Study now
        </Link>
      </p>
    </section>
  );
}

function percentText(value: number | undefined): string {
  return value === undefined ? '–' : `${percent(value)}%`;
}

// One formatter each: toLocaleDateString makes a new one per call, slow over a half-year calendar.
const shortDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
const shortDay = (day: string) => shortDayFormat.format(dateOfDay(day));
const longDay = (day: string) => longDayFormat.format(dateOfDay(day));
const PERIOD = `the last ${WEEKS_SHOWN} weeks`;

function Statistics({ data }: { data: StatsData }) {
  const { activity } = data;
  const studied = activity.answers > 0;
  return (
    <>
      <section className="stats-overview" aria-labelledby="overview-heading">
        <h2 id="overview-heading">In {PERIOD}</h2>
        <dl className="figures">
          <div>
            <dt>Reviews</dt>
            <dd>{formatCount(activity.answers)}</dd>
          </div>
          <div>
            <dt>Days studied</dt>
            <dd>{formatCount(activity.daysStudied)}</dd>
          </div>
          <div>
            <dt>Accuracy</dt>
            <dd>{percentText(share(activity.right, activity.answers))}</dd>
          </div>
          <div>
            <dt>True retention</dt>
            <dd>{percentText(share(activity.reviewsRight, activity.reviews))}</dd>
          </div>
        </dl>
      </section>
      <ActivitySection data={data} />
      <AccuracySection data={data} studied={studied} />
      <ForecastSection data={data} />
      <BreakdownSection studied={studied} />
    </>
  );
}

/** Month names over the first week of each month, skipping one that would crowd the next. */
function monthLabels(weeks: readonly string[]): { column: number; text: string }[] {
  const labels: { column: number; text: string }[] = [];
  weeks.forEach((week, column) => {
    const month = dateOfDay(week).getMonth();
    const previous = column === 0 ? undefined : dateOfDay(weeks[column - 1] ?? week).getMonth();
    if (month === previous) return;
    const last = labels.at(-1);
    if (last && column - last.column < 3) labels.pop();
    labels.push({ column, text: dateOfDay(week).toLocaleDateString(undefined, { month: 'short' }) });
  });
  return labels;
}

function ActivitySection({ data }: { data: StatsData }) {
  const { activity, window } = data;
  const monday = window.weeks[0] ?? window.today;
  // Monday, Wednesday and Friday name their rows, as on a wall calendar.
  const rowLabels = [0, 1, 2, 3, 4, 5, 6].map((row) => (row % 2 === 0 && row < 6 ? dateOfDay(addDays(monday, row)).toLocaleDateString(undefined, { weekday: 'short' }) : ''));
  const busiest = activity.busiest ? `; the busiest day was ${longDay(activity.busiest.day)} with ${plural(activity.busiest.answers, 'review')}` : '';
  const label = `Calendar of reviews per day over ${PERIOD}, darker for more: ${plural(activity.answers, 'review')} on ${plural(activity.daysStudied, 'day')}${busiest}.`;
  const daysWithAnswers = activity.days.filter((day) => day.answers > 0);
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Reviews per day</h2>
      <p className="help">Every answer counts as a review, first answers included. Weeks run from Monday, left to right.</p>
      <Heatmap
        label={label}
        columns={window.weeks.length}
        rows={7}
        levels={HEAT_LEVELS}
        rowLabels={rowLabels}
        columnLabels={monthLabels(window.weeks)}
        legend={{ fewer: 'Fewer', more: 'More' }}
        cells={activity.days.map((day) => ({
          key: day.day,
          column: day.week,
          row: day.weekday,
          level: day.level,
          title: `${longDay(day.day)}: ${plural(day.answers, 'review')}`,
        }))}
      />
      {daysWithAnswers.length > 0 && (
        <DataTable
          subject="reviews per day"
          caption={`Days with reviews in ${PERIOD}; days without are left out`}
          columns={[{ header: 'Day' }, { header: 'Reviews', numeric: true }]}
          rows={daysWithAnswers.map((day) => ({ key: day.day, cells: [longDay(day.day), formatCount(day.answers)] }))}
        />
      )}
    </section>
  );
}

function AccuracySection({ data, studied }: { data: StatsData; studied: boolean }) {
  const { weeks, activity } = data;
  const latest = weeks.findLast((week) => week.answers > 0);
  const latestText = latest
    ? ` Latest week with answers, from ${shortDay(latest.week)}: accuracy ${percentText(latest.accuracy)}, true retention ${percentText(latest.retention)}.`
    : '';
  const label = `Line chart of accuracy and true retention per week over ${PERIOD}. Over the period: accuracy ${percentText(share(activity.right, activity.answers))}, true retention ${percentText(share(activity.reviewsRight, activity.reviews))}.${latestText}`;
  return (
    <section aria-labelledby="accuracy-heading">
      <h2 id="accuracy-heading">Accuracy over time</h2>
      <p className="help">
        <strong>Accuracy</strong> is the share of all your answers that were right. <strong>True retention</strong> counts only answers to
        questions you had answered before: how much you keep from one review to the next, the figure your desired retention aims at.
      </p>
      {!studied ? (
        <p>No answers in {PERIOD}.</p>
      ) : (
        <>
          <LineChart
            label={label}
            series={[
              { name: 'Accuracy', values: weeks.map((week) => week.accuracy) },
              { name: 'True retention', values: weeks.map((week) => week.retention) },
            ]}
            xLabels={weeks.map((week, index) => ((weeks.length - 1 - index) % 6 === 0 ? shortDay(week.week) : ''))}
            yMax={1}
            yTicks={[0, 0.25, 0.5, 0.75, 1]}
            formatTick={(value) => `${Math.round(value * 100)}%`}
          />
          <DataTable
            subject="accuracy per week"
            caption={`Accuracy and true retention, week by week, over ${PERIOD}`}
            columns={[{ header: 'Week from' }, { header: 'Answers', numeric: true }, { header: 'Accuracy', numeric: true }, { header: 'True retention', numeric: true }]}
            rows={weeks.map((week) => ({
              key: week.week,
              cells: [shortDay(week.week), formatCount(week.answers), percentText(week.accuracy), percentText(week.retention)],
            }))}
          />
        </>
      )}
    </section>
  );
}

function ForecastSection({ data }: { data: StatsData }) {
  const { forecast } = data;
  const total = forecast.reduce((sum, day) => sum + day.due, 0);
  const today = forecast[0]?.due ?? 0;
  const dayName = (index: number, day: string) => (index === 0 ? 'Today' : index === 1 ? 'Tomorrow' : longDay(day));
  const busiest = forecast.reduce<{ index: number; due: number } | undefined>((best, day, index) => (day.due > (best?.due ?? 0) ? { index, due: day.due } : best), undefined);
  const busiestText = busiest ? `; the busiest day is ${dayName(busiest.index, forecast[busiest.index]?.day ?? '')} with ${formatCount(busiest.due)}` : '';
  const label = `Bar chart of reviews due per day over the next ${FORECAST_DAYS} days: ${total} in all, ${today} today${busiestText}.`;
  return (
    <section aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Due in the next {FORECAST_DAYS} days</h2>
      <p>
        {total === 0
          ? `Nothing falls due in the next ${FORECAST_DAYS} days.`
          : `${plural(total, 'review')} due in the next ${FORECAST_DAYS} days, ${today} of them today (overdue ones included).`}{' '}
        <span className="help">Questions of the packs you study.</span>
      </p>
      <BarChart
        label={label}
        values={forecast.map((day) => day.due)}
        xLabels={forecast.map((day, index) => (index === 0 ? 'Today' : index % 7 === 0 ? shortDay(day.day) : ''))}
        titles={forecast.map((day, index) => `${dayName(index, day.day)}: ${formatCount(day.due)} due`)}
      />
      <DataTable
        subject="reviews due per day"
        caption={`Reviews due on each of the next ${FORECAST_DAYS} days`}
        columns={[{ header: 'Day' }, { header: 'Due', numeric: true }]}
        rows={forecast.map((day, index) => ({ key: day.day, cells: [dayName(index, day.day), formatCount(day.due)] }))}
      />
    </section>
  );
}

function areaLabel(id: string): string {
  return Object.hasOwn(CONTENT_AREAS, id) ? CONTENT_AREAS[id as ContentArea].label : id;
}

function shareRows(groups: readonly GroupAccuracy[], label: (id: string) => ReactNode) {
  return groups.map((group) => ({ key: group.id, label: label(group.id), share: group.accuracy, detail: `${formatCount(group.right)} of ${formatCount(group.answers)} right` }));
}

/** Loads after the rest: it counts every answer of the period, which takes a while with a long history. */
function BreakdownSection({ studied }: { studied: boolean }) {
  const loaded = useLoaded('stats-breakdown', () => loadBreakdown(new Date()));
  const headers = (label: string) => ({ label, detail: 'Answers', share: 'Accuracy' });
  if (loaded.status !== 'ready') {
    return (
      <section aria-labelledby="principles-heading">
        <h2 id="principles-heading">Accuracy by principle and content area</h2>
        {loaded.status === 'loading' ? <p role="status">Counting your answers by principle…</p> : <p role="alert">These could not be counted: {loaded.error.message}</p>}
      </section>
    );
  }
  const breakdown = loaded.value;
  return (
    <>
      <section aria-labelledby="principles-heading">
        <h2 id="principles-heading">Accuracy by principle</h2>
        {!studied || breakdown.principles.length === 0 ? (
          <p>No answers in {PERIOD}.</p>
        ) : (
          <>
            <p className="help">Every answer in {PERIOD}, counted towards each principle its question rests on. Weakest first.</p>
            <ShareTable
              caption="Accuracy by principle, weakest first"
              headers={headers('Principle')}
              rows={shareRows(breakdown.principles, (id) => (
                <Link to={`/principles/${encodeURIComponent(id)}`}>{principleTitle(id)}</Link>
              ))}
            />
          </>
        )}
      </section>
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">Accuracy by content area</h2>
        {!studied || breakdown.areas.length === 0 ? (
          <p>No answers in {PERIOD}.</p>
        ) : (
          <ShareTable caption="Accuracy by ASWB content area" headers={headers('Content area')} rows={shareRows(breakdown.areas, areaLabel)} />
        )}
        {breakdown.unmatched > 0 && (
          <p className="help">{plural(breakdown.unmatched, 'answer')} to questions no longer in any of your packs are left out of these tables.</p>
        )}
      </section>
    </>
  );
}
