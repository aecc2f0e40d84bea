import Dexie, { type Table } from 'dexie';
import { announceVersionChange } from './versionChange';
import { localDay } from '../domain/dates';
import type { ExamAttempt, StoredExam } from '../domain/examSession';
import type { Settings, StoredCard, StoredReview, StoredSession } from '../domain/progress';
import type { Pack, Principle, SourceFile } from '../domain/content';

export interface StoredSettings extends Settings {
  id: 'settings';
}

/** A pack imported in the app: compiled, plus its sources so it can be shared again. */
export interface StoredPack {
  id: string;
  pack: Pack;
  principles: Principle[];
  files: SourceFile[];
  importedAt: Date;
}

/** Pack ids the candidate turned off for study. Kept apart from settings so a backup restore keeps them. */
export interface PackPreference {
  packId: string;
  enabled: boolean;
}

/**
 * The one database. Old versions stay declared so any earlier install upgrades step by step;
 * data changes go in `.upgrade()`.
 */
export class RapportDatabase extends Dexie {
  cards!: Table<StoredCard, [string, string]>;
  reviewLog!: Table<StoredReview, number>;
  session!: Table<StoredSession, string>;
  settings!: Table<StoredSettings, string>;
  importedPacks!: Table<StoredPack, string>;
  packPreferences!: Table<PackPreference, string>;
  exam!: Table<StoredExam, string>;
  examAttempts!: Table<ExamAttempt, number>;

  constructor(name = 'rapport') {
    super(name);
    this.version(1).stores({
      cards: '[packId+questionId], packId, due',
      reviewLog: '++id, [packId+questionId], review',
      session: 'id',
      settings: 'id',
      importedPacks: 'id',
    });
    // Version 2 files each answer under its local day (daily limits, streaks, heatmap), and adds pack preferences.
    this.version(2)
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
    this.version(3).stores({
      exam: 'id',
      examAttempts: '++id, submittedAt',
    });
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
    shared = db;
  }
  return shared;
}

