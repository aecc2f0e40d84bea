import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { cardsInPacks, cardsOf } from '../../../src/db/cards';
import type { RapportDatabase } from '../../../src/db/database';
import { latestAnswers } from '../../../src/db/mastery';
import { recordAnswer } from '../../../src/db/progress';
import { freshDatabase } from './freshDatabase';
import { gradeAnswer } from '../../../src/domain/grading';

const NOW = new Date(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;

function answer(db: RapportDatabase, packId: string, questionId: string, correct: boolean, daysLater: number) {
  return recordAnswer(db, {
    packId,
    questionId,
    contentHash: 'hash',
    result: gradeAnswer({ answer: 'A' }, correct ? 'A' : 'B'),
    confidence: 'normal',
    now: new Date(NOW.getTime() + daysLater * DAY),
    settings: { desiredRetention: 0.9 },
  });
}

describe('latest answers', () => {
  it('keeps the newest answer to each question of the packs asked for', async () => {
    const db = freshDatabase();
    await answer(db, 'alpha', 'q1', false, 0);
    await answer(db, 'alpha', 'q2', true, 0);
    await answer(db, 'beta', 'q1', true, 0);
    await answer(db, 'alpha', 'q1', true, 2);
    await answer(db, 'alpha', 'q2', false, 3);
    await answer(db, 'gamma', 'q9', true, 0);

    const latest = await latestAnswers(db, ['alpha', 'beta']);
    expect(Object.fromEntries(latest)).toEqual({ 'alpha/q1': true, 'alpha/q2': false, 'beta/q1': true });
  });

  it('reads only the newest entries, not the whole log', async () => {
    const db = freshDatabase();
    for (let day = 0; day < 5; day++) await answer(db, 'alpha', 'q1', day === 4, day);
    const bulkGet = vi.spyOn(db.reviewLog, 'bulkGet');
    const toArray = vi.spyOn(db.reviewLog, 'toArray');
    expect(Object.fromEntries(await latestAnswers(db, ['alpha']))).toEqual({ 'alpha/q1': true });
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls[0]?.[0]).toHaveLength(1);
    expect(toArray).not.toHaveBeenCalled();
  });

  it('is empty when nothing was answered or no pack is asked for', async () => {
    const db = freshDatabase();
    expect((await latestAnswers(db, ['alpha'])).size).toBe(0);
    await answer(db, 'alpha', 'q1', true, 0);
    expect((await latestAnswers(db, [])).size).toBe(0);
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
