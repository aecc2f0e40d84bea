import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { exportBackup, restoreBackup } from '../../../src/db/backup';
import { historyOf, loadAnsweredQuestions, loadDueState, loadSession, loadSettings, recordAnswer, resetProgress, saveSettings, startSession, studyDays, undoLastAnswer } from '../../../src/db/progress';
import { streak } from '../../../src/domain/today';
import { BackupError } from '../../../src/domain/backup';
import { freshDatabase } from './freshDatabase';
import { getImportedPack, importedPackFiles, listImportedPacks, readBriefListings } from '../../../src/db/packs';
import type { RapportDatabase } from '../../../src/db/database';
import { factsOf, toFactColumns } from '../../../src/domain/content/facts';
import { demoContent } from '../../fixtures/packs';
import { gradeAnswer } from '../../../src/domain/grading';
import { replay, State } from '../../../src/domain/scheduling';
import { localDay } from '../../../src/domain/dates';
import { legacyReviewUid } from '../../../src/domain/uids';

const NOW = new Date(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;
const settings = { desiredRetention: 0.9 };

function answer(questionId: string, chosen: 'A' | 'B', now = NOW) {
  return { packId: 'demo', questionId, contentHash: 'hash-1', result: gradeAnswer({ answer: 'A' }, chosen), confidence: 'normal' as const, now, settings };
}

async function sessionWith(db: RapportDatabase, ids: string[]) {
  return startSession(db, { mode: 'study', items: ids.map((questionId) => ({ packId: 'demo', questionId, kind: 'new' as const })), startedAt: NOW });
}

describe('recording an answer', () => {
  it('writes the card, the log entry and the place in the session together', async () => {
    const db = freshDatabase();
    await sessionWith(db, ['q1', 'q2']);
    const { card, logId } = await recordAnswer(db, answer('q1', 'A'));
    expect(card).toMatchObject({ packId: 'demo', questionId: 'q1', state: State.Review, reps: 1, contentHash: 'hash-1' });
    expect(await db.cards.count()).toBe(1);
    expect(await db.reviewLog.get(logId)).toMatchObject({ questionId: 'q1', correct: true, chosen: 'A', day: '2026-11-02', rating: 3 });
    expect((await loadSession(db))?.answers).toEqual([{ packId: 'demo', questionId: 'q1', correct: true, logId }]);
  });

  it('writes nothing when the log write fails half way', async () => {
    const db = freshDatabase();
    await sessionWith(db, ['q1']);
    vi.spyOn(db.reviewLog, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(recordAnswer(db, answer('q1', 'A'))).rejects.toThrow('disk full');
    expect(await db.cards.count()).toBe(0);
    expect(await db.reviewLog.count()).toBe(0);
    expect((await loadSession(db))?.answers).toEqual([]);
  });

  it('counts today’s reviews and new questions for the daily limits', async () => {
    const db = freshDatabase();
    await recordAnswer(db, answer('q1', 'A', new Date(NOW.getTime() - 3 * DAY)));
    await recordAnswer(db, answer('q1', 'B'));
    await recordAnswer(db, answer('q2', 'A'));
    const state = await loadDueState(db, NOW);
    expect(state).toMatchObject({ reviewedToday: 1, introducedToday: 1 });
    expect(await loadAnsweredQuestions(db)).toEqual(new Map([['demo', new Set(['q1', 'q2'])]]));
    expect(state.due.size).toBe(0);
  });

  it('keeps the days studied for the streak, across a month boundary, stopping at the first gap', async () => {
    const db = freshDatabase();
    // 40 days in a row up to yesterday, then a gap, then older days that no longer count.
    for (const daysAgo of [43, 42]) await recordAnswer(db, answer('q2', 'A', new Date(NOW.getTime() - daysAgo * DAY)));
    for (let daysAgo = 40; daysAgo >= 1; daysAgo--) await recordAnswer(db, answer('q1', 'A', new Date(NOW.getTime() - daysAgo * DAY)));
    const days = await studyDays(db);
    expect(days).toHaveLength(42);
    expect(days[0]).toBe(localDay(new Date(NOW.getTime() - DAY)));
    expect(streak(days, NOW)).toBe(40);

    await recordAnswer(db, answer('q1', 'A', NOW));
    expect(streak(await studyDays(db), NOW)).toBe(41);
    expect(streak(await studyDays(db), new Date(NOW.getTime() + 2 * DAY))).toBe(0);
  });

  it('reads only the most overdue due cards when limited, and says whether that was all of them', async () => {
    const db = freshDatabase();
    // Twelve questions answered wrong on successive days: all due again by NOW, q0 the most overdue.
    for (let index = 0; index < 12; index++) await recordAnswer(db, answer(`q${index}`, 'B', new Date(NOW.getTime() - (30 - index) * DAY)));
    const all = await loadDueState(db, NOW);
    expect(all.due).toEqual(new Map([['demo', new Map(Array.from({ length: 12 }, (_, index) => [`q${index}`, index]))]]));
    expect(all.dueComplete).toBe(true);
    const first = await loadDueState(db, NOW, 3);
    expect(first.due).toEqual(new Map([['demo', new Map([['q0', 0], ['q1', 1], ['q2', 2]])]]));
    expect(first.dueComplete).toBe(false);
    expect((await loadAnsweredQuestions(db)).get('demo')?.size).toBe(12);
    expect((await loadDueState(db, NOW, 13)).dueComplete).toBe(true);
  });
});

describe('the days studied', () => {
  const counts = async (db: RapportDatabase) => {
    const state = await loadDueState(db, NOW);
    return { days: await studyDays(db), reviewedToday: state.reviewedToday, introducedToday: state.introducedToday };
  };

  it('follow every answer, undo, reset and restore', async () => {
    const db = freshDatabase();
    const yesterday = localDay(new Date(NOW.getTime() - DAY));
    await recordAnswer(db, answer('q1', 'A', new Date(NOW.getTime() - DAY)));
    await sessionWith(db, ['q1', 'q2']);
    await recordAnswer(db, answer('q1', 'B'));
    await recordAnswer(db, answer('q2', 'A'));
    expect(await counts(db)).toEqual({ days: [localDay(NOW), yesterday], reviewedToday: 1, introducedToday: 1 });
    expect(await db.studyDays.get(localDay(NOW))).toMatchObject({ day: localDay(NOW), answers: 2, introduced: 1 });

    await undoLastAnswer(db);
    expect(await counts(db)).toEqual({ days: [localDay(NOW), yesterday], reviewedToday: 1, introducedToday: 0 });
    await undoLastAnswer(db);
    expect(await counts(db)).toEqual({ days: [yesterday], reviewedToday: 0, introducedToday: 0 });

    await recordAnswer(db, answer('q2', 'A'));
    const backup = await exportBackup(db, NOW);
    await resetProgress(db);
    expect(await counts(db)).toEqual({ days: [], reviewedToday: 0, introducedToday: 0 });
    await restoreBackup(db, JSON.stringify(backup));
    expect(await counts(db)).toEqual({ days: [localDay(NOW), yesterday], reviewedToday: 0, introducedToday: 1 });
  });
});

describe('which questions count as seen', () => {
  const seen = async (db: RapportDatabase) => [...((await loadAnsweredQuestions(db)).get('demo') ?? [])].sort();

  it('follows every answer, an undone first answer, a restore and a reset', async () => {
    const db = freshDatabase();
    await recordAnswer(db, answer('q1', 'A', new Date(NOW.getTime() - DAY)));
    await sessionWith(db, ['q1', 'q2']);
    await recordAnswer(db, answer('q1', 'B'));
    await recordAnswer(db, answer('q2', 'A'));
    expect(await seen(db)).toEqual(['q1', 'q2']);

    expect(await undoLastAnswer(db)).toBe(true);
    expect(await seen(db)).toEqual(['q1']);
    expect(await undoLastAnswer(db)).toBe(true);
    expect(await seen(db)).toEqual(['q1']);

    const backup = await exportBackup(db, NOW);
    await resetProgress(db);
    expect(await seen(db)).toEqual([]);
    await restoreBackup(db, JSON.stringify(backup));
    expect(await seen(db)).toEqual(['q1']);
  });
});

describe('undo', () => {
  it('takes back the last answer: the log entry goes, the card and the place return', async () => {
    const db = freshDatabase();
    const first = await recordAnswer(db, answer('q1', 'A', new Date(NOW.getTime() - 5 * DAY)));
    await sessionWith(db, ['q1', 'q2']);
    await recordAnswer(db, answer('q1', 'B'));
    await recordAnswer(db, answer('q2', 'A'));
    expect(await undoLastAnswer(db)).toBe(true);
    expect(await db.cards.get(['demo', 'q2'])).toBeUndefined();
    expect(await undoLastAnswer(db)).toBe(true);
    expect(await db.cards.get(['demo', 'q1'])).toEqual(first.card);
    expect(await db.reviewLog.count()).toBe(1);
    expect((await loadSession(db))?.answers).toEqual([]);
    expect(await undoLastAnswer(db)).toBe(false);
  });
});

describe('the review log', () => {
  it('replays to the stored card state', async () => {
    const db = freshDatabase();
    let when = NOW;
    for (const chosen of ['A', 'B', 'A', 'A'] as const) {
      const { card } = await recordAnswer(db, answer('q1', chosen, when));
      when = new Date(card.due.getTime() + 2 * 3_600_000);
    }
    const steps = (await historyOf(db, { packId: 'demo', questionId: 'q1' })).map((entry) => ({ grade: entry.rating as 1 | 2 | 3 | 4, review: entry.review, desiredRetention: entry.desiredRetention }));
    const { packId: _p, questionId: _q, contentHash: _h, lastCorrect: _c, ...stored } = (await db.cards.get(['demo', 'q1']))!;
    expect(replay(steps, NOW)).toEqual(stored);
  });
});

describe('schema upgrades', () => {
  it('upgrades a version-1 database, filing old answers under their day, noting each card’s newest answer and splitting imported packs', async () => {
    const { pack } = demoContent();
    const files = [{ path: 'packs/demo/pack.yaml', text: 'id: demo' }];
    const name = `upgrade-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ cards: '[packId+questionId], packId, due', reviewLog: '++id, [packId+questionId], review', session: 'id', settings: 'id', importedPacks: 'id' });
    await v1.table('reviewLog').add({ packId: 'demo', questionId: 'q1', review: new Date(2026, 0, 15, 23, 30), rating: 3, correct: true });
    await v1.table('reviewLog').add({ packId: 'demo', questionId: 'q1', review: new Date(2026, 0, 16, 9, 0), rating: 1, correct: false });
    await v1.table('cards').put({ packId: 'demo', questionId: 'q1', contentHash: 'h', due: new Date(2026, 0, 17), state: 2 });
    await v1.table('settings').put({ id: 'settings', desiredRetention: 0.85, newPerDay: 10, maxReviewsPerDay: 50, theme: 'dark', persistenceRequested: true });
    await v1.table('importedPacks').put({ id: 'demo', pack, principles: [], files, importedAt: NOW });
    v1.close();

    const db = freshDatabase(name);
    const entries = await db.reviewLog.where('day').equals('2026-01-15').toArray();
    expect(entries).toHaveLength(1);
    expect((await db.cards.get(['demo', 'q1']))?.lastCorrect).toBe(false);
    expect(await db.answeredQuestions.toArray()).toEqual([{ packId: 'demo', questionIds: ['q1'] }]);
    expect(await loadSettings(db)).toMatchObject({ desiredRetention: 0.85, newPerDay: 10, theme: 'dark' });
    expect((await getImportedPack(db, 'demo'))?.pack).toEqual(pack);
    expect(await importedPackFiles(db, 'demo')).toEqual(files);
    expect(Object.keys((await db.importedPacks.get('demo'))!).sort()).toEqual(['facts', 'id', 'importedAt', 'meta', 'principles']);
    expect(await db.studyDays.toArray()).toMatchObject([
      { day: '2026-01-15', answers: 1, introduced: 0 },
      { day: '2026-01-16', answers: 1, introduced: 0 },
    ]);
    expect((await readBriefListings(db)).map((listing) => [listing.id, listing.facts.ids])).toEqual([['demo', pack.questions.map((question) => question.id)]]);
    expect(await db.dayAnswers.toArray()).toEqual([
      { day: '2026-01-15', answers: 'demo\tq1\t1' },
      { day: '2026-01-16', answers: 'demo\tq1\t0' },
    ]);
    // Version 9: each old entry gets a uid made from its question and time, as every device would make it.
    expect((await db.reviewLog.toArray()).map((entry) => entry.uid)).toEqual([
      legacyReviewUid({ packId: 'demo', questionId: 'q1', review: new Date(2026, 0, 15, 23, 30) }),
      legacyReviewUid({ packId: 'demo', questionId: 'q1', review: new Date(2026, 0, 16, 9, 0) }),
    ]);
    expect(db.verno).toBe(9);
  });

  it('gives a database upgraded from version 1 the same stores and indexes as a new one', async () => {
    const name = `upgrade-schema-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ cards: '[packId+questionId], packId, due', reviewLog: '++id, [packId+questionId], review', session: 'id', settings: 'id', importedPacks: 'id' });
    await v1.open();
    v1.close();
    const upgraded = freshDatabase(name);
    const created = freshDatabase();
    await Promise.all([upgraded.open(), created.open()]);
    expect(nativeSchema(upgraded)).toEqual(nativeSchema(created));
    expect(upgraded.verno).toBe(created.verno);
  });

  it('leaves an older database as it was when the browser did not report it before opening', async () => {
    const name = `upgrade-unseen-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ cards: '[packId+questionId], packId, due', reviewLog: '++id, [packId+questionId], review', session: 'id', settings: 'id', importedPacks: 'id' });
    await v1.table('settings').put({ id: 'settings', newPerDay: 7 });
    v1.close();
    vi.spyOn(indexedDB, 'databases').mockResolvedValueOnce([]);
    await expect(freshDatabase(name).settings.get('settings')).rejects.toThrow('needs upgrading: reload the page');
    // The reload: the database is reported, upgraded, and nothing was lost.
    expect(await loadSettings(freshDatabase(name))).toMatchObject({ newPerDay: 7 });
  });

  it('upgrades a version-4 database: question facts move into columns and each day’s answers are counted', async () => {
    const { pack } = demoContent();
    const name = `upgrade-v4-${Date.now()}`;
    const old = new Dexie(name);
    old.version(4).stores({ cards: '[packId+questionId], packId, due', reviewLog: '++id, [packId+questionId], review, day', session: 'id', settings: 'id', importedPacks: 'id', importedQuestions: '[packId+questionId], packId', importedPackFiles: 'id', answeredQuestions: 'packId', packPreferences: 'packId', exam: 'id', examAttempts: '++id, submittedAt' });
    // Version 4 listings held four facts per question; the questions themselves were stored apart.
    const v4Facts = pack.questions.map(({ id, principles, area, contentHash }) => ({ id, principles, area, contentHash }));
    await old.table('importedPacks').put({ id: 'demo', meta: { ...pack, questions: undefined }, questions: v4Facts, principles: [], importedAt: NOW });
    await old.table('importedQuestions').bulkPut(pack.questions.map((question) => ({ packId: 'demo', questionId: question.id, question })));
    await old.table('reviewLog').bulkAdd([
      { packId: 'demo', questionId: 'q1', day: '2026-11-01', state: State.New, rating: 3, correct: true },
      { packId: 'demo', questionId: 'q1', day: '2026-11-02', state: State.Review, rating: 3, correct: true },
      { packId: 'demo', questionId: 'q2', day: '2026-11-02', state: State.New, rating: 1, correct: false },
    ]);
    old.close();

    const db = freshDatabase(name);
    const [listing] = await listImportedPacks(db);
    expect(listing?.facts).toEqual(toFactColumns(pack.questions.map(factsOf)));
    expect(listing?.facts.qualifiers).toEqual(pack.questions.map((question) => question.qualifier));
    expect(listing && Object.keys(listing).sort()).toEqual(['facts', 'id', 'importedAt', 'meta', 'principles']);
    expect(await db.studyDays.toArray()).toMatchObject([
      { day: '2026-11-01', answers: 1, introduced: 1 },
      { day: '2026-11-02', answers: 2, introduced: 1 },
    ]);
    expect(await loadDueState(db, NOW)).toMatchObject({ reviewedToday: 1, introducedToday: 1 });
  });
});

describe('backup', () => {
  it('exports everything and restores it into an empty database', async () => {
    const source = freshDatabase();
    await saveSettings(source, { desiredRetention: 0.93, examDate: '2027-03-01' });
    await recordAnswer(source, answer('q1', 'A'));
    await recordAnswer(source, answer('q2', 'B'));
    const text = JSON.stringify(await exportBackup(source, NOW));

    const target = freshDatabase();
    expect(await restoreBackup(target, text)).toEqual({ cards: 2, reviews: 2, skipped: [] });
    expect(await target.cards.toArray()).toEqual(await source.cards.toArray());
    expect(await target.reviewLog.toArray()).toEqual(await source.reviewLog.toArray());
    expect(await loadSettings(target)).toEqual(await loadSettings(source));
  });

  it('refuses a bad file with a reason and changes nothing', async () => {
    const db = freshDatabase();
    await recordAnswer(db, answer('q1', 'A'));
    const good = await exportBackup(db, NOW);
    const cases: [string, RegExp][] = [
      ['not json {', /not valid JSON/],
      ['{"format":"something-else"}', /no "format": "rapport-backup"/],
      [JSON.stringify({ ...good, formatVersion: 9 }), /newer version of Rapport/],
      [JSON.stringify({ ...good, cards: 'lots' }), /damaged and was not restored: cards/],
    ];
    for (const [text, message] of cases) {
      await expect(restoreBackup(db, text)).rejects.toThrow(BackupError);
      await expect(restoreBackup(db, text)).rejects.toThrow(message);
    }
    expect(await db.cards.count()).toBe(1);
    expect(await db.reviewLog.count()).toBe(1);
  });

  it('leaves out a damaged record, naming it, and restores the rest', async () => {
    const db = freshDatabase();
    await recordAnswer(db, answer('q1', 'A'));
    const good = await exportBackup(db, NOW);
    const damaged = JSON.stringify({ ...good, cards: [{ ...good.cards[0], due: 'soon' }], reviewLog: [good.reviewLog[0], { ...good.reviewLog[0], __proto__: { polluted: true }, extra: 1 }] });
    const restored = await restoreBackup(db, damaged);
    expect(restored.skipped).toEqual(['question 1: due: is not a date', 'answer 2: Unrecognized key: "extra"']);
    expect(await db.cards.count()).toBe(0);
    expect(await db.reviewLog.count()).toBe(1);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('leaves progress as it was when the restore fails while writing', async () => {
    const db = freshDatabase();
    await recordAnswer(db, answer('q1', 'A'));
    const text = JSON.stringify(await exportBackup(db, NOW));
    await recordAnswer(db, answer('q2', 'A'));
    vi.spyOn(db.reviewLog, 'bulkPut').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(restoreBackup(db, text)).rejects.toThrow('quota exceeded');
    expect(await db.cards.count()).toBe(2);
    expect(await db.reviewLog.count()).toBe(2);
  });
});

/** Every object store of an open database with its key path and indexes, as IndexedDB itself holds them. */
function nativeSchema(db: RapportDatabase) {
  const native = db.backendDB();
  const transaction = native.transaction([...native.objectStoreNames]);
  return [...native.objectStoreNames].map((name) => {
    const store = transaction.objectStore(name);
    const indexes = [...store.indexNames].map((index) => [index, store.index(index).keyPath, store.index(index).multiEntry, store.index(index).unique]);
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
}
