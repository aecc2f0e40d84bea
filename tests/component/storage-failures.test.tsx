import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../src/db/database';
import { disabledPackIds, listImportedPacks } from '../../src/db/packs';
import { loadSettings, recordAnswer } from '../../src/db/progress';
import { gradeAnswer } from '../../src/domain/grading';
import { buildPackFile } from '../../src/domain/content/packFile';
import { useExam } from '../../src/features/exam/store';
import { contentFolder, questionText } from '../fixtures/content';
import { freshStart, importExtraPack, renderAt } from './render';

const FULL = 'This device is out of storage space, so nothing was saved.';

/** The error IndexedDB gives a write when the device is out of space. */
const full = () => Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' });

function jsonFile(name: string, text: string): File {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: async () => text });
  return file;
}

beforeEach(async () => {
  await freshStart();
  useExam.setState({ status: 'loading', exam: undefined, attemptId: undefined, saveError: undefined });
});

describe('a failed write on the packs screen', () => {
  it('says the pack was not left out of study, and leaves its box ticked', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    // The first screen of the file loads its code cold.
    const card = (await screen.findByRole('heading', { name: 'Demo pack' }, { timeout: 5000 })).closest('li') as HTMLElement;
    vi.spyOn(database().packPreferences, 'put').mockRejectedValueOnce(full());
    await user.click(within(card).getByRole('checkbox', { name: 'Include in study sessions' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(`Demo pack was not left out of study sessions. ${FULL}`);
    expect(within(card).getByRole('checkbox', { name: 'Include in study sessions' })).toBeChecked();
    expect(await disabledPackIds(database())).toEqual(new Set());
  });

  it('says an import was not stored', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    await screen.findByRole('heading', { name: 'Demo pack' });
    const files = contentFolder({ 'x-001': questionText({ id: 'x-001' }) }).map((file) => ({ ...file, path: file.path.replace('packs/demo/', 'packs/extra/'), text: file.text.replace('id: demo', 'id: extra').replace('title: Demo pack', 'title: Extra pack') }));
    vi.spyOn(database().importedQuestions, 'bulkPut').mockRejectedValueOnce(full());
    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('extra.rapport.json', JSON.stringify(buildPackFile({ id: 'extra', title: 'Extra pack', version: '1.0.0' }, files))));
    expect(await screen.findByRole('alert')).toHaveTextContent(`The pack could not be imported. ${FULL}`);
    expect(await listImportedPacks(database())).toEqual([]);
  });

  it('says a pack was not removed, or not exported, and keeps it', async () => {
    await importExtraPack(1);
    const user = userEvent.setup();
    renderAt('/packs');
    const card = (await screen.findByRole('heading', { name: 'Extra pack' })).closest('li') as HTMLElement;
    vi.spyOn(database().importedPackFiles, 'get').mockRejectedValueOnce(new Error('the disk could not be read'));
    await user.click(within(card).getByRole('button', { name: 'Export file' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('Extra pack could not be exported: the disk could not be read');

    await user.click(within(card).getByRole('button', { name: 'Remove…' }));
    vi.spyOn(database().importedQuestions, 'where').mockImplementationOnce(() => {
      throw full();
    });
    await user.click(within(card).getByRole('button', { name: 'Remove pack' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(`Extra pack was not removed. ${FULL}`);
    expect((await listImportedPacks(database())).map((listing) => listing.id)).toEqual(['extra']);
  });
});

describe('a failed write in settings', () => {
  it('says a change was not saved and shows the setting as it is stored', async () => {
    const user = userEvent.setup();
    renderAt('/settings');
    const newPerDay = await screen.findByRole('spinbutton', { name: 'New questions per day' });
    vi.spyOn(database().settings, 'put').mockRejectedValue(full());
    await user.type(newPerDay, '5');
    expect(await screen.findByRole('alert')).toHaveTextContent(`Your change was not saved. ${FULL}`);
    expect(screen.getByRole('spinbutton', { name: 'New questions per day' })).toHaveValue(20);
    expect((await loadSettings(database())).newPerDay).toBe(20);
  });

  it('says a reset did not happen, and a backup that could not be made or restored', async () => {
    const db = database();
    await recordAnswer(db, { packId: 'demo', questionId: 'q-001', contentHash: 'h', result: gradeAnswer({ answer: 'B' }, 'B'), confidence: 'normal', now: new Date(), settings: { desiredRetention: 0.9 } });
    const user = userEvent.setup();
    renderAt('/settings');

    vi.spyOn(db.reviewLog, 'toArray').mockRejectedValueOnce(new Error('the disk could not be read'));
    await user.click(await screen.findByRole('button', { name: 'Download a backup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The backup could not be made: the disk could not be read');

    const backup = JSON.stringify({ format: 'rapport-backup', formatVersion: 1, exportedAt: new Date().toISOString(), cards: [], reviewLog: [], settings: { desiredRetention: 0.85, newPerDay: 5, maxReviewsPerDay: 100, theme: 'dark', persistenceRequested: true } });
    vi.spyOn(db.cards, 'clear').mockRejectedValueOnce(full());
    await user.upload(screen.getByLabelText('Restore a backup…'), jsonFile('backup.json', backup));
    expect(await screen.findByText(/^The backup was not restored, and your progress is as it was. This device is out of storage space/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    const confirm = screen.getByRole('group', { name: 'Erase every answer and all scheduling?' });
    await user.click(within(confirm).getByRole('checkbox', { name: 'I understand my answers will be erased' }));
    vi.spyOn(db.cards, 'clear').mockRejectedValueOnce(full());
    await user.click(within(confirm).getByRole('button', { name: 'Erase my progress' }));
    expect(await screen.findByText(/^Your progress was not erased. This device is out of storage space/)).toBeInTheDocument();
    expect(await db.reviewLog.count()).toBe(1);
    expect(await db.cards.count()).toBe(1);
  });
});

describe('a failed write during an exam', () => {
  it('says the exam was not started', async () => {
    const user = userEvent.setup();
    renderAt('/exam');
    const format = (await screen.findByRole('heading', { name: 'Demo exam, 2 items' })).closest('li') as HTMLElement;
    vi.spyOn(database().exam, 'put').mockRejectedValueOnce(full());
    await user.click(await within(format).findByRole('button', { name: 'Start: 2 items, 4 minutes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`The exam was not started. ${FULL}`);
    expect(screen.getByRole('heading', { level: 1, name: 'Exam simulation' })).toBeInTheDocument();
  });

  it('says an answer is not saved yet, until a later save succeeds', async () => {
    const user = userEvent.setup();
    renderAt('/exam');
    const format = (await screen.findByRole('heading', { name: 'Demo exam, 2 items' })).closest('li') as HTMLElement;
    await user.click(await within(format).findByRole('button', { name: 'Start: 2 items, 4 minutes' }));
    await screen.findByRole('heading', { level: 1, name: 'Question 1 of 2' });
    vi.spyOn(database().exam, 'put').mockRejectedValueOnce(full());
    await user.click(screen.getByRole('radio', { name: /Invite her to say what brings her in/ }));
    expect(await screen.findByText(/^Your latest answers are not saved yet. This device is out of storage space/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    await vi.waitFor(() => expect(screen.queryByText(/Your latest answers are not saved yet/)).not.toBeInTheDocument());
    expect((await database().exam.get('current'))?.answers).toEqual({ 0: 'B' });
  });
});

describe('a failed write while studying', () => {
  it('says an answer was not taken back, and keeps it', async () => {
    const user = userEvent.setup();
    renderAt('/practice/demo');
    await screen.findByRole('group');
    await user.keyboard('2{Enter}');
    await screen.findByRole('heading', { name: 'Correct' });
    vi.spyOn(database().reviewLog, 'delete').mockRejectedValueOnce(full());
    await user.click(screen.getByRole('button', { name: 'Undo last answer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`The answer was not taken back. ${FULL}`);
    expect(await database().reviewLog.count()).toBe(1);
  });
});
