import { newUid } from '../domain/uids';

/** A uid for a new log entry or finished exam, unique across the candidate's devices. */
export function newRecordUid(): string {
  // getRandomValues works on plain http too, where randomUUID does not.
  return newUid(crypto.getRandomValues(new Uint8Array(12)));
}
