/** Uids: new ones for log entries and exams, and those of entries deleted, kept so they stay deleted. */
import { newUid } from '../domain/uids';
import type { RapportDatabase } from './database';

/** A uid for a new log entry or finished exam, unique across the candidate's devices. */
export function newRecordUid(): string {
  // getRandomValues works on plain http too, where randomUUID does not.
  return newUid(crypto.getRandomValues(new Uint8Array(12)));
}

/**
 * Notes log entries as taken back or erased, inside the caller's transaction (which must hold
 * `deletedEntries`): a merge or a sync never brings them back, and sync tells the other devices.
 */
export async function noteDeleted(db: RapportDatabase, entries: readonly { uid: string }[]): Promise<void> {
  if (entries.length > 0) await db.deletedEntries.bulkAdd(entries.map(({ uid }) => ({ uid })));
}
