import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useExam } from '../../src/features/exam/store';
import { freshStart, importExtraPack, renderAt } from './render';
import { database } from '../../src/db/database';
import { setPackEnabled } from '../../src/db/packs';

beforeEach(async () => {
  await freshStart();
  useExam.setState({ status: 'loading', exam: undefined, attemptId: undefined });
});

describe('an exam from a blueprint', () => {
  it('draws the items, flags one, confirms before submitting and reports the score against the target', async () => {
    const user = userEvent.setup();
    renderAt('/exam');
    const format = (await screen.findByRole('heading', { name: 'Demo exam, 2 items' })).closest('li') as HTMLElement;
    expect(within(format).getByText(/2 items · 4 minutes/)).toBeInTheDocument();
    await user.click(await within(format).findByRole('button', { name: 'Start: 2 items, 4 minutes' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Question 1 of 2' })).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(/[34]:\d\d/);
    // Option B is the key of q-001 and wrong for q-002, so exactly one of the two is right.
    await user.click(screen.getByRole('radio', { name: /Invite her to say what brings her in/ }));
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    expect(screen.getByRole('button', { name: 'Flagged for review' })).toHaveAttribute('aria-pressed', 'true');
    const navigator = screen.getByRole('navigation', { name: 'Questions in this section' });
    expect(within(navigator).getByRole('button', { name: 'Question 1, answered, flagged' })).toBeInTheDocument();

    await user.click(within(navigator).getByRole('button', { name: 'Question 2, not answered' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 2 of 2' })).toBeInTheDocument();
    // No feedback during the exam.
    await user.click(screen.getByRole('radio', { name: /Invite her to say what brings her in/ }));
    expect(screen.queryByRole('heading', { name: /^(Correct|Incorrect)$/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Review and submit the exam' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Review' })).toBeInTheDocument();
    expect(screen.getByText(/2 answered, 0 not answered, 1 flagged/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit the exam' }));
    const confirm = screen.getByRole('group', { name: 'Submit the exam?' });
    expect(confirm).toHaveTextContent('Every question is answered. 1 flagged for review. You will see your report next.');
    await user.click(within(confirm).getByRole('button', { name: 'Submit the exam' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Exam report' })).toBeInTheDocument();
    expect(screen.getByText('50%', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText(/1 of 2 scored questions right \(2 of 2 answered\)/)).toBeInTheDocument();
    expect(screen.getByText('Not yet a pass against your target of 70%.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Study the 1 missed question now' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'By content area' })).toBeInTheDocument();
  });

  it('draws from an imported pack and shows and scores its questions', async () => {
    const user = userEvent.setup();
    await importExtraPack(3);
    await setPackEnabled(database(), 'demo', false);
    renderAt('/exam');
    await user.click(await screen.findByRole('button', { name: 'Start: 2 items, 4 minutes' }));
    for (const number of [1, 2]) {
      expect(await screen.findByRole('heading', { level: 1, name: `Question ${number} of 2` })).toBeInTheDocument();
      // Every question of the extra pack is keyed B.
      await user.click(screen.getByRole('radio', { name: /Invite her to say what brings her in/ }));
      if (number === 1) await user.click(screen.getByRole('button', { name: /^Next/ }));
    }
    // Every question answered and none flagged: the review screen submits without asking again.
    await user.click(screen.getByRole('button', { name: 'Review and submit the exam' }));
    await user.click(await screen.findByRole('button', { name: 'Submit the exam' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Exam report' })).toBeInTheDocument();
    expect(screen.getByText(/2 of 2 scored questions right/)).toBeInTheDocument();
  });

  it('lists past attempts in the history', async () => {
    const user = userEvent.setup();
    renderAt('/exam');
    await user.click(await screen.findByRole('button', { name: 'Start: 2 items, 4 minutes' }));
    await screen.findByRole('heading', { level: 1, name: 'Question 1 of 2' });
    await user.click(screen.getByRole('button', { name: 'Review and submit the exam' }));
    await user.click(await screen.findByRole('button', { name: 'Submit the exam' }));
    await user.click(within(screen.getByRole('group', { name: 'Submit the exam?' })).getByRole('button', { name: 'Submit with 2 questions not answered' }));
    await screen.findByRole('heading', { level: 1, name: 'Exam report' });
    await user.click(screen.getByRole('link', { name: 'All your exams' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Past exams' })).toBeInTheDocument());
    const history = screen.getByRole('table', { name: 'Every exam you took, oldest first' });
    expect(within(history).getByText('Demo exam, 2 items')).toBeInTheDocument();
  });
});
