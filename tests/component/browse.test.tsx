import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/db/database';
import type { OptionLetter } from '../../src/domain/content';
import { newCard, State } from '../../src/domain/scheduling';
import { BrowsePage } from '../../src/features/browse/BrowsePage';
import { QuestionDetailPage } from '../../src/features/browse/QuestionDetailPage';
import { answerDemoQuestion, freshStart, importExtraPack, renderAt } from './render';

beforeEach(freshStart);

const HOUR = 3_600_000;

function renderBrowse(path: string) {
  return renderAt(
    path,
    [
      { path: '/browse', element: <BrowsePage /> },
      { path: '/browse/:packId/:questionId', element: <QuestionDetailPage /> },
      { path: '/principles/:principleId', element: <h1>Principle page</h1> },
    ],
  );
}

async function answer(questionId: string, chosen: OptionLetter, hoursAgo: number) {
  await answerDemoQuestion(questionId, chosen, new Date(Date.now() - hoursAgo * HOUR));
}

const results = () => within(screen.getByRole('list')).getAllByRole('listitem');
const count = () => screen.getByRole('status');

describe('browsing questions', () => {
  it('lists every question with its opening words, lead-in, pack and state, linking to its page', async () => {
    renderBrowse('/browse');
    expect(await screen.findByText('2 questions')).toHaveAttribute('role', 'status');
    const [first, second] = results();
    const link = within(first as HTMLElement).getByRole('link', { name: /^A 30-year-old client arrives/ });
    expect(link).toHaveAttribute('href', '/browse/demo/q-001');
    expect(first).toHaveTextContent('What should the social worker do FIRST?');
    expect(first).toHaveTextContent('Demo pack');
    expect(first).toHaveTextContent('New');
    expect(within(second as HTMLElement).getByRole('link', { name: /^A 70-year-old man in hospice/ })).toHaveAttribute('href', '/browse/demo/q-002');
  });

  it('searches the scenario, options and rationales without regard to case, and keeps the search in the address', async () => {
    const user = userEvent.setup();
    const router = renderBrowse('/browse');
    const search = await screen.findByRole('searchbox', { name: 'Search' });
    await user.type(search, 'HOSPICE');
    await expect.poll(() => count().textContent).toBe('1 question');
    expect(results()).toHaveLength(1);
    expect(results()[0]).toHaveTextContent('A 70-year-old man in hospice');
    expect(router.state.location.search).toBe('?q=HOSPICE');

    await user.clear(search);
    await user.type(search, 'paper before people');
    await expect.poll(() => count().textContent).toBe('2 questions');

    await user.clear(search);
    await user.type(search, 'astrology');
    await expect.poll(() => count().textContent).toBe('0 questions');
    expect(screen.getByText(/No question matches/)).toBeInTheDocument();
  });

  it('filters by principle and qualifier with labelled menus, and clears them', async () => {
    const user = userEvent.setup();
    renderBrowse('/browse');
    await screen.findByText('2 questions');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Principle' }), 'Open communication');
    expect(count()).toHaveTextContent('1 question');
    expect(results()[0]).toHaveTextContent('hospice');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Qualifier' }), 'FIRST');
    expect(count()).toHaveTextContent('0 questions');
    for (const name of ['Pack', 'Content area', 'Difficulty', 'State']) expect(screen.getByRole('combobox', { name })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(count()).toHaveTextContent('2 questions');
    expect(screen.getByRole('combobox', { name: 'Principle' })).toHaveValue('');
  });

  it('filters by the candidate’s state, including questions edited since they were answered', async () => {
    await answer('q-001', 'B', 1);
    const user = userEvent.setup();
    renderBrowse('/browse');
    await screen.findByText('2 questions');
    const state = screen.getByRole('combobox', { name: 'State' });
    await user.selectOptions(state, 'Learning');
    expect(count()).toHaveTextContent('1 question');
    expect(results()[0]).toHaveTextContent('A 30-year-old client');
    await user.selectOptions(state, 'New');
    expect(results()[0]).toHaveTextContent('A 70-year-old man');
    await user.selectOptions(state, 'Changed since answered');
    expect(count()).toHaveTextContent('0 questions');
  });

  it('shows a question edited since its last answer as changed', async () => {
    await database().cards.put({ ...newCard(new Date()), packId: 'demo', questionId: 'q-002', contentHash: 'older-wording', state: State.Review, due: new Date(Date.now() - HOUR) });
    renderBrowse('/browse?state=changed');
    expect(await screen.findByText('1 question')).toBeInTheDocument();
    expect(results()[0]).toHaveTextContent('A 70-year-old man');
    expect(results()[0]).toHaveTextContent('Due');
    expect(results()[0]).toHaveTextContent('Changed since answered');
  });

  it('restores the search and filters from the address, and Back returns to the same list', async () => {
    const user = userEvent.setup();
    renderBrowse('/browse?q=client&difficulty=2');
    expect(await screen.findByText('1 question')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('client');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Principle' }), 'Trust as the foundation');
    await user.click(screen.getByRole('link', { name: /A 30-year-old client/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Question q-001' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Back to the list/ }));
    expect(await screen.findByText('1 question')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('client');
    expect(screen.getByRole('combobox', { name: 'Difficulty' })).toHaveValue('2');
    expect(screen.getByRole('combobox', { name: 'Principle' })).toHaveValue('trust-foundation');
  });

  it('lists and searches the questions of an imported pack with the rest', async () => {
    await importExtraPack(1);
    const user = userEvent.setup();
    renderBrowse('/browse');
    expect(await screen.findByText('3 questions')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Principle' }), 'An imported idea');
    expect(count()).toHaveTextContent('1 question');
    expect(results()[0]).toHaveTextContent('Extra pack');
    expect(results()[0]).toHaveTextContent('What should the social worker do FIRST?');
    const link = within(results()[0] as HTMLElement).getByRole('link', { name: /^A 30-year-old client arrives/ });
    expect(link).toHaveAttribute('href', '/browse/extra/x-001');
    // Its options and rationales are searched too, from the texts stored with the pack.
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'paper before people');
    await expect.poll(() => count().textContent).toBe('1 question');
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'hospice');
    await expect.poll(() => count().textContent).toBe('0 questions');
  });

  it('shows a long list fifty at a time, moving focus to the first newly shown question', async () => {
    await importExtraPack(55);
    const user = userEvent.setup();
    renderBrowse('/browse');
    expect(await screen.findByText('57 questions')).toBeInTheDocument();
    expect(results()).toHaveLength(50);
    expect(screen.getByText('Showing 50 of 57.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 7 more' }));
    expect(results()).toHaveLength(57);
    expect(within(results()[50] as HTMLElement).getByRole('link')).toHaveFocus();
    expect(screen.queryByRole('button', { name: /more/ })).not.toBeInTheDocument();
  });
});

describe('a question page', () => {
  it('shows the question locked with nothing chosen, and every option explained with the best one marked', async () => {
    renderBrowse('/browse/demo/q-002');
    expect(await screen.findByRole('heading', { level: 1, name: 'Question q-002' })).toBeInTheDocument();
    const facts = Object.fromEntries(screen.getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]));
    expect(facts).toEqual({ 'Content area': 'Values and ethics', Qualifier: 'BEST', Difficulty: 'Medium', 'Your state': 'New' });
    const group = screen.getByRole('group', { name: 'What is the BEST response?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(4);
    for (const radio of radios) {
      expect(radio).toBeDisabled();
      expect(radio).not.toBeChecked();
    }
    expect(screen.queryByRole('button', { name: 'Submit answer' })).not.toBeInTheDocument();

    expect(screen.getByText('The best answer is C.')).toBeInTheDocument();
    const rationales = within(screen.getByRole('list', { name: 'Why each option is right or wrong' })).getAllByRole('listitem');
    expect(rationales).toHaveLength(4);
    expect(rationales[2]).toHaveTextContent('Best answer');
    expect(rationales[2]).toHaveTextContent('Referring out instead of engaging.');
    expect(rationales[0]).not.toHaveTextContent('Best answer');
    const principles = within(screen.getByRole('list', { name: 'Principles behind this question' })).getAllByRole('link');
    expect(principles.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Trust as the foundation', '/principles/trust-foundation'],
      ['Open communication', '/principles/open-communication'],
    ]);
    expect(screen.getByText('You have not answered this question yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Browse all questions/ })).toHaveAttribute('href', '/browse');
  });

  it('shows the candidate’s answers to it, oldest first, with right or wrong', async () => {
    await answer('q-001', 'A', 30);
    await answer('q-001', 'B', 2);
    renderBrowse('/browse/demo/q-001');
    const table = await screen.findByRole('table', { name: /Every answer you gave/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(1).map((cell) => cell.textContent))).toEqual([
      ['A', 'Wrong'],
      ['B', 'Right'],
    ]);
    expect(screen.getByText(/^Learning, next review/)).toBeInTheDocument();
  });

  it('says so when the question does not exist', async () => {
    renderBrowse('/browse/demo/q-999');
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByText(/There is no question at this address/)).toBeInTheDocument();
  });
});
