import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RapportDatabase } from '../../../src/db/database';
import { answeredPerPack, disabledPackIds, getImportedPack, importedPackFiles, importedQuestions, listImportedPacks, readBriefListings, removeImportedPack, saveImportedPack, setPackEnabled } from '../../../src/db/packs';
import { recordAnswer } from '../../../src/db/progress';
import { freshDatabase, recordRightOrWrong } from './freshDatabase';
import { localDay } from '../../../src/domain/dates';
import { gradeAnswer } from '../../../src/domain/grading';
import { demoContent } from '../../fixtures/packs';
import { factsOf, toFactColumns } from '../../../src/domain/content/facts';

const NOW = new Date(2026, 10, 2, 9, 0, 0);

const { pack } = demoContent();
const imported = { pack, principles: [], files: [{ path: 'packs/demo/pack.yaml', text: 'id: demo' }] };

async function answerBoth(db: RapportDatabase) {
  for (const question of pack.questions) {
    await recordAnswer(db, { packId: pack.id, questionId: question.id, contentHash: question.contentHash, result: gradeAnswer(question, 'A'), confidence: 'normal', now: NOW, settings: { desiredRetention: 0.9 } });
  }
}

describe('imported packs', () => {
  it('are stored, replaced by a new version, and report the one they replaced', async () => {
    const db = freshDatabase();
    expect(await saveImportedPack(db, imported, NOW)).toBeUndefined();
    const previous = await saveImportedPack(db, { ...imported, pack: { ...pack, version: '1.1.0' } }, NOW);
    expect(previous?.meta.version).toBe('1.0.0');
    expect((await listImportedPacks(db)).map((stored) => stored.meta.version)).toEqual(['1.1.0']);
  });

  it('list without question text, and give the whole pack, or some of its questions, when asked', async () => {
    const db = freshDatabase();
    await saveImportedPack(db, imported, NOW);
    const [listing] = await listImportedPacks(db);
    expect(listing?.facts).toEqual(toFactColumns(pack.questions.map(factsOf)));
    expect(JSON.stringify(listing)).not.toContain(pack.questions[0]!.stem);
    expect((await getImportedPack(db, pack.id))?.pack).toEqual(pack);
    expect((await importedQuestions(db, pack.id, ['q-002', 'gone'])).map((question) => question.id)).toEqual(['q-002']);
    expect(await importedPackFiles(db, pack.id)).toEqual(imported.files);
  });

  it('are read in brief, from one row that follows every import, re-import and removal', async () => {
    const db = freshDatabase();
    expect(await readBriefListings(db)).toEqual([]);
    const [principle] = demoContent().principles;
    await saveImportedPack(db, { ...imported, principles: [principle!] }, NOW);
    await saveImportedPack(db, { ...imported, pack: { ...pack, id: 'second', questions: pack.questions.slice(1) } }, NOW);
    const brief = await readBriefListings(db);
    expect(brief.map((listing) => [listing.id, listing.meta.title, listing.facts])).toEqual([
      ['demo', pack.title, { ids: ['q-001', 'q-002'], principles: pack.questions.map((question) => question.principles.join(' ')) }],
      ['second', pack.title, { ids: ['q-002'], principles: [pack.questions[1]!.principles.join(' ')] }],
    ]);
    // Principles' names come along for links; their text stays in the full listing.
    expect(brief[0]?.principles).toEqual([{ id: principle!.id, title: principle!.title, summary: principle!.summary }]);

    await saveImportedPack(db, { ...imported, pack: { ...pack, questions: pack.questions.slice(0, 1) } }, NOW);
    expect((await readBriefListings(db)).find((listing) => listing.id === 'demo')?.facts.ids).toEqual(['q-001']);
    await removeImportedPack(db, 'demo', false);
    expect((await readBriefListings(db)).map((listing) => listing.id)).toEqual(['second']);
  });

  it('drop the questions a new version no longer has', async () => {
    const db = freshDatabase();
    await saveImportedPack(db, imported, NOW);
    await saveImportedPack(db, { ...imported, pack: { ...pack, questions: pack.questions.slice(1) } }, NOW);
    expect((await getImportedPack(db, pack.id))?.pack.questions.map((question) => question.id)).toEqual(['q-002']);
    expect(await db.importedQuestions.count()).toBe(1);
  });

  it('keep the answers to their questions when removed, unless asked to erase them', async () => {
    const db = freshDatabase();
    await saveImportedPack(db, imported, NOW);
    await answerBoth(db);
    await removeImportedPack(db, pack.id, false);
    expect(await listImportedPacks(db)).toEqual([]);
    expect(await db.importedQuestions.count()).toBe(0);
    expect(await db.importedPackFiles.count()).toBe(0);
    expect(await db.reviewLog.count()).toBe(2);
    expect((await answeredPerPack(db, [pack.id])).get(pack.id)).toBe(2);

    await saveImportedPack(db, imported, NOW);
    await recordRightOrWrong(db, 'other-pack', 'q-1', true, NOW);
    expect(await db.studyDays.toArray()).toMatchObject([{ day: localDay(NOW), answers: 3, introduced: 3 }]);
    await removeImportedPack(db, pack.id, true);
    expect(await db.answeredQuestions.count()).toBe(1);
    expect(await db.reviewLog.count()).toBe(1);
    expect(await db.cards.count()).toBe(1);
    // The streak and today's counts forget the erased answers too.
    expect(await db.studyDays.toArray()).toMatchObject([{ day: localDay(NOW), answers: 1, introduced: 1 }]);
  });

  it('can be left out of study and brought back', async () => {
    const db = freshDatabase();
    await setPackEnabled(db, 'demo', false);
    expect(await disabledPackIds(db)).toEqual(new Set(['demo']));
    await setPackEnabled(db, 'demo', true);
    expect(await disabledPackIds(db)).toEqual(new Set());
  });
});
