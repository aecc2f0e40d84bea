import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/db/database';
import { setPackEnabled } from '../../src/db/packs';
import type { OptionLetter } from '../../src/domain/content';
import { LibraryPage } from '../../src/features/principles/LibraryPage';
import { PrinciplePage } from '../../src/features/principles/PrinciplePage';
import { answerDemoQuestion, freshStart, renderAt } from './render';

beforeEach(freshStart);

const HOUR = 3_600_000;

function renderLibrary() {
  return renderAt(
    '/principles',
    [
      { path: '/principles', element: <LibraryPage /> },
      { path: '/principles/:principleId', element: <PrinciplePage /> },
    ],
  );
}

async function answer(questionId: string, chosen: OptionLetter, hoursAgo: number) {
  await answerDemoQuestion(questionId, chosen, new Date(Date.now() - hoursAgo * HOUR));
}

async function principleItem(title: string): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { level: 3, name: title })).closest('li') as HTMLElement;
}

describe('the principles library', () => {
  it('lists every principle with a link, and says which are not studied yet', async () => {
    renderLibrary();
    expect(screen.getByRole('heading', { level: 1, name: 'Principles' })).toBeInTheDocument();
    const trust = await principleItem('Trust as the foundation');
    expect(within(trust).getByRole('link', { name: 'Trust as the foundation' })).toHaveAttribute('href', '/principles/trust-foundation');
    expect(trust).toHaveTextContent('Not studied yet');
    expect(trust).toHaveTextContent('2 questions');
    const open = await principleItem('Open communication');
    expect(open).toHaveTextContent('Not studied yet');
    expect(open).toHaveTextContent('1 question');
    expect(screen.queryByRole('heading', { name: 'Where to focus' })).not.toBeInTheDocument();
  });

  it('shows mastery from each question’s latest answer and recall from the cards, and the weakest principles first', async () => {
    // q-001 (trust) was wrong, then right; q-002 (trust and open communication) is wrong.
    await answer('q-001', 'A', 48);
    await answer('q-001', 'B', 2);
    await answer('q-002', 'A', 1);
    renderLibrary();

    const trust = await principleItem('Trust as the foundation');
    expect(within(trust).getByText(/^Mastery 50% · recall \d+%$/)).toBeInTheDocument();
    expect(trust).toHaveTextContent('2 of 2 questions answered');
    const open = await principleItem('Open communication');
    expect(within(open).getByText(/^Mastery 0% · recall \d+%$/)).toBeInTheDocument();
    expect(open).toHaveTextContent('1 of 1 question answered');

    const focus = screen.getByRole('heading', { name: 'Where to focus' }).closest('section') as HTMLElement;
    expect(within(focus).getAllByRole('link').map((link) => link.textContent)).toEqual(['Open communication', 'Trust as the foundation']);
  });

  it('leaves out the questions of packs turned off', async () => {
    await answer('q-001', 'B', 2);
    await setPackEnabled(database(), 'demo', false);
    renderLibrary();
    const trust = await principleItem('Trust as the foundation');
    expect(trust).toHaveTextContent('Not studied yet');
    expect(trust).toHaveTextContent('No questions in your packs yet');
  });
});

describe('a principle page', () => {
  it('lists the questions resting on the principle, with the candidate’s state and a link to each', async () => {
    await answer('q-001', 'B', 2);
    renderAt('/principles/trust-foundation');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Questions on this principle' });
    const section = heading.closest('section') as HTMLElement;
    const items = await within(section).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByRole('link', { name: /^A 30-year-old client/ })).toHaveAttribute('href', '/browse/demo/q-001');
    expect(items[0]).toHaveTextContent('Demo pack · Learning');
    expect(within(items[1] as HTMLElement).getByRole('link', { name: /^A 70-year-old man/ })).toHaveAttribute('href', '/browse/demo/q-002');
    expect(items[1]).toHaveTextContent('Demo pack · New');
    expect(section).toHaveTextContent('2 questions in your packs.');
    expect(within(section).getByRole('link', { name: 'Search and filter them' })).toHaveAttribute('href', '/browse?principle=trust-foundation');
  });

  it('lists only the questions that rest on it', async () => {
    renderAt('/principles/open-communication');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Questions on this principle' });
    const items = await within(heading.closest('section') as HTMLElement).findAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').getAttribute('href'))).toEqual(['/browse/demo/q-002']);
  });
});
