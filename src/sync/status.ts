/**
 * How sync stands, for Settings → Sync to show in plain words: running or not, when it last
 * finished, what it sent and received, and the last problem with what to do about it. Kept in
 * localStorage so a reload still says when the last sync was. Light: loads no PouchDB.
 */

export type SyncProblemKind = 'wrong-password' | 'forbidden' | 'missing-database' | 'cors' | 'unreachable' | 'offline' | 'interrupted' | 'not-couchdb' | 'storage' | 'left-out' | 'other';

export interface SyncProblem {
  kind: SyncProblemKind;
  /** What happened and what to do, in plain words. Never holds a password. */
  message: string;
}

export interface SyncStatus {
  running: boolean;
  /** When the last sync finished without a problem, as an ISO date. */
  lastSyncedAt?: string | undefined;
  /** When the last sync ended, well or not, as an ISO date. */
  endedAt?: string | undefined;
  /** Answers sent to and received from the server by the last sync that finished. */
  sent: number;
  received: number;
  /** What changed here, in words, after the last sync that brought something in. */
  changes?: string | undefined;
  /** When a sync last took a newer setting from another device, so Settings reads them again. */
  settingsTakenAt?: string | undefined;
  problem?: SyncProblem | undefined;
}

const STORAGE_KEY = 'rapport-sync-status';
const IDLE: SyncStatus = { running: false, sent: 0, received: 0 };

let current: SyncStatus = readStored();
const listeners = new Set<() => void>();

function readStored(): SyncStatus {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<SyncStatus> | null;
    return stored ? { ...IDLE, ...stored, running: false } : IDLE;
  } catch {
    return IDLE;
  }
}

export function syncStatus(): SyncStatus {
  return current;
}

export function subscribeToSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function updateSyncStatus(changes: Partial<SyncStatus>): void {
  current = { ...current, ...changes };
  if (changes.running === false) current.endedAt = new Date().toISOString();
  try {
    const { running: _running, ...kept } = current;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // The status on screen is still right; only a reload would forget it.
  }
  for (const listener of listeners) listener();
}

/** Clears what sync said, as when the connection is forgotten. */
export function clearSyncStatus(): void {
  current = IDLE;
  localStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}
