import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../src/db/database';
import { setPackEnabled } from '../../src/db/packs';
import { loadSession } from '../../src/db/progress';
import { SESSION_MAX_ITEMS } from '../../src/domain/queue';
import { newCard, State } from '../../src/domain/scheduling';
import { SessionView } from '../../src/features/study/SessionView';
import { useStudy } from '../../src/features/study/store';
import { answerDemoQuestion, forgetMemory, freshStart, importExtraPack, renderAt } from './render';

beforeEach(freshStart);

describe('home', () => {
  it('lists the packs with their question counts and a way to practise each', async () => {
    renderAt('/');
    const card = (await screen.findByRole('heading', { name: 'Demo pack' })).closest('li') as HTMLElement;
    expect(within(card).getByText('2 questions')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Practise' })).toHaveAttribute('href', '/practice/demo');
  });
});

describe('practising a pack', () => {
  it('shows the scenario, the lead-in as the name of the option group, and four options', async () => {
    renderAt('/practice/demo');
    expect(await screen.findByText(/A 30-year-old client arrives/)).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'What should the social worker do FIRST?' });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    expect(screen.getByText('Question 1 of 2')).toBeInTheDocument();
  });

  it('chooses with the number keys and submits with Enter, then explains every option', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    await user.keyboard('1');
    expect(screen.getByRole('radio', { name: /Start the intake forms/ })).toBeChecked();
    await user.keyboard('{Enter}');

    const verdict = await screen.findByRole('heading', { name: 'Incorrect' });
    expect(verdict).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Incorrect');
    expect(screen.getByText('You chose A. The best answer is B.')).toBeInTheDocument();
    const rationales = within(screen.getByRole('list', { name: 'Why each option is right or wrong' })).getAllByRole('listitem');
    expect(rationales).toHaveLength(4);
    expect(rationales[0]).toHaveTextContent('Your answer');
    expect(rationales[0]).toHaveTextContent('Procedure before the relationship.');
    expect(rationales[1]).toHaveTextContent('Best answer');
    expect(screen.getByRole('link', { name: 'Trust as the foundation' })).toHaveAttribute('href', '/principles/trust-foundation');
    expect(screen.getByRole('radio', { name: /Invite her/ })).toBeDisabled();
  });

  it('says "Correct" for the best answer and moves on with Enter', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await user.click(await screen.findByRole('radio', { name: /Invite her to say/ }));
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(await screen.findByRole('heading', { name: 'Correct' })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/A 70-year-old man in hospice/)).toBeInTheDocument();
    expect(screen.getByText('Question 2 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Correct' })).not.toBeInTheDocument();
  });

  it('asks for a choice before submitting', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await user.click(await screen.findByRole('button', { name: 'Submit answer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose an answer first.');
    expect(screen.queryByRole('heading', { name: /Correct|Incorrect/ })).not.toBeInTheDocument();
  });

  it('accepts letter keys too, and ends with a score', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    await user.keyboard('b{Enter}');
    await screen.findByRole('heading', { name: 'Correct' });
    await user.keyboard('{Enter}a{Enter}');
    await screen.findByRole('heading', { name: 'Incorrect' });
    await user.click(screen.getByRole('button', { name: 'Finish session' }));
    expect(await screen.findByRole('heading', { name: 'Session complete' })).toBeInTheDocument();
    expect(screen.getByText('You answered 1 of 2 questions correctly.')).toBeInTheDocument();
    const studied = screen.getByRole('heading', { name: 'What you studied' }).nextElementSibling as HTMLElement;
    expect(within(studied).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Trust as the foundation: 2 questions', 'Open communication: 1 question']);
    expect(await screen.findByText(/^Your next review is due tomorrow/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start another session' }));
    expect(await screen.findByText('Question 1 of 2')).toBeInTheDocument();
  });

  it('opens a linked principle and comes back to the same feedback', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    await user.keyboard('2{Enter}');
    await user.click(await screen.findByRole('link', { name: 'Trust as the foundation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Trust as the foundation' })).toBeInTheDocument();
    expect(screen.getByText(/why trust opens communication/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Back to the question/ }));
    expect(await screen.findByRole('heading', { name: 'Correct' })).toBeInTheDocument();
    expect(screen.getByText('Question 1 of 2')).toBeInTheDocument();
  });

  it('resumes at the same place after a reload, and undo takes the last answer back', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    await user.keyboard('2{Enter}');
    await screen.findByRole('heading', { name: 'Correct' });
    cleanup();
    forgetMemory();
    renderAt('/practice/demo');
    expect(await screen.findByText('Question 2 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo last answer' }));
    expect(await screen.findByText('Question 1 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo last answer' })).not.toBeInTheDocument();
  });

  it('marks a right answer as a guess or as easy with G and E', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    const guess = screen.getByRole('button', { name: 'I guessed' });
    const easy = screen.getByRole('button', { name: 'Easy' });
    await user.keyboard('g');
    expect(guess).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('e');
    expect(guess).toHaveAttribute('aria-pressed', 'false');
    expect(easy).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('e');
    expect(easy).toHaveAttribute('aria-pressed', 'false');
  });

  it('points out a question edited since it was last answered', async () => {
    const db = database();
    await db.cards.put({ ...newCard(new Date()), packId: 'demo', questionId: 'q-001', contentHash: 'older-wording', state: State.Review });
    renderAt('/practice/demo');
    expect(await screen.findByText('This question was edited since you last answered it.')).toBeInTheDocument();
  });

  it('says so when the pack does not exist', async () => {
    renderAt('/practice/nope');
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByText(/There is no pack at this address/)).toBeInTheDocument();
  });
});

describe('other routes', () => {
  it('shows a not-found page for an unknown address', async () => {
    renderAt('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the packs' })).toHaveAttribute('href', '/');
  });

  it('shows a principle page with its sources and a way home when opened directly', async () => {
    renderAt('/principles/open-communication');
    expect(await screen.findByRole('heading', { level: 1, name: 'Open communication' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Sources' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All principles/ })).toHaveAttribute('href', '/principles');
  });

  it('shows a principle’s own Sources section once, in place of the bare list', async () => {
    renderAt('/principles/trust-foundation');
    expect(await screen.findByRole('heading', { level: 1, name: 'Trust as the foundation' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { name: 'Sources' })).toHaveLength(1);
    expect(screen.getByText(/why trust opens communication/)).toBeInTheDocument();
  });
});

describe('a long session', () => {
  it('goes through a 30-question pack, past the questions it loads at first, resumes after a reload, and sums it all up', async () => {
    await importExtraPack(30);
    const user = userEvent.setup();
    renderAt('/practice/extra');
    for (let number = 1; number <= 25; number++) {
      expect(await screen.findByText(`Question ${number} of 30`)).toBeInTheDocument();
      await user.keyboard('b{Enter}');
      await screen.findByRole('heading', { name: 'Correct' });
      await user.keyboard('{Enter}');
    }
    cleanup();
    forgetMemory();
    renderAt('/practice/extra');
    for (let number = 26; number <= 30; number++) {
      expect(await screen.findByText(`Question ${number} of 30`)).toBeInTheDocument();
      await user.keyboard('b{Enter}');
      await screen.findByRole('heading', { name: 'Correct' });
      await user.keyboard('{Enter}');
    }
    expect(await screen.findByRole('heading', { name: 'Session complete' })).toBeInTheDocument();
    expect(screen.getByText('You answered 30 of 30 questions correctly.')).toBeInTheDocument();
    const studied = screen.getByRole('heading', { name: 'What you studied' }).nextElementSibling as HTMLElement;
    await waitFor(() => expect(within(studied).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['An imported idea: 30 questions']));
  });
});

describe('starting a study session', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows an imported pack\'s questions with their principles, and keeps the session it started for a reload', async () => {
    const user = userEvent.setup();
    await importExtraPack(3);
    await setPackEnabled(database(), 'demo', false);
    renderAt('/study');
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
    expect((await loadSession(database()))?.items.map((item) => item.packId)).toEqual(['extra', 'extra', 'extra']);
    await user.keyboard('2{Enter}');
    // The principle's title comes from the imported pack's listing, read once to plan the session.
    expect(await screen.findByRole('link', { name: 'An imported idea' })).toBeInTheDocument();
    cleanup();
    forgetMemory();
    renderAt('/study');
    expect(await screen.findByText('Question 2 of 3')).toBeInTheDocument();
  });

  it('says so when the new session cannot be stored, and shows no question it could not keep', async () => {
    const full = Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' });
    vi.spyOn(database().session, 'put').mockRejectedValueOnce(full);
    renderAt('/study');
    expect(await screen.findByRole('alert')).toHaveTextContent('The session could not be opened');
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(await loadSession(database())).toBeUndefined();
  });
});

describe('a study day longer than one session', () => {
  it('finds the due questions of the packs studied behind a long backlog of cards whose questions are gone', async () => {
    const DAY = 86_400_000;
    // 450 cards, more overdue than anything else, of a pack removed with its history kept.
    const gone = Array.from({ length: 450 }, (_, index) => ({ ...newCard(new Date(Date.now() - 30 * DAY)), packId: 'removed', questionId: `r-${index}`, contentHash: 'h', state: State.Review }));
    await database().cards.bulkPut(gone);
    await answerDemoQuestion('q-001', 'A', new Date(Date.now() - 2 * DAY));
    renderAt('/study');
    // q-001, answered wrong two days ago, is due; q-002 is new.
    expect(await screen.findByText('Question 1 of 2')).toBeInTheDocument();
    expect(screen.getByText(/says little/)).toBeInTheDocument();
  });

  it('fills a session with the most overdue reviews when they outnumber it, and gives what room is left to questions never answered', async () => {
    // 210 questions: the first 205 answered before, the last five never.
    await importExtraPack(SESSION_MAX_ITEMS + 10);
    await setPackEnabled(database(), 'demo', false);
    const ids = Array.from({ length: SESSION_MAX_ITEMS + 10 }, (_, index) => `x-${String(index + 1).padStart(3, '0')}`);
    const answered = ids.slice(0, SESSION_MAX_ITEMS + 5);
    const answerAll = async (dueCount: number) => {
      // The first `dueCount` are due, x-001 the most overdue; the others are due next week.
      const cards = answered.map((questionId, index) => ({ ...newCard(new Date()), packId: 'extra', questionId, contentHash: 'h', state: State.Review, due: new Date(Date.now() + (index < dueCount ? index - 1_000 : 7 * 24) * 3_600_000) }));
      await database().cards.bulkPut(cards);
      await database().answeredQuestions.put({ packId: 'extra', questionIds: answered });
    };

    await answerAll(SESSION_MAX_ITEMS + 5);
    renderAt('/study');
    expect(await screen.findByText(`Question 1 of ${SESSION_MAX_ITEMS}`)).toBeInTheDocument();
    const reviews = (await loadSession(database()))?.items ?? [];
    expect(reviews.every((item) => item.kind === 'review')).toBe(true);
    expect(new Set(reviews.map((item) => item.questionId))).toEqual(new Set(ids.slice(0, SESSION_MAX_ITEMS)));

    // Five reviews fewer than a session: its last five places go to the questions never answered.
    cleanup();
    forgetMemory();
    await database().session.clear();
    await answerAll(SESSION_MAX_ITEMS - 5);
    renderAt('/study');
    expect(await screen.findByText(`Question 1 of ${SESSION_MAX_ITEMS}`)).toBeInTheDocument();
    const items = (await loadSession(database()))?.items ?? [];
    expect(items.filter((item) => item.kind === 'new').map((item) => item.questionId)).toEqual(ids.slice(-5));
    expect(items.filter((item) => item.kind === 'review')).toHaveLength(SESSION_MAX_ITEMS - 5);
  });

  it('says more questions are ready when a session stops at its length, instead of naming a later review', async () => {
    const items = Array.from({ length: SESSION_MAX_ITEMS }, (_, index) => ({ packId: 'demo', questionId: index % 2 ? 'q-001' : 'q-002', kind: 'review' as const }));
    const answers = items.map((item, index) => ({ ...item, correct: true, logId: index + 1 }));
    useStudy.setState({ phase: 'finished', target: { mode: 'study' }, session: { id: 'current', mode: 'study', items, answers, startedAt: new Date() } });
    render(
      <MemoryRouter>
        <SessionView title="Study session" />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { name: 'Session complete' })).toBeInTheDocument();
    expect(screen.getByText(`Sessions stop at ${SESSION_MAX_ITEMS} questions, and more are ready today: take a break, then start another session.`)).toBeInTheDocument();
    expect(screen.queryByText(/Your next review is due/)).not.toBeInTheDocument();
  });
});
