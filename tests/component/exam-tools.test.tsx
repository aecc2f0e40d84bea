import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { QuestionView } from '../../src/components/QuestionView';
import { database } from '../../src/db/database';
import { loadExam } from '../../src/db/exams';
import { compileContent } from '../../src/domain/content/compile';
import { useExam } from '../../src/features/exam/store';
import { contentFolder, questionText } from '../fixtures/content';
import { answerDemoQuestion, forgetMemory, freshStart, renderAt } from './render';

beforeEach(async () => {
  await freshStart();
  localStorage.clear();
  useExam.setState({ status: 'loading', exam: undefined, attemptId: undefined });
});

async function startDemoExam() {
  const user = userEvent.setup();
  renderAt('/exam');
  await user.click(await screen.findByRole('button', { name: 'Start: 2 items, 4 minutes' }));
  await screen.findByRole('heading', { level: 1, name: 'Question 1 of 2' });
  return user;
}

describe('three-option items', () => {
  it('show three options and the keys 1–3, with no empty fourth row', async () => {
    const body = [
      'A client asks whether her records will be shared.',
      '',
      '## What is the BEST response?',
      '',
      '### A. Promise that nothing will ever be shared.',
      'An unqualified promise.',
      '',
      '### B. Explain what is shared, with whom, and when.',
      'Honest about the limits.',
      '',
      '### C. Change the subject to her goals.',
      'Avoids the question.',
      '',
    ].join('\n');
    const { packs, problems } = compileContent(contentFolder({ 'q-003': questionText({ id: 'q-003', qualifier: 'BEST' }, body) }));
    const question = packs[0]?.questions[0];
    if (!question) throw new Error(`the question did not compile: ${JSON.stringify(problems)}`);
    render(<QuestionView question={question} selected={undefined} locked={false} onSelect={() => {}} onSubmit={() => {}} eliminator={{ eliminated: [], onToggle: () => {} }} />);
    const group = screen.getByRole('group', { name: 'What is the BEST response?' });
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    const eliminators = within(group).getAllByRole('button', { name: /^Eliminate option/ });
    expect(eliminators).toHaveLength(3);
    expect(eliminators[2]).toHaveAccessibleName('Eliminate option C');
    expect(screen.getByText('Keys 1–3 choose, Shift+1–3 eliminates, Enter submits.')).toBeInTheDocument();
  });
});

describe('the answer eliminator in the exam', () => {
  it('strikes an option with its button or Shift and a letter, announces it, and keeps it when the exam is reopened', async () => {
    const user = await startDemoExam();
    await user.click(screen.getByRole('button', { name: 'Eliminate option A' }));
    expect(screen.getByRole('button', { name: 'Eliminate option A' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('radio', { name: /Start the intake forms straight away\. \(eliminated\)/ })).toBeInTheDocument();
    await user.keyboard('{Shift>}D{/Shift}');
    expect(screen.getByRole('button', { name: 'Eliminate option D' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Option D eliminated.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Tell her the limits/ })).not.toBeChecked();

    // A struck option can still be chosen; choosing it takes the strike away.
    await user.click(screen.getByRole('radio', { name: /Tell her the limits/ }));
    expect(screen.getByRole('button', { name: 'Eliminate option D' })).toHaveAttribute('aria-pressed', 'false');

    // Reopened, as after a reload: the strike on A is still there.
    await waitFor(() => expect(loadExam(database())).resolves.toMatchObject({ eliminated: { 0: ['A'] } }));
    cleanup();
    useExam.setState({ status: 'loading', exam: undefined, attemptId: undefined });
    renderAt('/exam/run');
    await screen.findByRole('heading', { level: 1, name: 'Question 1 of 2' });
    expect(screen.getByRole('button', { name: 'Eliminate option A' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Eliminate option D' })).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('the highlighter', () => {
  it('highlights a whole sentence from the list by keyboard and removes it again', async () => {
    const user = await startDemoExam();
    await user.click(screen.getByText('Highlights'));
    // Each demo scenario is one sentence.
    const sentence = within(screen.getByRole('group', { name: 'Highlight whole sentences' })).getByRole('checkbox');
    expect(sentence).toHaveAccessibleName(/^A (30|70)-year-old .*\.$/);
    await user.click(sentence);
    const marks = () => document.querySelectorAll('.stem mark.highlight');
    await waitFor(() => expect(marks()).toHaveLength(1));
    expect(marks()[0]?.textContent).toBe(sentence.parentElement?.textContent);
    expect(screen.getByText('Highlighted.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove this highlight' }));
    await waitFor(() => expect(marks()).toHaveLength(0));
    expect(sentence).not.toBeChecked();
  });

  it('asks for a selection when H is pressed with none', async () => {
    const user = await startDemoExam();
    await user.keyboard('h');
    expect(screen.getByText('Select words in the scenario first, or highlight whole sentences from the list.')).toBeInTheDocument();
  });
});

describe('the review screen', () => {
  it('opens with R, goes to a question from the list, and returns', async () => {
    const user = await startDemoExam();
    await user.keyboard('r');
    expect(await screen.findByRole('heading', { level: 1, name: 'Review' })).toHaveFocus();
    expect(screen.getByText(/0 answered, 2 not answered, 0 flagged/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to question 2' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 2 of 2' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review and submit the exam' }));
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 2 of 2' })).toBeInTheDocument();
  });
});

describe('the exam report', () => {
  it('shows the pacing and the answers changed from right to wrong, and clears the exam’s highlights', async () => {
    const user = await startDemoExam();
    await user.click(screen.getByText('Highlights'));
    await user.click(within(screen.getByRole('group', { name: 'Highlight whole sentences' })).getByRole('checkbox'));
    await waitFor(() => expect(loadExam(database())).resolves.toMatchObject({ highlights: { 0: [expect.anything()] } }));
    // The first answer is the key (B for q-001, C for q-002), then it is changed to A.
    await user.keyboard(document.querySelector('.stem')?.textContent?.includes('30-year-old') ? 'b' : 'c');
    await user.keyboard('a');
    await user.click(screen.getByRole('button', { name: 'Review and submit the exam' }));
    await user.click(screen.getByRole('button', { name: 'Submit the exam' }));
    await user.click(screen.getByRole('button', { name: 'Submit with 1 question not answered' }));
    await screen.findByRole('heading', { level: 1, name: 'Exam report' });
    const changes = screen.getByRole('region', { name: 'Changed answers' });
    expect(changes).toHaveTextContent('You changed 1 answer: the change gained 0 and lost 1.');
    expect(changes).toHaveTextContent('From right to wrong: 1 (question 1)');
    const pacing = screen.getByRole('region', { name: 'Pacing' });
    expect(pacing).toHaveTextContent('This format allows 2 min a question.');
    expect(within(pacing).getByRole('img', { name: /^Time used against the pace/ })).toBeInTheDocument();
    expect(within(pacing).getByRole('table', { name: 'Time per question, and the time used so far against what the pace allows' })).toBeInTheDocument();
    // The exam in progress, with its strikes and highlights, is gone once it ends.
    expect(await loadExam(database())).toBeUndefined();
  });
});

describe('the answer eliminator in study', () => {
  it('is off until turned on in Settings, then strikes with Shift and a number', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    expect(screen.queryByRole('button', { name: /^Eliminate option/ })).not.toBeInTheDocument();
    await user.keyboard('{Shift>}2{/Shift}');
    expect(screen.getByRole('radio', { name: /Invite her to say/ })).not.toBeChecked();

    cleanup();
    renderAt('/settings');
    await user.click(await screen.findByRole('checkbox', { name: 'Answer eliminator in study sessions' }));
    expect(await screen.findByText('Saved.', { selector: '[role="status"]' })).toBeInTheDocument();

    cleanup();
    forgetMemory();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    await user.keyboard('{Shift>}2{/Shift}');
    expect(screen.getByRole('button', { name: 'Eliminate option B' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('radio', { name: /Invite her to say what brings her in\. \(eliminated\)/ })).not.toBeChecked();
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: /Invite her to say/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Eliminate option B' })).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('readiness on home', () => {
  it('says what it waits for until there are enough first answers', async () => {
    await answerDemoQuestion('q-001', 'B', new Date());
    renderAt('/');
    const readiness = await screen.findByRole('region', { name: 'Readiness' });
    expect(readiness).toHaveTextContent('appears once you have answered at least 40 questions, with at least 5 in each of its content areas. So far you have answered 1.');
    expect(within(readiness).getByRole('combobox', { name: 'Exam format' })).toHaveValue('demo-2');
  });
});
