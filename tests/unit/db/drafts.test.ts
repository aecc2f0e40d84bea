import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteDraft, draftSaver, getDraft, listDrafts, StudioDatabase, type SaveState } from '../../../src/db/drafts';
import { addQuestion, newDraft, updateFile } from '../../../src/domain/studio/draft';
import { database } from '../../../src/db/database';

const fields = { title: 'Field notes', description: 'Openings.', version: '1.0.0', authors: ['A. Instructor'] };

function freshStudio(): StudioDatabase {
  return new StudioDatabase(`studio-${Math.random()}`);
}

describe('drafts saved as they are typed', () => {
  it('writes every change in order, so the newest text is what a reload reads', async () => {
    const db = freshStudio();
    const states: SaveState['status'][] = [];
    const saver = draftSaver(db, (state) => states.push(state.status));
    let draft = addQuestion(newDraft('d1', fields, new Date(1000)), new Date(1000)).draft;
    saver.save(draft);
    const key = draft.files[1]?.key as string;
    let text = draft.files[1]?.text ?? '';
    for (const letter of 'typed as you go') {
      text += letter;
      draft = updateFile(draft, key, text, new Date(2000));
      saver.save(draft);
    }
    await saver.flush();
    const reopened = new StudioDatabase(db.name);
    expect((await getDraft(reopened, 'd1'))?.files[1]?.text.endsWith('typed as you go')).toBe(true);
    expect(states.at(-1)).toBe('saved');
    expect(states.filter((state) => state === 'saved').length).toBeLessThan(5);
  });

  it('lists the draft edited last first, and deletes one draft only', async () => {
    const db = freshStudio();
    const saver = draftSaver(db, () => {});
    saver.save(newDraft('older', fields, new Date(1000)));
    await saver.flush();
    saver.save(newDraft('newer', { ...fields, title: 'Later notes' }, new Date(5000)));
    await saver.flush();
    expect((await listDrafts(db)).map((draft) => draft.id)).toEqual(['newer', 'older']);
    await deleteDraft(db, 'newer');
    expect((await listDrafts(db)).map((draft) => draft.id)).toEqual(['older']);
  });

  it('reports a failed write, and writes the draft with the next change', async () => {
    const db = freshStudio();
    const states: SaveState[] = [];
    const saver = draftSaver(db, (state) => states.push(state));
    const put = db.drafts.put.bind(db.drafts);
    let fail = true;
    db.drafts.put = ((...args: Parameters<typeof put>) => (fail ? Promise.reject(new Error('disk full')) : put(...args))) as typeof put;
    saver.save(newDraft('d1', fields, new Date(1000)));
    await saver.flush();
    expect(states.at(-1)).toEqual({ status: 'failed', error: new Error('disk full') });
    fail = false;
    saver.save(newDraft('d1', { ...fields, title: 'Field notes, revised' }, new Date(2000)));
    await saver.flush();
    expect((await getDraft(db, 'd1'))?.files[0]?.text).toContain('title: Field notes, revised');
    expect(states.at(-1)).toEqual({ status: 'saved' });
  });

  it('lives apart from candidates’ progress', async () => {
    const studio = new StudioDatabase();
    await studio.open();
    expect(studio.tables.map((table) => table.name)).toEqual(['drafts']);
    expect(database().name).not.toBe(studio.name);
    studio.close();
  });
});
