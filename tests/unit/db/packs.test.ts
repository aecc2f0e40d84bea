import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RapportDatabase } from '../../../src/db/database';
import { answeredPerPack, disabledPackIds, listImportedPacks, removeImportedPack, saveImportedPack, setPackEnabled } from '../../../src/db/packs';
import { recordAnswer } from '../../../src/db/progress';
import { freshDatabase } from './freshDatabase';
import { gradeAnswer } from '../../../src/domain/grading';
import { demoContent } from '../../fixtures/packs';

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
    expect(previous?.pack.version).toBe('1.0.0');
    expect((await listImportedPacks(db)).map((stored) => stored.pack.version)).toEqual(['1.1.0']);
  });

  it('keep the answers to their questions when removed, unless asked to erase them', async () => {
    const db = freshDatabase();
    await saveImportedPack(db, imported, NOW);
    await answerBoth(db);
    await removeImportedPack(db, pack.id, false);
    expect(await listImportedPacks(db)).toEqual([]);
    expect(await db.reviewLog.count()).toBe(2);
    expect((await answeredPerPack(db, [pack.id])).get(pack.id)).toBe(2);

    await saveImportedPack(db, imported, NOW);
    await removeImportedPack(db, pack.id, true);
    expect(await db.reviewLog.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
  });

  it('can be left out of study and brought back', async () => {
    const db = freshDatabase();
    await setPackEnabled(db, 'demo', false);
    expect(await disabledPackIds(db)).toEqual(new Set(['demo']));
    await setPackEnabled(db, 'demo', true);
    expect(await disabledPackIds(db)).toEqual(new Set());
  });
});
