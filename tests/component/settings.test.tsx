import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../src/db/database';
import { loadSettings, recordAnswer } from '../../src/db/progress';
import { gradeAnswer } from '../../src/domain/grading';
import { freshStart, renderAt } from './render';


beforeEach(freshStart);

function backupFile(text: string): File {
  const file = new File([text], 'backup.json', { type: 'application/json' });
  // jsdom's File lacks text(); the app reads files with it, as browsers do.
  Object.defineProperty(file, 'text', { value: async () => text });
  return file;
}

describe('settings', () => {
  it('saves desired retention, daily limits and the exam date as they change', async () => {
    const user = userEvent.setup();
    renderAt('/settings');
    const retention = await screen.findByRole('slider', { name: /Desired retention: 90%/ });
    expect(screen.getByText(/A higher figure brings questions back sooner/)).toBeInTheDocument();
    fireEvent.change(retention, { target: { value: '0.95' } });
    expect(await screen.findByRole('slider', { name: /Desired retention: 95%/ })).toBeInTheDocument();

    const newPerDay = screen.getByRole('spinbutton', { name: 'New questions per day' });
    await user.clear(newPerDay);
    await user.type(newPerDay, '35');
    fireEvent.change(screen.getByLabelText('Exam date (optional)'), { target: { value: '2027-05-01' } });
    await screen.findByText('Saved.');
    await vi.waitFor(async () => expect(await loadSettings(database())).toMatchObject({ desiredRetention: 0.95, newPerDay: 35, examDate: '2027-05-01' }));
  });

  it('refuses a damaged backup with the reason and keeps progress', async () => {
    const db = database();
    await recordAnswer(db, { packId: 'demo', questionId: 'q-001', contentHash: 'h', result: gradeAnswer({ answer: 'B' }, 'B'), confidence: 'normal', now: new Date(), settings: { desiredRetention: 0.9 } });
    const user = userEvent.setup();
    renderAt('/settings');
    const input = await screen.findByLabelText('Restore a backup…');
    await user.upload(input, backupFile('{"format":"rapport-backup","formatVersion":1,"cards":"lots"}'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This backup is damaged and was not restored');
    expect(await db.reviewLog.count()).toBe(1);
  });

  it('erases progress only after the candidate confirms, offering a backup first', async () => {
    const db = database();
    await recordAnswer(db, { packId: 'demo', questionId: 'q-001', contentHash: 'h', result: gradeAnswer({ answer: 'B' }, 'B'), confidence: 'normal', now: new Date(), settings: { desiredRetention: 0.9 } });
    const user = userEvent.setup();
    renderAt('/settings');
    await user.click(await screen.findByRole('button', { name: 'Reset progress…' }));
    const confirm = screen.getByRole('group', { name: 'Erase every answer and all scheduling?' });
    expect(within(confirm).getByRole('button', { name: 'Download a backup first' })).toBeInTheDocument();
    const erase = within(confirm).getByRole('button', { name: 'Erase my progress' });
    expect(erase).toBeDisabled();
    await user.click(within(confirm).getByRole('checkbox', { name: 'I understand my answers will be erased' }));
    await user.click(erase);
    expect(await screen.findByText('Your progress was erased. Every question is new again.')).toBeInTheDocument();
    expect(await db.reviewLog.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
  });

  it('restores a good backup and says how much it brought back', async () => {
    const backup = {
      format: 'rapport-backup',
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      cards: [],
      reviewLog: [],
      settings: { desiredRetention: 0.85, newPerDay: 5, maxReviewsPerDay: 100, theme: 'dark', persistenceRequested: true },
    };
    const user = userEvent.setup();
    renderAt('/settings');
    await user.upload(await screen.findByLabelText('Restore a backup…'), backupFile(JSON.stringify(backup)));
    expect(await screen.findByText('Backup restored: 0 answers.')).toBeInTheDocument();
    expect(await loadSettings(database())).toMatchObject({ desiredRetention: 0.85, newPerDay: 5 });
  });
});

describe('checking and repairing progress', () => {
  it('says when every figure agrees, and rebuilds corrupted ones from the answers', async () => {
    const db = database();
    await recordAnswer(db, { packId: 'demo', questionId: 'q-001', contentHash: 'h', result: gradeAnswer({ answer: 'B' }, 'B'), confidence: 'normal', now: new Date(), settings: { desiredRetention: 0.9 } });
    const user = userEvent.setup();
    renderAt('/settings');
    const button = await screen.findByRole('button', { name: 'Check and repair progress' });
    await user.click(button);
    expect(await screen.findByText('Checked: every figure agrees with your answers. Nothing needed repair.')).toBeInTheDocument();

    // Rows a bug left wrong: today's count gone, the question's last answer flipped.
    await db.studyDays.clear();
    await db.cards.update(['demo', 'q-001'], { lastCorrect: false });
    await user.click(button);
    expect(await screen.findByText(/^Repaired: your answers counted by day .*; whether each question’s last answer was right/)).toBeInTheDocument();
    expect(await db.studyDays.count()).toBe(1);
    expect((await db.cards.get(['demo', 'q-001']))?.lastCorrect).toBe(true);
  });

  it('says so when the check cannot finish, and changes nothing', async () => {
    const user = userEvent.setup();
    renderAt('/settings');
    vi.spyOn(database().studyDays, 'toArray').mockRejectedValueOnce(Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' }));
    await user.click(await screen.findByRole('button', { name: 'Check and repair progress' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The check could not finish, and nothing was changed. This device is out of storage space');
  });
});
