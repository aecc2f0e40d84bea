import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/db/database';
import { disabledPackIds } from '../../src/db/packs';
import { buildPackFile } from '../../src/domain/content/packFile';
import { contentFolder, questionText } from '../fixtures/content';
import { freshStart, renderAt } from './render';

beforeEach(freshStart);

function jsonFile(name: string, text: string): File {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: async () => text });
  return file;
}

function extraPack(questions: Record<string, string>, version = '1.0.0'): string {
  const files = contentFolder(questions).map((file) => ({
    ...file,
    path: file.path.replace('packs/demo/', 'packs/extra/'),
    text: file.text.replace('id: demo', 'id: extra').replace('title: Demo pack', 'title: Extra pack').replace('version: 1.0.0', `version: ${version}`),
  }));
  return JSON.stringify(buildPackFile({ id: 'extra', title: 'Extra pack', version }, files));
}

describe('the packs screen', () => {
  it('lists the built-in pack and lets the candidate leave it out of study', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    const card = (await screen.findByRole('heading', { name: 'Demo pack' })).closest('li') as HTMLElement;
    expect(within(card).getByText('Built in · version 1.0.0 · 2 questions · 0 answered')).toBeInTheDocument();
    const include = within(card).getByRole('checkbox', { name: 'Include in study sessions' });
    expect(include).toBeChecked();
    await user.click(include);
    await expect.poll(async () => disabledPackIds(database())).toEqual(new Set(['demo']));
    expect(within(card).queryByRole('button', { name: 'Remove…' })).not.toBeInTheDocument();
  });

  it('imports a pack file dropped on the import area', async () => {
    renderAt('/packs');
    await screen.findByRole('heading', { name: 'Demo pack' });
    const area = screen.getByText(/Drop a pack file/).closest('.drop-zone') as HTMLElement;
    const file = jsonFile('extra.rapport.json', extraPack({ 'x-001': questionText({ id: 'x-001' }) }));
    fireEvent.dragOver(area);
    expect(area).toHaveClass('dragging');
    fireEvent.drop(area, { dataTransfer: { files: [file], items: [] } });
    expect(await screen.findByText('Imported Extra pack (1 question).')).toBeInTheDocument();
    expect(area).not.toHaveClass('dragging');
  });

  it('imports a valid pack file, lists it, and removes it on confirmation', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    await screen.findByRole('heading', { name: 'Demo pack' });
    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('extra.rapport.json', extraPack({ 'x-001': questionText({ id: 'x-001' }) })));
    expect(await screen.findByText('Imported Extra pack (1 question).')).toBeInTheDocument();
    const card = (await screen.findByRole('heading', { name: 'Extra pack' })).closest('li') as HTMLElement;
    expect(within(card).getByText(/^Imported · version 1.0.0/)).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Remove…' }));
    const confirm = within(card).getByRole('group', { name: 'Remove Extra pack?' });
    expect(within(confirm).getByRole('checkbox', { name: /Also erase my answers/ })).not.toBeChecked();
    await user.click(within(confirm).getByRole('button', { name: 'Remove pack' }));
    await expect.poll(() => screen.queryByRole('heading', { name: 'Extra pack' })).toBeNull();
  });

  it('lists every problem of an invalid pack with its file and line, and stores nothing', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    await screen.findByRole('heading', { name: 'Demo pack' });
    const broken = extraPack({ 'x-001': questionText({ id: 'x-001', area: 'ethics' }), 'x-002': questionText({ id: 'x-002', answer: 'F' }) });
    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('extra.rapport.json', broken));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Not imported: 2 problems to fix' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('packs/extra/x-001.md:3:7 "area" must be one of');
    expect(alert).toHaveTextContent('packs/extra/x-002.md:6:9 "answer": must be exactly one letter');
    expect(await database().importedPacks.count()).toBe(0);
  });

  it('shows the first 50 of many problems with the total, and tells a candidate who can fix them', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    await screen.findByRole('heading', { name: 'Demo pack' });
    const questions = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`x-${index + 100}`, questionText({ id: `x-${index + 100}`, area: 'ethics' })]));
    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('extra.rapport.json', extraPack(questions)));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Not imported: 60 problems to fix' })).toBeInTheDocument();
    expect(within(alert).getAllByRole('listitem')).toHaveLength(50);
    expect(alert).toHaveTextContent('The first 50 of 60 are shown');
    expect(alert).toHaveTextContent('only its author can fix');
  });
});

describe('importing over an installed pack', () => {
  it('asks before an older version replaces a newer one, and keeps the newer one unless told', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    await screen.findByRole('heading', { name: 'Demo pack' });
    const questions = { 'x-001': questionText({ id: 'x-001' }) };
    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('extra.rapport.json', extraPack(questions, '1.0.1')));
    await screen.findByText('Imported Extra pack (1 question).');

    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('extra-old.rapport.json', extraPack(questions, '1.0.0')));
    const ask = await screen.findByRole('group', { name: 'Import an older version of Extra pack?' });
    expect(ask).toHaveTextContent('You have version 1.0.1; this file is version 1.0.0');
    await user.click(within(ask).getByRole('button', { name: 'Keep version 1.0.1' }));
    expect((await database().importedPacks.get('extra'))?.meta.version).toBe('1.0.1');

    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('extra-old.rapport.json', extraPack(questions, '1.0.0')));
    await user.click(within(await screen.findByRole('group', { name: /older version/ })).getByRole('button', { name: 'Import version 1.0.0' }));
    await screen.findByText(/Updated Extra pack from version 1.0.1 to 1.0.0/);
    expect((await database().importedPacks.get('extra'))?.meta.version).toBe('1.0.0');
  });

  it('says what a file that is not a pack seems to be', async () => {
    const user = userEvent.setup();
    renderAt('/packs');
    await screen.findByRole('heading', { name: 'Demo pack' });
    await user.upload(screen.getByLabelText('Choose a pack file…'), jsonFile('rapport-backup-2026-12-01.json', '{"format":"rapport-backup","formatVersion":1}'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('rapport-backup-2026-12-01.json is a Rapport backup of someone’s progress, not a pack: restore it in Settings, under Backup.');
    expect(alert).not.toHaveTextContent('only its author');
  });
});
