import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/db/database';
import { setPackEnabled } from '../../src/db/packs';
import { saveSettings } from '../../src/db/progress';
import { newCard, State } from '../../src/domain/scheduling';
import { answerDemoQuestion, freshStart, importExtraPack, renderAt } from './render';

beforeEach(freshStart);

const HOUR = 3_600_000;

/** The figure shown under a label of the Today panel, once the database has answered. */
async function figure(label: string): Promise<string> {
  const today = await screen.findByRole('region', { name: 'Today' });
  await waitFor(() => expect(today).toHaveAttribute('aria-busy', 'false'));
  const term = within(today).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('home', () => {
  it('greets a first visit with nothing answered, every question new, and a way to start', async () => {
    renderAt('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Practise for the ASWB exam' })).toBeInTheDocument();
    expect(await figure('New available')).toBe('2');
    expect(await figure('Due now')).toBe('0');
    expect(await figure('Answered today')).toBe('0');
    expect(await figure('Streak')).toBe('0 days');
    const today = screen.getByRole('region', { name: 'Today' });
    expect(within(today).getByRole('link', { name: 'Study now' })).toHaveAttribute('href', '/study');
    expect(within(today).getByRole('link', { name: 'Exam' })).toHaveAttribute('href', '/exam');
    expect(screen.getByRole('link', { name: /Practise/ })).toHaveAttribute('href', '/practice/demo');
    expect(screen.queryByRole('region', { name: 'Where to focus' })).not.toBeInTheDocument();
  });

  it('shows a browser with no database yet the same figures, and creates none', async () => {
    await database().delete();
    renderAt('/');
    expect(await figure('New available')).toBe('2');
    expect(await figure('Due now')).toBe('0');
    expect(await figure('Streak')).toBe('0 days');
    expect(screen.getByRole('heading', { level: 3, name: 'Demo pack' })).toBeInTheDocument();
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('rapport');
  });

  it('counts today’s answers and the streak, and names the weakest principles first', async () => {
    await answerDemoQuestion('q-001', 'A', new Date(Date.now() - 24 * HOUR));
    await answerDemoQuestion('q-002', 'C', new Date());
    renderAt('/');
    expect(await figure('Answered today')).toBe('1');
    expect(await figure('Streak')).toBe('2 days');
    expect(await figure('New available')).toBe('0');
    const focus = await screen.findByRole('region', { name: 'Where to focus' });
    const items = within(focus).getAllByRole('listitem');
    // q-001 (trust only) was missed; open communication rests on q-002 alone, answered right.
    expect(items[0]).toHaveTextContent('Trust as the foundation: 1 of 2 questions right');
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/principles/trust-foundation');
  });

  it('counts as due only the due cards of enabled packs that still have their questions', async () => {
    const db = database();
    const anHourAgo = new Date(Date.now() - HOUR);
    await answerDemoQuestion('q-001', 'A', new Date(Date.now() - 48 * HOUR));
    await answerDemoQuestion('q-002', 'C', new Date());
    // A card of a question the demo pack no longer has, and one of an imported pack, both overdue.
    const card = (packId: string, questionId: string) => ({ ...newCard(anHourAgo), packId, questionId, contentHash: 'h', state: State.Review });
    await db.cards.bulkPut([card('demo', 'q-gone'), card('extra', 'x-001')]);
    await db.answeredQuestions.bulkPut([
      { packId: 'demo', questionIds: ['q-001', 'q-002', 'q-gone'] },
      { packId: 'extra', questionIds: ['x-001'] },
    ]);
    await importExtraPack(2);
    await setPackEnabled(db, 'extra', false);
    renderAt('/');
    // q-001, answered wrong two days ago, is due; q-002 was answered right today.
    expect(await figure('Due now')).toBe('1');
    cleanup();

    await setPackEnabled(db, 'extra', true);
    renderAt('/');
    expect(await figure('Due now')).toBe('2');
    expect(await figure('New available')).toBe('1');
  });

  it('counts down to the exam date with the questions not yet seen', async () => {
    const inTenDays = new Date(Date.now() + 10 * 24 * HOUR);
    await saveSettings(database(), { examDate: localDay(inTenDays) });
    await answerDemoQuestion('q-001', 'B', new Date());
    renderAt('/');
    expect(await screen.findByText(/10 days to your exam\. 1 question you have not seen yet\./)).toBeInTheDocument();
  });

  it('says when nothing is left to study today instead of offering an empty session', async () => {
    await answerDemoQuestion('q-001', 'B', new Date());
    await answerDemoQuestion('q-002', 'C', new Date());
    renderAt('/');
    expect(await screen.findByText(/Nothing is due\. Come back later/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Study now' })).not.toBeInTheDocument();
  });
});
