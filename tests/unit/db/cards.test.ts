import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cardsInPacks, cardsOf } from '../../../src/db/cards';
import type { RapportDatabase } from '../../../src/db/database';
import { exportBackup, restoreBackup } from '../../../src/db/backup';
import { startSession, undoLastAnswer } from '../../../src/db/progress';
import { freshDatabase, recordRightOrWrong } from './freshDatabase';

const NOW = new Date(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;

function answer(db: RapportDatabase, packId: string, questionId: string, correct: boolean, daysLater: number) {
  return recordRightOrWrong(db, packId, questionId, correct, new Date(NOW.getTime() + daysLater * DAY));
}

describe('the newest answer on each card', () => {
  it('is noted with every answer, and undo puts back the one before', async () => {
    const db = freshDatabase();
    await answer(db, 'alpha', 'q1', false, 0);
    await answer(db, 'alpha', 'q2', true, 0);
    await answer(db, 'alpha', 'q1', true, 2);
    expect((await db.cards.get(['alpha', 'q1']))?.lastCorrect).toBe(true);
    expect((await db.cards.get(['alpha', 'q2']))?.lastCorrect).toBe(true);

    await startSession(db, { mode: 'study', items: [{ packId: 'alpha', questionId: 'q1', kind: 'review' }], startedAt: NOW });
    await answer(db, 'alpha', 'q1', true, 3);
    expect(await undoLastAnswer(db)).toBe(true);
    expect((await db.cards.get(['alpha', 'q1']))?.lastCorrect).toBe(true);
  });

  it('is rebuilt from the log when a backup is restored, for backups made before it was kept', async () => {
    const source = freshDatabase();
    await answer(source, 'alpha', 'q1', true, 0);
    await answer(source, 'alpha', 'q1', false, 1);
    const backup = JSON.parse(JSON.stringify(await exportBackup(source, NOW)));
    for (const card of backup.cards) delete card.lastCorrect;

    const target = freshDatabase();
    await restoreBackup(target, JSON.stringify(backup));
    expect((await target.cards.get(['alpha', 'q1']))?.lastCorrect).toBe(false);
  });
});

describe('cards', () => {
  it('reads the cards of the packs asked for, and of given questions', async () => {
    const db = freshDatabase();
    await answer(db, 'alpha', 'q1', true, 0);
    await answer(db, 'beta', 'q1', true, 0);
    await answer(db, 'gamma', 'q1', true, 0);
    expect((await cardsInPacks(db, ['alpha', 'beta'])).map((card) => `${card.packId}/${card.questionId}`).sort()).toEqual(['alpha/q1', 'beta/q1']);
    expect(await cardsInPacks(db, [])).toEqual([]);
    expect([...(await cardsOf(db, [{ packId: 'gamma', questionId: 'q1' }, { packId: 'gamma', questionId: 'q2' }])).keys()]).toEqual(['gamma/q1']);
  });
});
