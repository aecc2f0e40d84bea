// The derived rows' invariant, tested over random histories: whatever sequence of writes the app
// makes (merges of another device's progress included), every derived row equals a rebuild from
// the truth, and every card a replay of its log in time order.
// On failure fast-check prints the seed and the shrunk sequence; FC_SEED=<seed> replays it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../src/db/backup';
import { RapportDatabase } from '../../../src/db/database';
import { expectedRows, type ProgressStores } from '../../../src/db/derived';
import { mergeBackup } from '../../../src/db/merge';
import { removeImportedPack, saveImportedPack, type StoredPack } from '../../../src/db/packs';
import { loadSession, newSession, recordAnswer, resetProgress, saveSession, undoLastAnswer } from '../../../src/db/progress';
import { declareVersions } from '../../../src/db/schema';
import type { Pack } from '../../../src/domain/content';
import { gradeAnswer, type Confidence } from '../../../src/domain/grading';
import { byAnswerTime } from '../../../src/domain/merge';
import type { StoredCard, StoredReview } from '../../../src/domain/progress';
import { replay, type Grade } from '../../../src/domain/scheduling';
import { demoContent } from '../../fixtures/packs';

const START = new Date(2026, 2, 27, 8, 0, 0).getTime(); // the weekend clocks change in much of Europe
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const QUESTION_IDS = ['q1', 'q2', 'q3', 'q4', 'q5'];
/** Two packs that come and go by import and removal, and one never imported (a built-in pack's id). */
const IMPORTED = ['alpha', 'beta'] as const;
const PACK_IDS = [...IMPORTED, 'built-in'] as const;

type Operation =
  | { kind: 'answer'; packId: string; questionId: string; right: boolean; confidence: Confidence; retention: number; examInDays: number | undefined; minutes: number }
  | { kind: 'undo' }
  | { kind: 'wait'; hours: number }
  | { kind: 'import'; packId: string; questionIds: string[]; edition: number }
  | { kind: 'remove'; packId: string; erase: boolean }
  | { kind: 'reset' }
  | { kind: 'backup' }
  | { kind: 'restore'; which: number }
  | { kind: 'upgrade'; from: number }
  | { kind: 'elsewhere'; packId: string; questionId: string; right: boolean; minutes: number }
  | { kind: 'merge'; both: boolean };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      packId: fc.constantFrom(...PACK_IDS),
      questionId: fc.constantFrom(...QUESTION_IDS),
      right: fc.boolean(),
      confidence: fc.constantFrom<Confidence>('normal', 'guess', 'easy'),
      retention: fc.constantFrom(0.8, 0.9, 0.97),
      examInDays: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined, freq: 4 }),
      minutes: fc.integer({ min: 1, max: 90 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('import' as const), packId: fc.constantFrom(...IMPORTED), questionIds: fc.subarray(QUESTION_IDS), edition: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), packId: fc.constantFrom(...IMPORTED), erase: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('upgrade' as const), from: fc.integer({ min: 1, max: 8 }) }) },
  // Another device answers, and its progress is merged in (and, with `both`, this device's into it, so deletions travel both ways).
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('elsewhere' as const),
      packId: fc.constantFrom(...PACK_IDS),
      questionId: fc.constantFrom(...QUESTION_IDS),
      right: fc.boolean(),
      minutes: fc.integer({ min: 1, max: 90 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), both: fc.boolean() }) },
);

const template = demoContent().pack;

/** A version of an imported pack holding these questions; each edition words them differently. */
function packOf(packId: string, questionIds: readonly string[], edition: number): Pack {
  const question = template.questions[0]!;
  return {
    ...template,
    id: packId,
    version: `1.${edition}.0`,
    questions: questionIds.map((id) => ({ ...question, id, contentHash: `${packId}-${id}-${edition}` })),
  };
}

let databases = 0;
const openDatabase = (name = `property-${databases++}`) => new RapportDatabase(name);

/** Runs the operations in order on a new database and returns it, open. */
async function run(operations: readonly Operation[]): Promise<RapportDatabase> {
  let db = openDatabase();
  const other = openDatabase();
  let now = START;
  const backups: string[] = [];
  for (const step of operations) {
    switch (step.kind) {
      case 'answer': {
        now += step.minutes * MINUTE;
        // The question comes next in the session, as the study screen asks it, so undo can take it back.
        const session = (await loadSession(db)) ?? newSession({ mode: 'study', items: [], startedAt: new Date(now) });
        await saveSession(db, { ...session, items: [...session.items.slice(0, session.answers.length), { packId: step.packId, questionId: step.questionId, kind: 'review' }] });
        const examDate = step.examInDays === undefined ? undefined : new Date(now + step.examInDays * 24 * HOUR).toISOString().slice(0, 10);
        await recordAnswer(db, {
          packId: step.packId,
          questionId: step.questionId,
          contentHash: `${step.packId}-${step.questionId}-${Math.floor(now / (24 * HOUR)) % 3}`,
          result: gradeAnswer({ answer: 'A' }, step.right ? 'A' : 'B', step.confidence),
          confidence: step.confidence,
          now: new Date(now),
          settings: { desiredRetention: step.retention, examDate },
        });
        break;
      }
      case 'undo':
        await undoLastAnswer(db);
        break;
      case 'wait':
        now += step.hours * HOUR;
        break;
      case 'import':
        await saveImportedPack(db, { pack: packOf(step.packId, step.questionIds, step.edition), principles: [], files: [{ path: 'pack.yaml', text: `id: ${step.packId}` }] }, new Date(now));
        break;
      case 'remove':
        await removeImportedPack(db, step.packId, step.erase);
        break;
      case 'reset':
        await resetProgress(db);
        break;
      case 'backup':
        backups.push(JSON.stringify(await exportBackup(db, new Date(now))));
        break;
      case 'restore': {
        const text = backups[step.which % Math.max(1, backups.length)] ?? JSON.stringify(await exportBackup(db, new Date(now)));
        await restoreBackup(db, text);
        break;
      }
      case 'upgrade':
        db = await reopenedFrom(db, step.from);
        break;
      case 'elsewhere':
        now += step.minutes * MINUTE;
        await recordAnswer(other, {
          packId: step.packId,
          questionId: step.questionId,
          contentHash: `${step.packId}-${step.questionId}-other`,
          result: gradeAnswer({ answer: 'A' }, step.right ? 'A' : 'B'),
          confidence: 'normal',
          now: new Date(now),
          settings: { desiredRetention: 0.9 },
        });
        break;
      case 'merge':
        await mergeBackup(db, JSON.stringify(await exportBackup(other, new Date(now))), new Date(now));
        if (step.both) await mergeBackup(other, JSON.stringify(await exportBackup(db, new Date(now))), new Date(now));
        break;
    }
  }
  other.close();
  await Dexie.delete(other.name);
  return db;
}

/**
 * The same truth written into a database of an older schema version, as that version laid it out,
 * with no derived rows; then opened by the app, which upgrades it. Checks the truth came through.
 */
async function reopenedFrom(db: RapportDatabase, version: number): Promise<RapportDatabase> {
  const truth = await readTruth(db);
  const [session, settings, questions, files] = await Promise.all([db.session.toArray(), db.settings.toArray(), db.importedQuestions.toArray(), db.importedPackFiles.toArray()]);
  db.close();
  await Dexie.delete(db.name);

  const name = `property-${databases++}`;
  const old = new Dexie(name);
  declareVersions(old, version);
  await old.open();
  const questionsOf = (packId: string) => questions.filter((row) => row.packId === packId).map((row) => row.question);
  await old.table('cards').bulkPut(truth.cards.map(({ lastCorrect: _dropped, ...card }) => card));
  // Before version 9 entries had no uid: the upgrade makes one from each entry; the test keeps the ones they had.
  const uids = new Map(truth.log.map((entry) => [entry.id, entry.uid]));
  // Version 1 filed no day: the upgrade works it out from the time of the answer.
  await old.table('reviewLog').bulkPut(truth.log.map(({ day, uid: _uid, ...entry }) => (version < 2 ? entry : { ...entry, day })));
  await old.table('session').bulkPut(session);
  await old.table('settings').bulkPut(settings);
  for (const listing of truth.listings) {
    if (version < 4) {
      const filesOf = files.find((row) => row.id === listing.id)?.files ?? [];
      await old.table('importedPacks').put({ id: listing.id, pack: { ...listing.meta, questions: questionsOf(listing.id) }, principles: listing.principles, files: filesOf, importedAt: listing.importedAt });
    } else if (version === 4) {
      const oldFacts = questionsOf(listing.id).map(({ id, principles, area, contentHash }) => ({ id, principles, area, contentHash }));
      await old.table('importedPacks').put({ id: listing.id, meta: listing.meta, questions: oldFacts, principles: listing.principles, importedAt: listing.importedAt });
    } else {
      await old.table('importedPacks').put(listing);
    }
  }
  if (version >= 4) {
    await old.table('importedQuestions').bulkPut(questions);
    await old.table('importedPackFiles').bulkPut(files);
  }
  old.close();

  const upgraded = openDatabase(name);
  const after = await readTruth(upgraded);
  expect(after.log.map((entry) => ({ ...entry, uid: uids.get(entry.id) ?? entry.uid }))).toEqual(truth.log);
  expect(after.log.every((entry) => entry.uid.startsWith('l-'))).toBe(true);
  expect(after.cards.map(withoutLastCorrect)).toEqual(truth.cards.map(withoutLastCorrect));
  expect(after.listings).toEqual(truth.listings);
  return upgraded;
}

const withoutLastCorrect = ({ lastCorrect: _dropped, ...card }: StoredCard) => card;

async function readTruth(db: RapportDatabase): Promise<{ cards: StoredCard[]; log: StoredReview[]; listings: StoredPack[] }> {
  const [cards, log, listings] = await Promise.all([db.cards.toArray(), db.reviewLog.toArray(), db.importedPacks.toArray()]);
  return { cards, log, listings };
}

/** Every derived row as stored; answered rows are sets, so their ids are sorted. */
async function storedRows(stores: ProgressStores) {
  const [answered, studyDays, dayAnswers, briefListings, cards] = await Promise.all([
    stores.answeredQuestions.toArray(),
    stores.studyDays.toArray(),
    stores.dayAnswers.toArray(),
    stores.briefListings.get('imported'),
    stores.cards.toArray(),
  ]);
  return {
    answered: answered.map((row) => ({ ...row, questionIds: [...row.questionIds].sort() })),
    studyDays,
    dayAnswers,
    briefListings: briefListings ?? { id: 'imported', packs: [] },
    lastCorrect: new Map(cards.flatMap((card) => (card.lastCorrect === undefined ? [] : [[`${card.packId}/${card.questionId}`, card.lastCorrect] as const]))),
  };
}

/** Each card equals a replay of its log entries, with the newest entry's content hash and rightness; no log without a card. */
async function expectCardsReplayTheLog(db: RapportDatabase): Promise<void> {
  const { cards, log } = await readTruth(db);
  const history = new Map<string, StoredReview[]>();
  for (const entry of log) {
    const key = `${entry.packId}/${entry.questionId}`;
    history.set(key, [...(history.get(key) ?? []), entry]);
  }
  expect(new Set(cards.map((card) => `${card.packId}/${card.questionId}`))).toEqual(new Set(history.keys()));
  for (const card of cards) {
    // In the order the answers were given: one merged from another device may have a higher id than a later one here.
    const entries = [...(history.get(`${card.packId}/${card.questionId}`) ?? [])].sort(byAnswerTime);
    const newest = entries.at(-1)!;
    const steps = entries.map((entry) => ({ grade: entry.rating as Grade, review: entry.review, desiredRetention: entry.desiredRetention, examDate: entry.examDate }));
    const { packId: _p, questionId: _q, contentHash, lastCorrect, ...schedule } = card;
    expect(schedule).toEqual(replay(steps, entries[0]!.previousDue));
    expect({ contentHash, lastCorrect }).toEqual({ contentHash: newest.contentHash, lastCorrect: newest.correct });
  }
}

describe('derived rows', () => {
  it('equal a rebuild from the log, the cards and the packs after any sequence of writes, and every card a replay of its log', async () => {
    const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const db = await run(operations);
        try {
          const { lastCorrect, ...expected } = await expectedRows(db);
          const { lastCorrect: storedLastCorrect, ...stored } = await storedRows(db);
          expect(stored).toEqual(expected);
          expect(storedLastCorrect).toEqual(lastCorrect);
          // The rebuild itself, against the plainest reading of the truth.
          const { cards, log } = await readTruth(db);
          expect(stored.studyDays.reduce((sum, day) => sum + day.answers, 0)).toBe(log.length);
          expect(stored.dayAnswers.flatMap((day) => day.answers.split('\n')).length).toBe(log.length);
          expect(stored.answered.flatMap((row) => row.questionIds.map((questionId) => `${row.packId}/${questionId}`)).sort()).toEqual(cards.map((card) => `${card.packId}/${card.questionId}`).sort());
          await expectCardsReplayTheLog(db);
        } finally {
          db.close();
          await Dexie.delete(db.name);
        }
      }),
      { numRuns: 200, seed },
    );
  }, 120_000);
});
