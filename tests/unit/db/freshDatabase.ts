// Tests import fake-indexeddb/auto first of all, before Dexie loads.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, vi } from 'vitest';
import { RapportDatabase } from '../../../src/db/database';

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
