/**
 * The database's schema, version by version, and the upgrade that carries an older database across.
 *
 * Each version lists the stores it adds or re-indexes and, where the truth (log, cards, packs)
 * changed shape, the step that moves it. Derived rows take no step of their own: the newest
 * version's upgrade rebuilds all of them from the truth (see derived.ts), so a new derived table
 * or a changed encoding needs only its place in the schema.
 */
import Dexie, { type Transaction } from 'dexie';
import { localDay } from '../domain/dates';
import type { Pack, Principle, QuestionFacts, SourceFile } from '../domain/content';
import { factsOf, toFactColumns } from '../domain/content/facts';
import type { ExamAttempt } from '../domain/examSession';
import type { StoredReview } from '../domain/progress';
import { legacyAttemptUid, legacyReviewUid } from '../domain/uids';
import { rebuildDerived, storesOf } from './derived';
import { listingOf, type StoredPack, type StoredPackFiles, type StoredQuestion } from './packs';

/** Imported packs as versions 1 to 3 stored them: whole, in one row. */
interface StoredPackV3 {
  id: string;
  pack: Pack;
  principles: Principle[];
  files: SourceFile[];
  importedAt: Date;
}

interface Version {
  version: number;
  stores: Record<string, string>;
  /** Moves the truth into the version's shape. */
  upgrade?: (transaction: Transaction) => Promise<unknown>;
}

const VERSIONS: Version[] = [
  {
    version: 1,
    stores: { cards: '[packId+questionId], packId, due', reviewLog: '++id, [packId+questionId], review', session: 'id', settings: 'id', importedPacks: 'id' },
  },
  {
    // Each answer filed under its local day (daily limits, streaks, heatmap); pack preferences.
    version: 2,
    stores: { reviewLog: '++id, [packId+questionId], review, day', packPreferences: 'packId' },
    upgrade: (transaction) =>
      transaction
        .table<StoredReview>('reviewLog')
        .toCollection()
        .modify((entry) => {
          entry.day = localDay(new Date(entry.review));
        }),
  },
  // The exam in progress and the history of finished exams.
  { version: 3, stores: { exam: 'id', examAttempts: '++id, submittedAt' } },
  {
    // Each imported pack split into a light listing, its questions and its source files; each pack's answered questions.
    version: 4,
    stores: { importedQuestions: '[packId+questionId], packId', importedPackFiles: 'id', answeredQuestions: 'packId' },
    upgrade: async (transaction) => {
      const whole = (await transaction.table('importedPacks').toArray()) as StoredPackV3[];
      for (const { pack, principles, files, importedAt } of whole) {
        await transaction.table<StoredQuestion>('importedQuestions').bulkPut(pack.questions.map((question) => ({ packId: pack.id, questionId: question.id, question })));
        await transaction.table<StoredPackFiles>('importedPackFiles').put({ id: pack.id, files });
        await transaction.table<StoredPack>('importedPacks').put(listingOf(pack, principles, importedAt));
      }
    },
  },
  {
    // Listings' question facts in columns; each day's answers counted.
    version: 5,
    stores: { studyDays: 'day' },
    upgrade: async (transaction) => {
      // Version 4 listings lacked qualifier, difficulty and key: the facts are taken anew from the stored questions.
      const listings = transaction.table<StoredPack & { questions?: QuestionFacts[] }, string>('importedPacks');
      for (const { questions: oldFacts, ...listing } of await listings.toArray()) {
        if (!oldFacts) continue;
        const stored = await transaction.table<StoredQuestion>('importedQuestions').where('packId').equals(listing.id).toArray();
        const byId = new Map(stored.map((row) => [row.questionId, row.question]));
        const questions = oldFacts.flatMap((facts) => byId.get(facts.id) ?? []);
        await listings.put({ ...listing, facts: toFactColumns(questions.map(factsOf)) });
      }
    },
  },
  // Cards indexed by pack and due date, so home counts each pack's due cards without reading their keys.
  { version: 6, stores: { cards: '[packId+questionId], packId, due, [packId+due]' } },
  // Every imported pack's brief listing in one row.
  { version: 7, stores: { briefListings: 'id' } },
  // Each day's answers as lines of text.
  { version: 8, stores: { dayAnswers: 'day' } },
  {
    // A uid unique across devices on every answer and finished exam, and the uids of answers taken back or erased: for merging and sync.
    version: 9,
    stores: { reviewLog: '++id, [packId+questionId], review, day, uid', examAttempts: '++id, submittedAt, uid', deletedEntries: '++seq, uid', localMarks: 'id' },
    upgrade: async (transaction) => {
      // Made from each record itself, so the same old answer gets the same uid on every device.
      await transaction
        .table<StoredReview>('reviewLog')
        .toCollection()
        .modify((entry) => {
          entry.uid ??= legacyReviewUid({ ...entry, review: validDate(entry.review) });
        });
      await transaction
        .table<ExamAttempt>('examAttempts')
        .toCollection()
        .modify((attempt) => {
          attempt.uid ??= legacyAttemptUid({ ...attempt, submittedAt: validDate(attempt.submittedAt), startedAt: validDate(attempt.startedAt) });
        });
    },
  },
];

/** A date from an old record, or the epoch: an upgrade that throws would leave the candidate without the app. */
function validDate(value: unknown): Date {
  const date = value instanceof Date ? value : new Date(typeof value === 'string' || typeof value === 'number' ? value : 0);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/** Every store and index, as the newest version has them. */
export const SCHEMA: Record<string, string> = Object.assign({}, ...VERSIONS.map((version) => version.stores));
export const SCHEMA_VERSION = VERSIONS.at(-1)?.version ?? 1;

/** Every version since the first, for an older database to upgrade through; versions up to `upTo` only, for tests. */
export function declareVersions(db: Dexie, upTo = SCHEMA_VERSION): void {
  for (const { version, stores, upgrade } of VERSIONS.filter((step) => step.version <= upTo)) {
    db.version(version)
      .stores(stores)
      .upgrade(async (transaction) => {
        await upgrade?.(transaction);
        if (version === SCHEMA_VERSION) await rebuildDerived(storesOf(transaction));
      });
  }
}

/** Opening was about to upgrade an older database without the steps that carry its data across. */
export class UpgradeStepsMissing extends Error {
  constructor() {
    super('Rapport’s stored data needs upgrading: reload the page, and it will be upgraded with your answers kept.');
    this.name = 'UpgradeStepsMissing';
  }
}

/** Brings an older database up to the newest version through every step, with a connection of its own. */
export async function upgradeIfOlder(name: string): Promise<void> {
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
