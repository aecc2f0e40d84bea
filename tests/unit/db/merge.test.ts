import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../src/db/backup';
import type { RapportDatabase } from '../../../src/db/database';
import { finishExam, listAttempts } from '../../../src/db/exams';
import { mergeBackup } from '../../../src/db/merge';
import { removeImportedPack } from '../../../src/db/packs';
import { loadSettings, recordAnswer, resetProgress, saveSettings, startSession, undoLastAnswer } from '../../../src/db/progress';
import { gradeAnswer } from '../../../src/domain/grading';
import { checkDerived } from '../../../src/db/derived';
import { describeMerge, replayCard } from '../../../src/domain/merge';
import type { StoredReview } from '../../../src/domain/progress';
import { cardKey } from '../../../src/domain/ids';
import { attemptOf } from '../../fixtures/progress';
import { freshDatabase } from './freshDatabase';

const START = new Date(2026, 2, 2, 8, 0, 0);
const HOUR = 3_600_000;
const QUESTIONS = [
  ['alpha', 'q1'],
  ['alpha', 'q2'],
  ['beta', 'q1'],
  ['constructor', 'toString'],
] as const;

/** Answers one question as the study screen does: inside a session, so that it can be undone. */
async function answerAt(db: RapportDatabase, question: number, correct: boolean, at: Date) {
  const [packId, questionId] = QUESTIONS[question] ?? QUESTIONS[0];
  await startSession(db, { mode: 'study', items: [{ packId, questionId, kind: 'new' }], startedAt: at });
  return recordAnswer(db, {
    packId,
    questionId,
    contentHash: `hash-${question}`,
    result: gradeAnswer({ answer: 'A' }, correct ? 'A' : 'B'),
    confidence: 'normal',
    now: at,
    settings: { desiredRetention: 0.9 },
  });
}

async function bringIn(from: RapportDatabase, into: RapportDatabase, at: Date) {
  return mergeBackup(into, JSON.stringify(await exportBackup(from, at)), at);
}

/** Everything a candidate would notice of a device's progress, in an order that does not depend on local ids. */
async function progressOf(db: RapportDatabase) {
  const log = (await db.reviewLog.toArray()).map(({ id: _id, ...entry }) => entry).sort((a, b) => (a.uid < b.uid ? -1 : 1));
  const cards = (await db.cards.toArray()).sort((a, b) => (cardKey(a.packId, a.questionId) < cardKey(b.packId, b.questionId) ? -1 : 1));
  const days = await db.studyDays.toArray();
  const deleted = [...new Set((await db.deletedEntries.toArray()).map((entry) => entry.uid))].sort();
  const exams = (await listAttempts(db)).map((attempt) => attempt.uid).sort();
  const { persistenceRequested: _p, ...settings } = await loadSettings(db);
  return { log, cards, days, deleted, exams, settings };
}

/** Every card a replay of its live entries in time order, and every derived row equal to a rebuild (derived.ts's own check). */
async function expectRebuildEqual(db: RapportDatabase) {
  const log = await db.reviewLog.toArray();
  const byCard = new Map<string, StoredReview[]>();
  for (const entry of log) byCard.set(cardKey(entry.packId, entry.questionId), [...(byCard.get(cardKey(entry.packId, entry.questionId)) ?? []), entry]);
  const cards = await db.cards.toArray();
  expect(cards.map((card) => cardKey(card.packId, card.questionId)).sort()).toEqual([...byCard.keys()].sort());
  for (const card of cards) expect(card).toEqual(replayCard(byCard.get(cardKey(card.packId, card.questionId)) ?? []));
  expect((await checkDerived(db)).wrong).toEqual([]);
}

const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('answer' as const), device: fc.integer({ min: 0, max: 1 }), question: fc.integer({ min: 0, max: QUESTIONS.length - 1 }), correct: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), device: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), device: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), device: fc.integer({ min: 0, max: 1 }), newPerDay: fc.integer({ min: 1, max: 50 }) }) },
);

describe('bringing in progress from another device, in the database', () => {
  it('leaves both devices with the same progress after merging each way, derived rows equal to a rebuild, and a second merge changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 14 }), fc.integer({ min: 1, max: 30 }), async (steps, hoursApart) => {
        const devices = [freshDatabase(), freshDatabase()] as const;
        let when = START.getTime();
        for (const action of steps) {
          when += hoursApart * HOUR;
          const db = devices[action.device];
          const other = devices[1 - action.device];
          if (!db || !other) continue;
          if (action.kind === 'answer') await answerAt(db, action.question, action.correct, new Date(when));
          if (action.kind === 'undo') await undoLastAnswer(db);
          if (action.kind === 'merge') await bringIn(other, db, new Date(when));
          if (action.kind === 'settings') await saveSettings(db, { newPerDay: action.newPerDay }, new Date(when));
        }
        const [a, b] = devices;
        const at = new Date(when + HOUR);
        await bringIn(a, b, at);
        await bringIn(b, a, at);
        const progress = await progressOf(a);
        expect(await progressOf(b)).toEqual(progress);
        await expectRebuildEqual(a);
        await expectRebuildEqual(b);
        const again = await bringIn(b, a, at);
        expect(again.summary).toMatchObject({ answersAdded: 0, answersRemoved: 0, examsAdded: 0, settingsTaken: [] });
        expect(await progressOf(a)).toEqual(progress);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('says how many answers came in and how many questions are now due today', async () => {
    const phone = freshDatabase();
    const laptop = freshDatabase();
    const yesterday = new Date(START.getTime() - 24 * HOUR);
    await answerAt(phone, 0, false, yesterday);
    await answerAt(phone, 1, true, yesterday);
    await answerAt(laptop, 2, true, yesterday);
    const { summary } = await bringIn(phone, laptop, START);
    // The wrong answer is due again today; the right one in days.
    expect(describeMerge(summary)).toBe('2 answers added from the other device; 1 question now due today.');
  });

  it('takes an undo, a reset and an erased pack history from the other device, and never brings those answers back', async () => {
    const phone = freshDatabase();
    const laptop = freshDatabase();
    await answerAt(phone, 0, true, START);
    await answerAt(phone, 2, true, new Date(START.getTime() + HOUR));
    await answerAt(phone, 3, true, new Date(START.getTime() + 2 * HOUR));
    await bringIn(phone, laptop, new Date(START.getTime() + 3 * HOUR));
    expect(await laptop.reviewLog.count()).toBe(3);

    await undoLastAnswer(phone);
    await removeImportedPack(phone, 'beta', true);
    const { summary } = await bringIn(phone, laptop, new Date(START.getTime() + 4 * HOUR));
    expect(summary.answersRemoved).toBe(2);
    expect((await laptop.reviewLog.toArray()).map((entry) => entry.questionId)).toEqual(['q1']);
    expect(await laptop.cards.get(['beta', 'q1'])).toBeUndefined();

    await resetProgress(laptop);
    await bringIn(laptop, phone, new Date(START.getTime() + 5 * HOUR));
    expect(await phone.reviewLog.count()).toBe(0);
    // The phone's own older backup still holds them; merging it brings none back.
    const older = freshDatabase();
    await answerAt(older, 0, true, START);
    await bringIn(phone, older, new Date(START.getTime() + 6 * HOUR));
    expect(await older.reviewLog.count()).toBe(1);
    await expectRebuildEqual(older);
  });

  it('unites the exam histories and takes each setting changed last', async () => {
    const phone = freshDatabase();
    const laptop = freshDatabase();
    const { uid: _one, ...first } = attemptOf(1);
    const { uid: _two, ...second } = attemptOf(2);
    await finishExam(phone, first);
    await finishExam(laptop, second);
    await saveSettings(phone, { newPerDay: 5 }, new Date(START.getTime() + HOUR));
    await saveSettings(laptop, { newPerDay: 30, examDate: '2026-09-01' }, START);
    const { summary } = await bringIn(laptop, phone, START);
    expect(summary).toMatchObject({ examsAdded: 1, settingsTaken: ['examDate'] });
    expect(await loadSettings(phone)).toMatchObject({ newPerDay: 5, examDate: '2026-09-01' });
    expect((await listAttempts(phone)).map((attempt) => attempt.title)).toEqual(['Exam 1', 'Exam 2']);
  });

  it('merges a backup from before answers had uids, counting an answer both devices restored from it once', async () => {
    const source = freshDatabase();
    await answerAt(source, 0, true, START);
    await answerAt(source, 1, false, new Date(START.getTime() + HOUR));
    const backup = JSON.parse(JSON.stringify(await exportBackup(source, START)));
    // As format 1 wrote it: no uids, no deletions, no exams, no setting stamps.
    backup.formatVersion = 1;
    for (const entry of backup.reviewLog) delete entry.uid;
    delete backup.deleted;
    delete backup.examAttempts;
    delete backup.settings.changedAt;
    const old = JSON.stringify(backup);

    const phone = freshDatabase();
    const laptop = freshDatabase();
    expect(await restoreBackup(phone, old)).toMatchObject({ reviews: 2, skipped: [] });
    await answerAt(phone, 2, true, new Date(START.getTime() + 2 * HOUR));
    const { summary } = await mergeBackup(laptop, old, START);
    expect(summary.answersAdded).toBe(2);
    await bringIn(phone, laptop, START);
    await bringIn(laptop, phone, START);
    expect(await phone.reviewLog.count()).toBe(3);
    expect(await laptop.reviewLog.count()).toBe(3);
    await expectRebuildEqual(laptop);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const db = freshDatabase();
    await answerAt(db, 0, true, START);
    await expect(mergeBackup(db, '{"format":"rapport-pack"}', START)).rejects.toThrow('not a Rapport backup');
    expect(await db.reviewLog.count()).toBe(1);
  });
});
