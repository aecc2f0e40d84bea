import Dexie, { type PromiseExtended, type Table } from 'dexie';
import { announceVersionChange } from './versionChange';
import { DATABASE_NAME } from './exists';
import { localDay } from '../domain/dates';
import type { ExamAttempt, StoredExam } from '../domain/examSession';
import { newestAnswers, withNewestAnswers, type Settings, type StoredCard, type StoredReview, type StoredSession } from '../domain/progress';
import { tallyDayAnswers, tallyStudyDays, type DayAnswers, type StudyDay } from '../domain/statistics';
import type { Pack, PackMeta, Principle, Question, QuestionFacts, SourceFile } from '../domain/content';
import { factsOf, toFactColumns, type FactColumns } from '../domain/content/facts';
import { questionIdsByPack } from '../domain/queue';
import { legacyAttemptUid, legacyReviewUid } from '../domain/uids';

export interface StoredSettings extends Settings {
  id: 'settings';
}

/**
 * An imported pack as the pack list, home and the scheduler read it: no question text, so a
 * candidate with many large packs opens the app without reading them all.
 */
export interface StoredPack {
  id: string;
  meta: PackMeta;
  /** Its questions' facts in authored order, in columns. */
  facts: FactColumns;
  principles: Principle[];
  importedAt: Date;
}

/** What home and a study session read of an imported pack: its title, principles' names and questions' ids and principles. */
export interface BriefListing {
  id: string;
  meta: PackMeta;
  principles: Pick<Principle, 'id' | 'title' | 'summary'>[];
  facts: Pick<FactColumns, 'ids' | 'principles'>;
}

/**
 * Every imported pack's brief listing in one row, each column joined into one string. Reading it
 * takes 8–13 ms here, against 24–37 ms for the 20 listings of 1,000 questions it is made from:
 * fewer rows and values to clone. Every write of a listing rewrites it in the same transaction.
 */
export interface StoredBriefListings {
  id: 'imported';
  packs: { id: string; meta: PackMeta; principles: BriefListing['principles']; ids: string; principleColumn: string }[];
}

export function briefListingsRow(listings: readonly StoredPack[]): StoredBriefListings {
  return {
    id: 'imported',
    packs: listings.map(({ id, meta, principles, facts }) => ({
      id,
      meta,
      principles: principles.map(({ id, title, summary }) => ({ id, title, summary })),
      // Ids and principle ids hold no line breaks: the content checks allow letters, digits and dashes.
      ids: facts.ids.join('\n'),
      principleColumn: facts.principles.join('\n'),
    })),
  };
}

export function fromBriefListingsRow(row: StoredBriefListings): BriefListing[] {
  const column = (joined: string) => (joined === '' ? [] : joined.split('\n'));
  return row.packs.map(({ id, meta, principles, ids, principleColumn }) => ({ id, meta, principles, facts: { ids: column(ids), principles: column(principleColumn) } }));
}

/** One question of an imported pack, read when it is studied, browsed or exported. */
export interface StoredQuestion {
  packId: string;
  questionId: string;
  question: Question;
}

/** An imported pack's source files, read only to share the pack again. */
export interface StoredPackFiles {
  id: string;
  files: SourceFile[];
}

/**
 * The questions of one pack answered at least once: the card keys, kept in one row per pack
 * because reading 20,000 card keys to tell new questions from seen ones takes 70 ms or more.
 * Every write that adds or removes a card updates it in the same transaction.
 */
export interface AnsweredQuestions {
  packId: string;
  questionIds: string[];
}

export function answeredRows(cards: readonly { packId: string; questionId: string }[]): AnsweredQuestions[] {
  return [...questionIdsByPack(cards)].map(([packId, questionIds]) => ({ packId, questionIds }));
}

/** Imported packs as versions 1 to 3 stored them: whole, in one row. */
interface StoredPackV3 {
  id: string;
  pack: Pack;
  principles: Principle[];
  files: SourceFile[];
  importedAt: Date;
}

export function listingOf(pack: Pack, principles: Principle[], importedAt: Date): StoredPack {
  const { questions, ...meta } = pack;
  return { id: pack.id, meta, facts: toFactColumns(questions.map(factsOf)), principles, importedAt };
}

/** Reads the whole log in pages by id, so 200,000 entries are never held in memory at once. */
async function forEachLogPage(log: Table<StoredReview, number>, visit: (page: StoredReview[]) => void): Promise<void> {
  for (let after = 0; ; ) {
    const page = await log.where(':id').above(after).limit(20_000).toArray();
    if (page.length === 0) return;
    visit(page);
    after = page.at(-1)?.id ?? Number.POSITIVE_INFINITY;
  }
}

/** Pack ids the candidate turned off for study. Kept apart from settings so a backup restore keeps them. */
export interface PackPreference {
  packId: string;
  enabled: boolean;
  /** When the choice was made (ms since 1970); missing for choices made before merging existed. */
  changedAt?: number;
}

/**
 * A log entry taken back (undo), or erased (reset, a pack's history): its uid stays, so that merging
 * with another device or syncing never brings the entry back. Numbered in order, for sync to send
 * the new ones.
 */
export interface DeletedEntry {
  seq?: number;
  uid: string;
}

/** A fact about this copy of the data, never backed up or synced. */
export interface LocalMark {
  /** `generation`: changes whenever progress is replaced whole (a restore), so sync compares everything again. */
  id: 'generation';
  value: string;
}

/** Every store and index, as the newest version has them. */
const SCHEMA = {
  cards: '[packId+questionId], packId, due, [packId+due]',
  reviewLog: '++id, [packId+questionId], review, day, uid',
  session: 'id',
  settings: 'id',
  importedPacks: 'id',
  importedQuestions: '[packId+questionId], packId',
  importedPackFiles: 'id',
  answeredQuestions: 'packId',
  packPreferences: 'packId',
  exam: 'id',
  examAttempts: '++id, submittedAt, uid',
  studyDays: 'day',
  briefListings: 'id',
  dayAnswers: 'day',
  deletedEntries: '++seq, uid',
  localMarks: 'id',
};
const SCHEMA_VERSION = 9;

/** Opening was about to upgrade an older database without the steps that carry its data across. */
class UpgradeStepsMissing extends Error {
  constructor() {
    super('Rapport’s stored data needs upgrading: reload the page, and it will be upgraded with your answers kept.');
    this.name = 'UpgradeStepsMissing';
  }
}

/**
 * The one database. It declares its newest version alone: declaring every version costs a cold
 * start 15–20 ms, as Dexie works out the schema again for each. A database found older when it opens
 * is first upgraded step by step by a connection that declares them all; data changes go in `.upgrade()`.
 */
export class RapportDatabase extends Dexie {
  cards!: Table<StoredCard, [string, string]>;
  reviewLog!: Table<StoredReview, number>;
  session!: Table<StoredSession, string>;
  settings!: Table<StoredSettings, string>;
  importedPacks!: Table<StoredPack, string>;
  importedQuestions!: Table<StoredQuestion, [string, string]>;
  importedPackFiles!: Table<StoredPackFiles, string>;
  answeredQuestions!: Table<AnsweredQuestions, string>;
  briefListings!: Table<StoredBriefListings, string>;
  studyDays!: Table<StudyDay, string>;
  dayAnswers!: Table<DayAnswers, string>;
  packPreferences!: Table<PackPreference, string>;
  exam!: Table<StoredExam, string>;
  examAttempts!: Table<ExamAttempt, number>;
  deletedEntries!: Table<DeletedEntry, number>;
  localMarks!: Table<LocalMark, string>;
  private upgraded: Promise<void> | undefined;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(SCHEMA_VERSION)
      .stores(SCHEMA)
      .upgrade(() => {
        // Older databases are upgraded in open() first: one that was not seen coming is left as it was.
        throw new UpgradeStepsMissing();
      });
  }

  override open(): PromiseExtended<Dexie> {
    this.upgraded ??= upgradeIfOlder(this.name).catch((error: unknown) => {
      // The database stays as it was; opening it below fails and says so.
      console.error(error);
    });
    return Dexie.Promise.resolve(this.upgraded).then(() => super.open());
  }
}

/** Brings an older database up to the newest version through every step, with a connection of its own. */
async function upgradeIfOlder(name: string): Promise<void> {
  if (!(await installedIsOlder(name))) return;
  const upgrader = new Dexie(name);
  declareVersions(upgrader);
  await upgrader.open();
  upgrader.close();
}

/** Whether a database of this name exists at an older version than the newest; yes when the browser cannot tell. */
async function installedIsOlder(name: string): Promise<boolean> {
  try {
    const installed = (await indexedDB.databases()).find((info) => info.name === name);
    // Dexie numbers a version n as n × 10 in IndexedDB.
    return installed?.version !== undefined && installed.version < SCHEMA_VERSION * 10;
  } catch {
    return true;
  }
}

/** Every version since the first, for an older database to upgrade through. */
function declareVersions(db: Dexie): void {
  db.version(1).stores({
    cards: '[packId+questionId], packId, due',
    reviewLog: '++id, [packId+questionId], review',
    session: 'id',
    settings: 'id',
    importedPacks: 'id',
  });
  // Version 2 files each answer under its local day (daily limits, streaks, heatmap), and adds pack preferences.
  db.version(2)
    .stores({
      reviewLog: '++id, [packId+questionId], review, day',
      packPreferences: 'packId',
    })
    .upgrade((transaction) =>
      transaction
        .table<StoredReview>('reviewLog')
        .toCollection()
        .modify((entry) => {
          entry.day = localDay(new Date(entry.review));
        }),
    );
  // Version 3 adds the exam in progress and the history of finished exams.
  db.version(3).stores({
    exam: 'id',
    examAttempts: '++id, submittedAt',
  });
  // Version 4 splits each imported pack into a light listing, its questions and its source files,
  // notes on each card whether its newest answer was right, and lists each pack's answered questions.
  db.version(4)
    .stores({
      importedQuestions: '[packId+questionId], packId',
      importedPackFiles: 'id',
      answeredQuestions: 'packId',
    })
    .upgrade(async (transaction) => {
      const newest = new Map<string, boolean>();
      await forEachLogPage(transaction.table('reviewLog'), (page) => {
        for (const [key, correct] of newestAnswers(page)) newest.set(key, correct);
      });
      const cards = transaction.table<StoredCard>('cards');
      const all = await cards.toArray();
      await cards.bulkPut(withNewestAnswers(all, newest));
      await transaction.table<AnsweredQuestions>('answeredQuestions').bulkPut(answeredRows(all));

      const whole = (await transaction.table('importedPacks').toArray()) as StoredPackV3[];
      for (const { pack, principles, files, importedAt } of whole) {
        await transaction.table<StoredQuestion>('importedQuestions').bulkPut(pack.questions.map((question) => ({ packId: pack.id, questionId: question.id, question })));
        await transaction.table<StoredPackFiles>('importedPackFiles').put({ id: pack.id, files });
        await transaction.table<StoredPack>('importedPacks').put(listingOf(pack, principles, importedAt));
      }
    });
  // Version 5 keeps listings' question facts in columns and counts each day's answers, for the streak, today's limits and the charts by day.
  db.version(5)
    .stores({ studyDays: 'day' })
    .upgrade(async (transaction) => {
      // Version 4 listings lacked qualifier, difficulty and key: the facts are taken anew from the stored questions.
      const listings = transaction.table<StoredPack & { questions?: QuestionFacts[] }, string>('importedPacks');
      for (const { questions: oldFacts, ...listing } of await listings.toArray()) {
        if (!oldFacts) continue;
        const stored = await transaction.table<StoredQuestion>('importedQuestions').where('packId').equals(listing.id).toArray();
        const byId = new Map(stored.map((row) => [row.questionId, row.question]));
        const questions = oldFacts.flatMap((facts) => byId.get(facts.id) ?? []);
        await listings.put({ ...listing, facts: toFactColumns(questions.map(factsOf)) });
      }
      const days = new Map<string, StudyDay>();
      await forEachLogPage(transaction.table('reviewLog'), (page) => tallyStudyDays(page, days));
      await transaction.table<StudyDay>('studyDays').bulkPut([...days.values()]);
    });
  // Version 6 indexes cards by pack and due date, so home counts each pack's due cards without reading their keys.
  db.version(6).stores({ cards: '[packId+questionId], packId, due, [packId+due]' });
  // Version 7 keeps every imported pack's brief listing in one row, for home and the start of a study session.
  db.version(7)
    .stores({ briefListings: 'id' })
    .upgrade(async (transaction) => {
      await transaction.table<StoredBriefListings>('briefListings').put(briefListingsRow(await transaction.table<StoredPack>('importedPacks').toArray()));
    });
  // Version 8 keeps each day's answers as lines of ids and right or wrong, for the statistics' breakdown by principle.
  db.version(8)
    .stores({ dayAnswers: 'day' })
    .upgrade(async (transaction) => {
      const days = new Map<string, DayAnswers>();
      await forEachLogPage(transaction.table('reviewLog'), (page) => tallyDayAnswers(page, days));
      await transaction.table<DayAnswers>('dayAnswers').bulkPut([...days.values()]);
    });
  // Version 9 gives every log entry and finished exam a uid unique across devices, and keeps the uids of entries taken back or erased, for merging and sync.
  db.version(9)
    .stores({ reviewLog: '++id, [packId+questionId], review, day, uid', examAttempts: '++id, submittedAt, uid', deletedEntries: '++seq, uid', localMarks: 'id' })
    .upgrade(async (transaction) => {
      await transaction
        .table<StoredReview>('reviewLog')
        .toCollection()
        .modify((entry) => {
          // Defensive about the time: an upgrade that throws would leave the candidate without the app.
          entry.uid ??= legacyReviewUid({ ...entry, review: validDate(entry.review) });
        });
      await transaction
        .table<ExamAttempt>('examAttempts')
        .toCollection()
        .modify((attempt) => {
          attempt.uid ??= legacyAttemptUid({ ...attempt, submittedAt: validDate(attempt.submittedAt), startedAt: validDate(attempt.startedAt) });
        });
    });
}

function validDate(value: unknown): Date {
  const date = value instanceof Date ? value : new Date(typeof value === 'string' || typeof value === 'number' ? value : 0);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

let shared: RapportDatabase | undefined;

/** The app's database, opened on first use. */
export function database(): RapportDatabase {
  if (!shared) {
    const db = new RapportDatabase();
    // Another tab opened a newer version: let it upgrade, and ask this tab to reload.
    db.on('versionchange', () => {
      db.close();
      announceVersionChange();
      return false;
    });
    shared = db;
  }
  return shared;
}

