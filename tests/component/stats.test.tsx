import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../src/db/database';
import { setPackEnabled } from '../../src/db/packs';
import type { OptionLetter } from '../../src/domain/content';
import { StatsPage } from '../../src/features/stats/StatsPage';
import { answerDemoQuestion, freshStart, importExtraPack, renderAt } from './render';

// Wednesday 4 November 2026. Only Date is faked: the database's own timers keep running.
const NOW = new Date(2026, 10, 4, 10, 0, 0);
const DAY = 86_400_000;

beforeEach(async () => {
  await freshStart();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

function renderStats() {
  return renderAt(
    '/stats',
    [
      { path: '/stats', element: <StatsPage /> },
      { path: '/principles/:principleId', element: <p>Principle page</p> },
      { path: '/study', element: <p>Study page</p> },
    ],
  );
}

async function answer(questionId: string, chosen: OptionLetter, daysAgo: number) {
  await answerDemoQuestion(questionId, chosen, new Date(NOW.getTime() - daysAgo * DAY));
}

/**
 * Five answers on three days. q-001 (key B, trust) and q-002 (key C, trust and open communication).
 * Tue 27 Oct: q-001 wrong, q-002 right (first answers). Tue 3 Nov: q-001 right. Wed 4 Nov: q-002 wrong, q-001 right.
 */
async function seedHistory() {
  await answer('q-001', 'A', 8);
  await answer('q-002', 'C', 8);
  await answer('q-001', 'B', 1);
  await answer('q-002', 'A', 0);
  await answer('q-001', 'B', 0);
}

const day = (date: Date, options: Intl.DateTimeFormatOptions) => date.toLocaleDateString(undefined, options);
const longDay = (date: Date) => day(date, { weekday: 'short', month: 'short', day: 'numeric' });
const shortDay = (date: Date) => day(date, { month: 'short', day: 'numeric' });

function figure(term: string): string | null | undefined {
  return screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
}

function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...within(row).queryAllByRole('rowheader'), ...within(row).queryAllByRole('cell')].map((cell) => cell.textContent ?? ''));
}

describe('the statistics screen', () => {
  it('says there is nothing to show before the first answer, and offers to study', async () => {
    renderStats();
    expect(screen.getByRole('heading', { level: 1, name: 'Statistics' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'No answers yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Study now' })).toHaveAttribute('href', '/study');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('sums up the last 26 weeks: reviews, days studied, accuracy and true retention', async () => {
    await seedHistory();
    renderStats();
    await screen.findByRole('heading', { name: 'In the last 26 weeks' });
    expect(figure('Reviews')).toBe('5');
    expect(figure('Days studied')).toBe('3');
    // 3 of 5 right; of the 3 answers to questions seen before, 2 right.
    expect(figure('Accuracy')).toBe('60%');
    expect(figure('True retention')).toBe('67%');
  });

  it('draws the reviews per day as a labelled calendar, with the days and counts in a table', async () => {
    const user = userEvent.setup();
    await seedHistory();
    renderStats();
    const section = (await screen.findByRole('heading', { name: 'Reviews per day' })).closest('section') as HTMLElement;
    const calendar = within(section).getByRole('img');
    expect(calendar).toHaveAccessibleName(`Calendar of reviews per day over the last 26 weeks, darker for more: 5 reviews on 3 days; the busiest day was ${longDay(new Date(2026, 9, 27))} with 2 reviews.`);
    expect(calendar.querySelectorAll('rect')).toHaveLength(25 * 7 + 3);

    const details = within(section).getByRole('group');
    expect(details).not.toHaveAttribute('open');
    await user.click(within(section).getByText('Show as a table'));
    expect(details).toHaveAttribute('open');
    const table = within(section).getByRole('table', { name: /Days with reviews/ });
    expect(bodyRows(table)).toEqual([
      [longDay(new Date(2026, 9, 27)), '2'],
      [longDay(new Date(2026, 10, 3)), '1'],
      [longDay(NOW), '2'],
    ]);
  });

  it('charts accuracy and true retention week by week, with the weeks in a table', async () => {
    const user = userEvent.setup();
    await seedHistory();
    renderStats();
    const section = (await screen.findByRole('heading', { name: 'Accuracy over time' })).closest('section') as HTMLElement;
    expect(within(section).getByRole('img')).toHaveAccessibleName(
      `Line chart of accuracy and true retention per week over the last 26 weeks. Over the period: accuracy 60%, true retention 67%. Latest week with answers, from ${shortDay(new Date(2026, 10, 2))}: accuracy 67%, true retention 67%.`,
    );
    expect(within(section).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Accuracy', 'True retention']);

    await user.click(within(section).getByText('Show as a table'));
    const rows = bodyRows(within(section).getByRole('table'));
    expect(rows).toHaveLength(26);
    expect(rows.at(-2)).toEqual([shortDay(new Date(2026, 9, 26)), '2', '50%', '–']);
    expect(rows.at(-1)).toEqual([shortDay(new Date(2026, 10, 2)), '3', '67%', '67%']);
    expect(rows[0]).toEqual([shortDay(new Date(2026, 4, 11)), '0', '–', '–']);
  });

  it('forecasts the reviews due over the next 30 days, counting overdue ones on today', async () => {
    const user = userEvent.setup();
    await seedHistory();
    const db = database();
    await db.cards.update(['demo', 'q-002'], { due: new Date(NOW.getTime() - 2 * DAY) });
    await db.cards.update(['demo', 'q-001'], { due: new Date(NOW.getTime() + 3 * DAY) });
    renderStats();
    const section = (await screen.findByRole('heading', { name: 'Due in the next 30 days' })).closest('section') as HTMLElement;
    expect(within(section).getByText(/^2 reviews due in the next 30 days, 1 of them today/)).toBeInTheDocument();
    expect(within(section).getByRole('img')).toHaveAccessibleName('Bar chart of reviews due per day over the next 30 days: 2 in all, 1 today; the busiest day is Today with 1.');

    await user.click(within(section).getByText('Show as a table'));
    const rows = bodyRows(within(section).getByRole('table', { name: 'Reviews due on each of the next 30 days' }));
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual(['Today', '1']);
    expect(rows[1]).toEqual(['Tomorrow', '0']);
    expect(rows[3]).toEqual([longDay(new Date(2026, 10, 7)), '1']);
  });

  it('counts the reviews of imported packs in the forecast, and of those studied only', async () => {
    await seedHistory();
    await importExtraPack(2);
    const db = database();
    await db.cards.update(['demo', 'q-002'], { due: new Date(NOW.getTime() + 40 * DAY) });
    await db.cards.update(['demo', 'q-001'], { due: new Date(NOW.getTime() + 40 * DAY) });
    await db.cards.put({ ...(await db.cards.get(['demo', 'q-001']))!, packId: 'extra', questionId: 'x-002', due: new Date(NOW.getTime() + 3 * DAY) });
    // A card whose question the pack no longer has is not forecast.
    await db.cards.put({ ...(await db.cards.get(['demo', 'q-001']))!, packId: 'extra', questionId: 'x-gone', due: new Date(NOW.getTime() + 3 * DAY) });
    renderStats();
    const section = (await screen.findByRole('heading', { name: 'Due in the next 30 days' })).closest('section') as HTMLElement;
    expect(within(section).getByRole('img')).toHaveAccessibleName(/over the next 30 days: 1 in all, 0 today/);
  });

  it('lists accuracy by principle, weakest first and linked, and by content area, with the counts', async () => {
    await seedHistory();
    renderStats();
    const principles = within((await screen.findByRole('heading', { name: 'Accuracy by principle' })).closest('section') as HTMLElement).getByRole('table');
    expect(bodyRows(principles)).toEqual([
      ['Open communication', '1 of 2 right', '50%'],
      ['Trust as the foundation', '3 of 5 right', '60%'],
    ]);
    expect(within(principles).getByRole('link', { name: 'Open communication' })).toHaveAttribute('href', '/principles/open-communication');

    const areas = within(screen.getByRole('heading', { name: 'Accuracy by content area' }).closest('section') as HTMLElement).getByRole('table');
    expect(bodyRows(areas)).toEqual([['Values and ethics', '3 of 5 right', '60%']]);
  });

  it('keeps a turned-off pack in the history but out of the forecast', async () => {
    await seedHistory();
    await setPackEnabled(database(), 'demo', false);
    renderStats();
    const section = (await screen.findByRole('heading', { name: 'Due in the next 30 days' })).closest('section') as HTMLElement;
    expect(within(section).getByText('Nothing falls due in the next 30 days.')).toBeInTheDocument();
    expect(figure('Reviews')).toBe('5');
    const principles = within((await screen.findByRole('heading', { name: 'Accuracy by principle' })).closest('section') as HTMLElement).getByRole('table');
    expect(within(principles).getAllByRole('row')).toHaveLength(3);
  });
});
