/**
 * When sync runs: on "Sync now", when the app starts, when the device comes back online, and after
 * each study session and exam. Nothing waits for it: study writes to IndexedDB and moves on, and a
 * sync requested while one runs is run once more afterwards. Light: PouchDB is loaded (lazily,
 * once) only when a sync actually runs, so a candidate who never turns sync on never downloads it.
 */
import { deviceId, loadConnection, syncEnabled } from './connection';
import { syncStatus, updateSyncStatus } from './status';

let running: Promise<void> | undefined;
let again = false;

/** Runs a sync now, or once more after the one running; resolves when that sync is over. Never throws: problems go to the status. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await withLock(syncOnce);
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** Asks for a sync if sync is on; for the study and exam screens, which must not wait for it. */
export function requestSync(): void {
  if (syncEnabled()) void syncNow();
}

/** Called once at start: syncs now if sync is on, and whenever the device comes back online. */
export function startAutomaticSync(): void {
  window.addEventListener('online', requestSync);
  requestSync();
}

/** One sync at a time across this browser's tabs, where the browser can say so. */
async function withLock(run: () => Promise<void>): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request('rapport-sync', run);
  else await run();
}

async function syncOnce(): Promise<void> {
  const connection = loadConnection();
  if (!connection?.enabled) return;
  updateSyncStatus({ running: true });
  try {
    // Loaded here, not at start: a candidate without sync downloads none of it.
    const { checkServer, problemDuring, problemOf } = await import('./problems');
    const problem = await checkServer(connection);
    if (problem) return updateSyncStatus({ running: false, problem });
    try {
      const { runSync } = await import('./replicate');
      const outcome = await runSync(connection, deviceId());
      const finished = new Date().toISOString();
      updateSyncStatus({
        running: false,
        lastSyncedAt: finished,
        ...(outcome.settingsTaken ? { settingsTakenAt: finished } : {}),
        sent: outcome.sent,
        received: outcome.received,
        changes: outcome.changes ?? syncStatus().changes,
        problem:
          outcome.skipped > 0
            ? problemOf('left-out', connection.url, `${outcome.skipped === 1 ? 'one record' : `${outcome.skipped} records`} from the server failed their checks and ${outcome.skipped === 1 ? 'was' : 'were'} left out`)
            : undefined,
      });
    } catch (error) {
      updateSyncStatus({ running: false, problem: problemDuring(error, connection) });
    }
  } catch {
    // The sync code itself could not be loaded (offline before it was ever cached).
    updateSyncStatus({ running: false, problem: { kind: 'offline', message: 'Sync could not start: this device seems to be offline. Your answers stay here; sync carries on when you are back online.' } });
  }
}
