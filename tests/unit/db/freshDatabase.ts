// Tests import fake-indexeddb/auto first of all, before Dexie loads.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, vi } from 'vitest';
import { RapportDatabase } from '../../../src/db/database';
import { recordAnswer } from '../../../src/db/progress';
import { gradeAnswer } from '../../../src/domain/grading';

const opened: RapportDatabase[] = [];
let counter = 0;

/** The app's database on fake-indexeddb, new and empty unless `name` is one a test filled; closed and deleted after the test. */
export function freshDatabase(name = `test-${Date.now()}-${counter++}`): RapportDatabase {
  const db = new RapportDatabase(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
  vi.restoreAllMocks();
});

/** Records a right or wrong answer to a question keyed "A", as the study screen would, at time `at`. */
export function recordRightOrWrong(db: RapportDatabase, packId: string, questionId: string, correct: boolean, at: Date) {
  return recordAnswer(db, {
    packId,
    questionId,
    contentHash: 'hash',
    result: gradeAnswer({ answer: 'A' }, correct ? 'A' : 'B'),
    confidence: 'normal',
    now: at,
    settings: { desiredRetention: 0.9 },
  });
}
