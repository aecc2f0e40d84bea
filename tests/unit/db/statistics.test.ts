import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { RapportDatabase } from '../../../src/db/database';
import { dueKeysBetween, hasAnswers, studyDaysFrom, tallyAnswersSince } from '../../../src/db/statistics';
import { freshDatabase, recordRightOrWrong } from './freshDatabase';
import { forecastBounds, statisticsWindow, tallyAnswers } from '../../../src/domain/statistics';
import { exportBackup, restoreBackup } from '../../../src/db/backup';
import { removeImportedPack } from '../../../src/db/packs';
import { resetProgress, startSession, undoLastAnswer } from '../../../src/db/progress';

const NOW = new Date(2026, 10, 4, 10, 0, 0);
const DAY = 86_400_000;

function answer(db: RapportDatabase, questionId: string, correct: boolean, daysAgo: number, packId = 'alpha') {
  return recordRightOrWrong(db, packId, questionId, correct, new Date(NOW.getTime() - daysAgo * DAY));
}

describe('tallying the review log', () => {
  it('counts the answers of the window by day and question, and a second answer to a card as a true-retention review', async () => {
    const db = freshDatabase();
    await answer(db, 'q1', false, 400);
    await answer(db, 'q1', true, 9);
    await answer(db, 'q2', true, 9, 'beta');
    await answer(db, 'q2', false, 1, 'beta');
    await answer(db, 'q3', true, 0);

    const window = statisticsWindow(NOW);
    expect(Object.fromEntries(await studyDaysFrom(db, window.weeks[0]!))).toEqual({
      '2026-10-26': { day: '2026-10-26', answers: 2, right: 2, reviews: 1, reviewsRight: 1, introduced: 1 },
      '2026-11-03': { day: '2026-11-03', answers: 1, right: 0, reviews: 1, reviewsRight: 0, introduced: 0 },
      '2026-11-04': { day: '2026-11-04', answers: 1, right: 1, reviews: 0, reviewsRight: 0, introduced: 1 },
    });
    expect(await hasAnswers(db)).toBe(true);
    const tally = await tallyAnswersSince(db, window.weeks);
    expect(Object.fromEntries(tally.byQuestion)).toEqual({
      'alpha/q1': { answers: 1, right: 1 },
      'beta/q2': { answers: 2, right: 1 },
      'alpha/q3': { answers: 1, right: 1 },
    });
    expect([...tally.packIds].sort()).toEqual(['alpha', 'beta']);
  });

  it('reads the day rows’ answer lines, not the log', async () => {
    const db = freshDatabase();
    await answer(db, 'q1', true, 3);
    const where = vi.spyOn(db.reviewLog, 'where');
    const whole = vi.spyOn(db.reviewLog, 'toArray');
    expect((await tallyAnswersSince(db, statisticsWindow(NOW).weeks)).byQuestion.get('alpha/q1')).toEqual({ answers: 1, right: 1 });
    expect(where).not.toHaveBeenCalled();
    expect(whole).not.toHaveBeenCalled();
  });

  it('counts what the log holds through undo, a pack erased with its answers, a restored backup and a reset', async () => {
    const db = freshDatabase();
    const weeks = statisticsWindow(NOW).weeks;
    // The oracle: the same tally made from the log entries themselves.
    const fromLog = async () => tallyAnswers(await db.reviewLog.where('day').aboveOrEqual(weeks[0]!).toArray());
    const expectLogTally = async () => expect(await tallyAnswersSince(db, weeks)).toEqual(await fromLog());

    await answer(db, 'q1', true, 2);
    await answer(db, 'q1', false, 1);
    await answer(db, 'q2', true, 1, 'beta');
    await startSession(db, { mode: 'study', items: [{ packId: 'alpha', questionId: 'q1', kind: 'review' }], startedAt: NOW });
    await answer(db, 'q1', true, 0);
    await expectLogTally();
    expect(await undoLastAnswer(db)).toBe(true);
    expect((await tallyAnswersSince(db, weeks)).byQuestion.get('alpha/q1')).toEqual({ answers: 2, right: 1 });
    await expectLogTally();

    await removeImportedPack(db, 'beta', true);
    expect((await tallyAnswersSince(db, weeks)).packIds).toEqual(new Set(['alpha']));
    await expectLogTally();

    const backup = JSON.stringify(await exportBackup(db, NOW));
    await resetProgress(db);
    expect((await tallyAnswersSince(db, weeks)).byQuestion.size).toBe(0);
    await restoreBackup(db, backup);
    expect((await tallyAnswersSince(db, weeks)).byQuestion.get('alpha/q1')).toEqual({ answers: 2, right: 1 });
    await expectLogTally();
  });
});

describe('cards due soon', () => {
  it('gives the keys due on each day, overdue ones on today, and none due after the last day', async () => {
    const db = freshDatabase();
    await answer(db, 'overdue', false, 5);
    await answer(db, 'in-two-days', true, 0);
    await answer(db, 'later', true, 0);
    await db.cards.update(['alpha', 'in-two-days'], { due: new Date(2026, 10, 6, 10) });
    await db.cards.update(['alpha', 'later'], { due: new Date(NOW.getTime() + 60 * DAY) });
    const keys = await dueKeysBetween(db, forecastBounds(NOW));
    expect(keys).toHaveLength(30);
    expect(keys[0]).toEqual([['alpha', 'overdue']]);
    expect(keys[2]).toEqual([['alpha', 'in-two-days']]);
    expect(keys.flat()).toHaveLength(2);
  });
});
