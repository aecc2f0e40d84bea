import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/db/database';
import { listDrafts, studioDatabase } from '../../src/db/drafts';
import { buildPackFile } from '../../src/domain/content/packFile';
import { shareFragment } from '../../src/domain/content/shareLink';
import { contentFolder, questionText } from '../fixtures/content';
import { freshStart, renderAt } from './render';

beforeEach(async () => {
  await freshStart();
  const studio = studioDatabase();
  await studio.delete();
  await studio.open();
});

async function startPack(user: ReturnType<typeof userEvent.setup>) {
  renderAt('/studio');
  await user.type(await screen.findByLabelText('Title'), 'Field notes');
  await user.type(screen.getByLabelText('Description'), 'First sessions.');
  await user.type(screen.getByLabelText('Authors, one per line'), 'A. Instructor');
  await user.click(screen.getByRole('button', { name: 'Start the pack' }));
  await screen.findByRole('heading', { name: 'Pack details', level: 2 });
}

describe('the pack studio', () => {
  it('starts a pack whose checker asks for its first question, then flags a question’s error at its field and clears it as the author fixes it', async () => {
    const user = userEvent.setup();
    await startPack(user);
    expect(await screen.findByText('Checker: 1 error, 0 warnings in 0 questions.')).toBeInTheDocument();
    expect(screen.getByText(/the pack has no questions/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    const editor = await screen.findByRole('region', { name: 'Question 1 of 1: fn-001' });
    // The template's stand-in sentences read as empty fields with hints.
    expect(within(editor).getByLabelText('Scenario (the stem)')).toHaveValue('');
    const principles = within(editor).getByRole('group', { name: 'Principles this question rests on' });
    expect(await within(principles).findByText('"principles": link at least one principle')).toBeInTheDocument();

    await user.type(within(principles).getByLabelText('Find a principle to link'), 'open');
    await user.click(within(principles).getByRole('button', { name: 'Link “Open communication”' }));
    await expect.poll(() => within(principles).queryByText(/link at least one principle/)).toBeNull();
    expect(within(principles).getByRole('button', { name: 'Unlink “Open communication”' })).toBeInTheDocument();
    expect(within(principles).getByLabelText('Find a principle to link')).toHaveFocus();

    fireEvent.change(within(editor).getByLabelText('Id', { exact: true }), { target: { value: 'Opening 1' } });
    const id = await screen.findByLabelText('Id', { exact: true });
    await expect.poll(() => id.getAttribute('aria-invalid')).toBe('true');
    expect(await screen.findByText(/"id": use lower-case letters, digits and single hyphens/)).toBeInTheDocument();
    fireEvent.change(id, { target: { value: 'fn-001' } });
    await expect.poll(() => screen.queryByText(/"id": use lower-case letters/)).toBeNull();
  });

  it('keeps the draft through a reload, and lists it on the studio’s front page', async () => {
    const user = userEvent.setup();
    await startPack(user);
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    const stem = await screen.findByLabelText('Scenario (the stem)');
    fireEvent.change(stem, { target: { value: 'A veteran calls a crisis line late at night.' } });
    await expect.poll(async () => (await listDrafts(studioDatabase()))[0]?.files[1]?.text).toContain('A veteran calls a crisis line late at night.');
    const [draft] = await listDrafts(studioDatabase());
    cleanup();
    renderAt(`/studio/${draft?.id}?file=${draft?.files[1]?.key}`);
    expect(await screen.findByLabelText('Scenario (the stem)')).toHaveValue('A veteran calls a crisis line late at night.');
    cleanup();
    renderAt('/studio');
    const listed = await screen.findByRole('link', { name: 'Field notes' });
    expect(listed.closest('li')).toHaveTextContent('field-notes · 1 question');
  });

  it('writes a new principle for the pack, and refuses one whose id means another principle', async () => {
    const user = userEvent.setup();
    await startPack(user);
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    const principles = await screen.findByRole('group', { name: 'Principles this question rests on' });
    await user.type(within(principles).getByLabelText('Find a principle to link'), 'Open communication');
    await user.click(within(principles).getByRole('button', { name: 'Write a new principle “Open communication” for this pack' }));
    expect(within(principles).getByRole('alert')).toHaveTextContent('There is already a principle with the id “open-communication”: “Open communication” (built in). Link it, or choose another title.');

    await user.clear(within(principles).getByLabelText('Find a principle to link'));
    await user.type(within(principles).getByLabelText('Find a principle to link'), 'Silence as data');
    await user.click(within(principles).getByRole('button', { name: 'Write a new principle “Silence as data” for this pack' }));
    expect(await within(principles).findByRole('button', { name: 'Unlink “Silence as data”' })).toBeInTheDocument();
    const outline = screen.getByRole('navigation', { name: 'Pack contents' });
    await user.click(within(outline).getByRole('link', { name: /^silence-as-data/ }));
    const editor = await screen.findByRole('region', { name: 'Principle: silence-as-data' });
    expect(await within(editor).findByText('"summary": cannot be empty; found ""')).toBeInTheDocument();
  });

  it('moves a question, and the source view shows the order pack.yaml now holds', async () => {
    const user = userEvent.setup();
    await startPack(user);
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    await screen.findByRole('region', { name: 'Question 2 of 2: fn-002' });
    await user.click(screen.getByRole('button', { name: 'Move up' }));
    await screen.findByRole('region', { name: 'Question 1 of 2: fn-002' });
    await user.click(within(screen.getByRole('navigation', { name: 'Pack contents' })).getByRole('link', { name: /^Pack details/ }));
    await user.click(screen.getByLabelText('Markdown source'));
    expect(screen.getByLabelText(/^Markdown source of/)).toHaveValue('id: field-notes\ntitle: Field notes\nversion: 1.0.0\ndescription: First sessions.\nauthors: [A. Instructor]\norder: [fn-002, fn-001]\n');
  });
});

describe('a pack shared by link', () => {
  function link(): string {
    const files = contentFolder({ 'x-001': questionText({ id: 'x-001' }) }).map((file) => ({
      ...file,
      path: file.path.replace('packs/demo/', 'packs/extra/'),
      text: file.text.replace('id: demo', 'id: extra').replace('title: Demo pack', 'title: Extra pack'),
    }));
    return `/packs#${shareFragment(buildPackFile({ id: 'extra', title: 'Extra pack', version: '1.0.0' }, files))}`;
  }

  it('shows what the pack is and stores nothing until the candidate agrees', async () => {
    const user = userEvent.setup();
    renderAt(link());
    const offer = await screen.findByRole('region', { name: 'A pack shared with you' });
    expect(await within(offer).findByText('Extra pack')).toBeInTheDocument();
    expect(within(offer).getByText('Tester')).toBeInTheDocument();
    expect(await database().importedPacks.count()).toBe(0);
    await user.click(within(offer).getByRole('button', { name: 'Import Extra pack' }));
    expect(await within(offer).findByText('Imported Extra pack (1 question).')).toBeInTheDocument();
    expect(await database().importedPacks.count()).toBe(1);
  });

  it('imports nothing when the candidate declines', async () => {
    const user = userEvent.setup();
    const router = renderAt(link());
    const offer = await screen.findByRole('region', { name: 'A pack shared with you' });
    await user.click(await within(offer).findByRole('button', { name: 'Don’t import' }));
    expect(router.state.location.hash).toBe('');
    expect(await database().importedPacks.count()).toBe(0);
  });

  it('says a cut link is damaged', async () => {
    renderAt(link().slice(0, 60));
    const offer = await screen.findByRole('region', { name: 'A pack shared with you' });
    expect(await within(offer).findByRole('alert')).toHaveTextContent('The link is damaged or cut short');
  });
});
