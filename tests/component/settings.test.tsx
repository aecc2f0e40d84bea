import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../src/db/backup';
import { database, RapportDatabase } from '../../src/db/database';
import { loadSettings, recordAnswer, saveSettings } from '../../src/db/progress';
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

describe('bringing in progress from another device', () => {
  it('adds the other device’s answers to this one’s, takes its newer setting, and says what changed', async () => {
    const here = database();
    const answer = (db: RapportDatabase, questionId: string, correct: boolean, now: Date) =>
      recordAnswer(db, { packId: 'demo', questionId, contentHash: 'h', result: gradeAnswer({ answer: 'B' }, correct ? 'B' : 'A'), confidence: 'normal', now, settings: { desiredRetention: 0.9 } });
    const yesterday = new Date(Date.now() - 86_400_000);
    await answer(here, 'q-001', true, yesterday);
    const other = new RapportDatabase(`other-${Date.now()}`);
    await answer(other, 'q-002', false, yesterday);
    await saveSettings(other, { examDate: '2030-06-01' });
    const text = JSON.stringify(await exportBackup(other, new Date()));
    other.close();

    const user = userEvent.setup();
    renderAt('/settings');
    await user.upload(await screen.findByLabelText('Bring in progress from another device…'), backupFile(text));
    expect(
      await screen.findByText('1 answer added from the other device; newer settings taken from the other device: exam date; 1 question now due today.'),
    ).toBeInTheDocument();
    expect(await here.reviewLog.count()).toBe(2);
    expect(await screen.findByLabelText('Exam date (optional)')).toHaveValue('2030-06-01');

    // Merging the same file again changes nothing.
    await user.upload(screen.getByLabelText('Bring in progress from another device…'), backupFile(text));
    expect(await screen.findByText('Nothing new: this device already had everything from the other device.')).toBeInTheDocument();
    expect(await here.reviewLog.count()).toBe(2);
  });

  it('refuses a file that is not a backup, saying so, and changes nothing', async () => {
    const user = userEvent.setup();
    renderAt('/settings');
    await user.upload(await screen.findByLabelText('Bring in progress from another device…'), backupFile('{"format":"rapport-pack"}'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not a Rapport backup');
    expect(await database().reviewLog.count()).toBe(0);
  });
});

describe('sync', () => {
  afterEach(() => {
    localStorage.clear();
    vi.unstubAllGlobals();
  });

  it('refuses a plain-http address off this device before storing anything', async () => {
    const user = userEvent.setup();
    renderAt('/settings');
    const sync = await screen.findByRole('region', { name: 'Sync' });
    await user.type(within(sync).getByLabelText('Database address'), 'http://couch.example.org/rapport-jane');
    await user.click(within(sync).getByRole('button', { name: 'Turn on sync' }));
    expect(within(sync).getByRole('alert')).toHaveTextContent('Use an https:// address');
    expect(within(sync).getByLabelText('Database address')).toHaveAccessibleDescription(/https is required/);
    expect(localStorage.getItem('rapport-sync')).toBeNull();
  });

  it('says a wrong password in plain words, keeps the password out of the screen and out of backups', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{"error":"unauthorized"}', { status: 401 })));
    const user = userEvent.setup();
    renderAt('/settings');
    const sync = await screen.findByRole('region', { name: 'Sync' });
    await user.type(within(sync).getByLabelText('Database address'), 'https://couch.example.org/rapport-jane');
    await user.type(within(sync).getByLabelText('User name'), 'jane');
    await user.type(within(sync).getByLabelText('Password'), 'hunter2-secret');
    await user.click(within(sync).getByRole('button', { name: 'Turn on sync' }));
    expect(await within(sync).findByRole('alert')).toHaveTextContent('The server did not accept this user name and password.');
    expect(within(sync).getByText(/Syncing with/)).toHaveTextContent('Syncing with https://couch.example.org/rapport-jane as jane');
    expect(sync).not.toHaveTextContent('hunter2-secret');
    expect(JSON.stringify(await exportBackup(database(), new Date()))).not.toContain('hunter2-secret');

    await user.click(within(sync).getByRole('button', { name: 'Forget this server' }));
    expect(localStorage.getItem('rapport-sync')).toBeNull();
    expect(within(sync).getByLabelText('Password')).toHaveValue('');
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
