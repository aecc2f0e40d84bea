/**
 * One sync with a CouchDB database, through PouchDB's replication. Loaded only when sync is on.
 *
 * This browser keeps a copy of the remote database (the mirror, a PouchDB database in IndexedDB).
 * A sync has three steps, each safe to stop at any point and run again:
 *  1. what was written here since the last sync goes into the mirror as documents (documents.ts);
 *  2. the mirror and the server replicate both ways, from PouchDB's checkpoints;
 *  3. what the mirror received since the last sync is checked and merged into the database, by the
 *     domain's merge rules, in one transaction per batch.
 * Where each step got to is kept in the mirror's own (never replicated) `_local` document; merging
 * is idempotent, so a step repeated after an interruption changes nothing twice.
 */
import PouchDB, { type Document } from 'pouchdb-browser';
import { builtInPacks, loadPrincipleLibrary } from '../catalog/catalog';
import { database, type RapportDatabase } from '../db/database';
import { deletionsAfter, examAttemptsAfter, logEntriesAfter, mergeIntoDatabase, mergePackChoicesIntoDatabase, progressGeneration } from '../db/merge';
import { importedPackFiles, listImportedPacks, packChoices, removeImportedPack, saveImportedPack } from '../db/packs';
import { loadSettings } from '../db/progress';
import { newRecordUid } from '../db/uids';
import { buildPackFile, checkImport } from '../domain/content/packFile';
import { describeMerge, mergeSettings, SYNCED_SETTINGS, type MergeSummary, type SyncedSettings } from '../domain/merge';
import { mirrorName, type SyncConnection } from './connection';
import { answerDoc, choicesDoc, deletionDoc, examDoc, newestPackEvents, packDoc, PREFIX, readDocs, settingsDoc, UIDS_PER_DELETION, type Incoming, type PackEvent } from './documents';

const STATE_ID = '_local/rapport-sync';
/** Documents per replication request. */
const BATCH = 1000;
/** Documents per write into the database: fewer, larger transactions bring a long history in faster. */
const MERGE_BATCH = 5000;

/** Where each step of the last sync got to. */
interface SyncState {
  /** The database's generation these marks belong to: after a restore, everything is compared again. */
  generation: string;
  /** Highest local log id, deletion number and exam id already in the mirror. */
  pushedLogId: number;
  pushedDeletedSeq: number;
  pushedAttemptId: number;
  /** The mirror's change sequence merged into the database so far. */
  appliedSeq: number | string;
  /** Each imported pack's import time as of the last sync, to notice a pack imported or removed here since. */
  packsInStep: Record<string, number>;
  /** When each pack was last removed, here or elsewhere, so an older import is not brought back. */
  removedPacks: Record<string, number>;
}

export interface SyncOutcome {
  /** Answers the server received from this device. */
  sent: number;
  /** Answers this device received and did not have. */
  received: number;
  /** What changed here, in words, when anything did. */
  changes: string | undefined;
  /** Whether a newer setting was taken from another device. */
  settingsTaken: boolean;
  /** Documents or packs from the server that failed their checks and were left out. */
  skipped: number;
}

export async function runSync(connection: SyncConnection, device: string, now: () => Date = () => new Date()): Promise<SyncOutcome> {
  const db = database();
  const mirror = new PouchDB(mirrorName(connection), { auto_compaction: true });
  const remote = new PouchDB(connection.url, { skip_setup: true, ...(connection.username ? { auth: { username: connection.username, password: connection.password } } : {}) });
  try {
    const state = await readState(mirror, await progressGeneration(db));
    await copyIntoMirror(db, mirror, state, device, now());
    await saveState(mirror, state);
    const sent = await send(mirror, remote);
    await mirror.replicate.from(remote, { batch_size: BATCH, batches_limit: 2, retry: false });
    const { totals, skipped } = await mergeFromMirror(db, mirror, state, now);
    // Merging may have changed this device's settings and choices, and removed answers from the mirror: send those too.
    await copyIntoMirror(db, mirror, state, device, now());
    await saveState(mirror, state);
    await send(mirror, remote);
    const changed = totals.answersAdded + totals.answersRemoved + totals.examsAdded + totals.settingsTaken.length > 0;
    return { sent, received: totals.answersAdded, changes: changed ? describeMerge(totals, 'your other devices') : undefined, settingsTaken: totals.settingsTaken.length > 0, skipped };
  } finally {
    await Promise.allSettled([mirror.close(), remote.close()]);
  }
}

/** Replicates the mirror to the server; returns how many answers the server received. */
async function send(mirror: PouchDB, remote: PouchDB): Promise<number> {
  let answers = 0;
  await mirror.replicate.to(remote, { batch_size: BATCH, batches_limit: 2, retry: false }).on('change', (info) => {
    answers += (info.docs ?? []).filter((doc) => doc._id.startsWith(PREFIX.answer) && !doc._deleted).length;
  });
  return answers;
}

async function readState(mirror: PouchDB, generation: string): Promise<SyncState & { _rev?: string }> {
  const fresh: SyncState = { generation, pushedLogId: 0, pushedDeletedSeq: 0, pushedAttemptId: 0, appliedSeq: 0, packsInStep: {}, removedPacks: {} };
  try {
    const stored = (await mirror.get(STATE_ID)) as unknown as SyncState & { _rev: string };
    // Progress replaced whole: send and merge everything again (each is a no-op for what is already in step).
    if (stored.generation !== generation) return { ...fresh, _rev: stored._rev, packsInStep: stored.packsInStep, removedPacks: stored.removedPacks };
    return stored;
  } catch {
    return fresh;
  }
}

async function saveState(mirror: PouchDB, state: SyncState & { _rev?: string }): Promise<void> {
  const { rev } = await mirror.put({ ...(state as unknown as Document), _id: STATE_ID });
  state._rev = rev;
}

/** Step 1: writes what changed here since the last sync into the mirror. Documents already there are left as they are. */
async function copyIntoMirror(db: RapportDatabase, mirror: PouchDB, state: SyncState, device: string, now: Date): Promise<void> {
  for (;;) {
    const entries = await logEntriesAfter(db, state.pushedLogId, MERGE_BATCH);
    if (entries.length === 0) break;
    // An answer already in the mirror is a conflict here, and rightly left alone: answers never change.
    await mirror.bulkDocs(entries.map(answerDoc));
    state.pushedLogId = entries.at(-1)?.id ?? state.pushedLogId;
  }
  for (;;) {
    const deleted = await deletionsAfter(db, state.pushedDeletedSeq, UIDS_PER_DELETION);
    if (deleted.length === 0) break;
    const uids = deleted.map((entry) => entry.uid);
    await mirror.bulkDocs([deletionDoc(newRecordUid(), uids)]);
    await removeAnswers(mirror, uids);
    state.pushedDeletedSeq = deleted.at(-1)?.seq ?? state.pushedDeletedSeq;
  }
  const attempts = await examAttemptsAfter(db, state.pushedAttemptId);
  if (attempts.length > 0) {
    await mirror.bulkDocs(attempts.map(examDoc));
    state.pushedAttemptId = attempts.at(-1)?.id ?? state.pushedAttemptId;
  }
  const settings = await loadSettings(db);
  await upsert(mirror, settingsDoc(device, syncedPart(settings)));
  const choices = (await packChoices(db)).map((choice) => ({ packId: choice.packId, enabled: choice.enabled, changedAt: choice.changedAt ?? 0 }));
  await upsert(mirror, choicesDoc(device, choices));
  await copyPackEvents(db, mirror, state, now);
}

function syncedPart(settings: SyncedSettings): SyncedSettings {
  return { ...(Object.fromEntries(SYNCED_SETTINGS.map((field) => [field, settings[field]])) as unknown as SyncedSettings), changedAt: settings.changedAt ?? {} };
}

/** Writes a device's own document when it changed. Only this device writes it, so there is never a conflict. */
async function upsert(mirror: PouchDB, doc: Document): Promise<void> {
  const held = await mirror.get(doc._id).catch(() => undefined);
  const { _rev: rev, ...body } = held ?? { _id: doc._id };
  if (held && JSON.stringify(body) === JSON.stringify(doc)) return;
  await mirror.put({ ...doc, ...(rev ? { _rev: rev } : {}) });
}

/** Packs imported or removed here since the last sync become pack events. */
async function copyPackEvents(db: RapportDatabase, mirror: PouchDB, state: SyncState, now: Date): Promise<void> {
  const listings = await listImportedPacks(db);
  const here = new Set(listings.map((listing) => listing.id));
  for (const listing of listings) {
    const at = listing.importedAt.getTime();
    if (state.packsInStep[listing.id] === at) continue;
    const packFile = JSON.stringify(buildPackFile(listing.meta, await importedPackFiles(db, listing.id)));
    await mirror.bulkDocs([packDoc(newRecordUid(), { packId: listing.id, at, event: 'import', packFile })]);
    state.packsInStep[listing.id] = at;
  }
  for (const packId of Object.keys(state.packsInStep)) {
    if (here.has(packId)) continue;
    const at = now.getTime();
    await mirror.bulkDocs([packDoc(newRecordUid(), { packId, at, event: 'remove' })]);
    delete state.packsInStep[packId];
    state.removedPacks[packId] = at;
  }
}

/** Marks answers as removed in the mirror, so the server stops keeping them and a new device does not download them. */
async function removeAnswers(mirror: PouchDB, uids: readonly string[]): Promise<void> {
  for (let start = 0; start < uids.length; start += BATCH * 4) {
    const keys = uids.slice(start, start + BATCH * 4).map((uid) => PREFIX.answer + uid);
    const { rows } = await mirror.allDocs({ keys });
    const live = rows.flatMap((row) => (row.value && !row.value.deleted ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }] : []));
    if (live.length > 0) await mirror.bulkDocs(live);
  }
}

/** Step 3: merges what the mirror received since the last sync into the database, a batch at a time. */
async function mergeFromMirror(db: RapportDatabase, mirror: PouchDB, state: SyncState & { _rev?: string }, now: () => Date): Promise<{ totals: MergeSummary; skipped: number }> {
  const totals: MergeSummary = { answersAdded: 0, answersRemoved: 0, examsAdded: 0, settingsTaken: [], dueToday: 0 };
  let skipped = 0;
  for (;;) {
    const { results, last_seq: last } = await mirror.changes({ since: state.appliedSeq, include_docs: true, limit: MERGE_BATCH });
    if (results.length === 0) break;
    const incoming = readDocs(results.map((change) => change.doc));
    skipped += incoming.skipped;
    const summary = await mergeIntoDatabase(db, { ...incoming.progress, settings: incoming.settings.reduce<SyncedSettings | undefined>(mergeSettings, undefined) }, now());
    totals.answersAdded += summary.answersAdded;
    totals.answersRemoved += summary.answersRemoved;
    totals.examsAdded += summary.examsAdded;
    totals.settingsTaken = [...new Set([...totals.settingsTaken, ...summary.settingsTaken])];
    totals.dueToday = summary.dueToday;
    await removeAnswers(mirror, incoming.progress.deleted);
    if (incoming.choices.length > 0) await mergePackChoicesIntoDatabase(db, incoming.choices);
    skipped += await applyPackEvents(db, incoming, state);
    state.appliedSeq = last;
    await saveState(mirror, state);
  }
  return { totals, skipped };
}

/** Imports or removes packs where another device's event is newer than this device's; returns how many could not be imported. */
async function applyPackEvents(db: RapportDatabase, incoming: Incoming, state: SyncState): Promise<number> {
  let failed = 0;
  const listings = new Map((await listImportedPacks(db)).map((listing) => [listing.id, listing.importedAt.getTime()]));
  for (const [packId, event] of newestPackEvents(incoming.packEvents)) {
    const here = listings.get(packId);
    const removed = state.removedPacks[packId];
    if (event.event === 'remove') {
      if (here !== undefined && event.at > here) {
        // Only the pack goes: answers erased with it arrive as deletions of their own.
        await removeImportedPack(db, packId, false);
        delete state.packsInStep[packId];
      }
      if (here === undefined || event.at > here) state.removedPacks[packId] = Math.max(removed ?? 0, event.at);
      continue;
    }
    const newer = here === undefined ? removed === undefined || event.at > removed : event.at > here;
    if (!newer) continue;
    if (await importPackEvent(db, event)) {
      state.packsInStep[packId] = event.at;
      delete state.removedPacks[packId];
    } else failed++;
  }
  return failed;
}

/** Checks a pack file from another device exactly as a file picked here is checked, and stores it under the other device's import time. */
async function importPackEvent(db: RapportDatabase, event: PackEvent): Promise<boolean> {
  if (!event.packFile) return false;
  const [principles, stored] = await Promise.all([loadPrincipleLibrary(), listImportedPacks(db)]);
  const imported = stored.filter((listing) => listing.id !== event.packId).map((listing) => ({ packId: listing.id, packTitle: listing.meta.title, principles: listing.principles }));
  const outcome = await checkImport({ kind: 'pack-file', name: `${event.packId}.rapport.json`, text: event.packFile }, { principles, packIds: builtInPacks.map((pack) => pack.id), imported });
  if (!outcome.imported || outcome.imported.pack.id !== event.packId) return false;
  await saveImportedPack(db, outcome.imported, new Date(event.at));
  return true;
}
