import Dexie, { type PromiseExtended, type Table } from 'dexie';
import { announceVersionChange } from './versionChange';
import { DATABASE_NAME } from './exists';
import type { ExamAttempt, StoredExam } from '../domain/examSession';
import type { Settings, StoredCard, StoredReview, StoredSession } from '../domain/progress';
import type { AnsweredQuestions, DayAnswers, StoredBriefListings, StudyDay } from './derived';
import type { StoredPack, StoredPackFiles, StoredQuestion } from './packs';
import { SCHEMA, SCHEMA_VERSION, UpgradeStepsMissing, upgradeIfOlder } from './schema';
import { scheduleOpeningCheck } from './repair';

export interface StoredSettings extends Settings {
  id: 'settings';
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

/**
 * The one database. It declares its newest version alone: Dexie works the schema out again for
 * every version declared, at each start. A database found older when it opens is first upgraded
 * step by step by a connection that declares them all (schema.ts).
 */
export class RapportDatabase extends Dexie {
  // The truth: answers, the cards scheduled from them, and imported packs.
  cards!: Table<StoredCard, [string, string]>;
  reviewLog!: Table<StoredReview, number>;
  importedPacks!: Table<StoredPack, string>;
  importedQuestions!: Table<StoredQuestion, [string, string]>;
  importedPackFiles!: Table<StoredPackFiles, string>;
  // Derived from the truth, written by derived.ts alone.
  answeredQuestions!: Table<AnsweredQuestions, string>;
  briefListings!: Table<StoredBriefListings, string>;
  studyDays!: Table<StudyDay, string>;
  dayAnswers!: Table<DayAnswers, string>;
  // The candidate's choices and work in progress.
  session!: Table<StoredSession, string>;
  settings!: Table<StoredSettings, string>;
  packPreferences!: Table<PackPreference, string>;
  exam!: Table<StoredExam, string>;
  examAttempts!: Table<ExamAttempt, number>;
  // For merging and sync: uids of answers taken back or erased, and marks about this copy.
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
    db.on('ready', () => scheduleOpeningCheck(db));
    shared = db;
  }
  return shared;
}
