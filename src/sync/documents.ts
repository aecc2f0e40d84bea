/**
 * The documents Rapport keeps in CouchDB, and reading them back. Every document that can be written
 * by two devices is either immutable (an answer, a deletion, an exam, a pack event: each has a
 * new id) or written by one device only (its settings and pack choices, under its device id), so
 * CouchDB never has a conflict to resolve; what to keep is decided by the merge rules in the domain.
 *
 *   log:<uid>            one answer (a log entry), never changed; removed once a deletion names it
 *   deleted:<uid>        uids of answers taken back or erased; these are never resurrected
 *   exam:<uid>           one finished exam
 *   settings:<device>    a device's synced settings, each with when it last changed
 *   choices:<device>     a device's pack on/off choices, each with when it was made
 *   pack:<uid>           a pack imported (with its pack file) or removed, at a time: the newest event per pack wins
 *
 * Whatever arrives is checked with the same schemas as a backup before it reaches the database.
 */
import { z } from 'zod';
import type { ExamAttempt } from '../domain/examSession';
import type { PackChoice, ProgressSnapshot, SharedExamAttempt, SharedReview, SyncedSettings } from '../domain/merge';
import type { StoredReview } from '../domain/progress';
import { examAttemptSchema, reviewSchema, settingsSchema, uidSchema, withAttemptUid, withUid } from '../domain/progressRecords';
import { ID_MAX_LENGTH } from '../domain/ids';

export const PREFIX = { answer: 'log:', deleted: 'deleted:', exam: 'exam:', settings: 'settings:', choices: 'choices:', pack: 'pack:' } as const;

/** How many uids one deletion document holds: a reset of 200,000 answers is 40 documents. */
export const UIDS_PER_DELETION = 5000;

export interface Doc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: string;
  [field: string]: unknown;
}

/** Dates as ISO text, as they travel as JSON anyway. */
function plain<Value>(value: Value): unknown {
  return JSON.parse(JSON.stringify(value));
}

export function answerDoc(entry: StoredReview): Doc {
  const { id: _id, ...shared } = entry;
  return { _id: PREFIX.answer + entry.uid, type: 'answer', entry: plain(shared) };
}

export function deletionDoc(uid: string, uids: readonly string[]): Doc {
  return { _id: PREFIX.deleted + uid, type: 'deleted', uids: [...uids] };
}

export function examDoc(attempt: ExamAttempt): Doc {
  const { id: _id, ...shared } = attempt;
  return { _id: PREFIX.exam + attempt.uid, type: 'exam', attempt: plain(shared) };
}

export function settingsDoc(device: string, settings: SyncedSettings): Doc {
  return { _id: PREFIX.settings + device, type: 'settings', settings: plain(settings) };
}

export function choicesDoc(device: string, choices: readonly PackChoice[]): Doc {
  return { _id: PREFIX.choices + device, type: 'choices', choices: [...choices] };
}

/** A pack imported (with its shareable pack file) or removed at `at` (ms since 1970). */
export interface PackEvent {
  packId: string;
  at: number;
  event: 'import' | 'remove';
  /** The pack file as text, for an import: the receiving device checks it as it checks a file. */
  packFile?: string | undefined;
}

export function packDoc(uid: string, event: PackEvent): Doc {
  return { _id: PREFIX.pack + uid, type: 'pack', ...event };
}

const syncedSettingsSchema = settingsSchema.omit({ persistenceRequested: true });
const choiceSchema = z.strictObject({ packId: z.string().min(1).max(ID_MAX_LENGTH), enabled: z.boolean(), changedAt: z.number().min(0) });
const packEventSchema = z.object({
  packId: z.string().min(1).max(ID_MAX_LENGTH),
  at: z.number().min(0),
  event: z.enum(['import', 'remove']),
  packFile: z.string().max(12 * 1024 * 1024).optional(),
});

/** What a batch of documents from the server holds, checked; documents that fail a check are counted and left out. */
export interface Incoming {
  progress: ProgressSnapshot;
  /** Settings of other devices (and this one), to merge field by field. */
  settings: SyncedSettings[];
  choices: PackChoice[];
  packEvents: PackEvent[];
  /** Documents that failed their check and were left out. */
  skipped: number;
}

export function readDocs(docs: readonly unknown[]): Incoming {
  const log: SharedReview[] = [];
  const deleted: string[] = [];
  const examAttempts: SharedExamAttempt[] = [];
  const settings: SyncedSettings[] = [];
  const choices: PackChoice[] = [];
  const packEvents: PackEvent[] = [];
  let skipped = 0;
  for (const doc of docs) {
    if (!doc || typeof doc !== 'object') continue;
    const { _id: id, _deleted: gone, type } = doc as Partial<Doc>;
    if (gone || typeof id !== 'string') continue;
    const body = doc as Record<string, unknown>;
    let ok = true;
    if (type === 'answer') {
      const parsed = reviewSchema.safeParse(body.entry);
      ok = parsed.success && id === PREFIX.answer + (parsed.data.uid ?? '');
      if (parsed.success && ok) {
        const { id: _local, ...entry } = withUid(parsed.data);
        log.push(entry);
      }
    } else if (type === 'deleted') {
      const parsed = z.array(uidSchema).max(UIDS_PER_DELETION).safeParse(body.uids);
      ok = parsed.success;
      if (parsed.success) deleted.push(...parsed.data);
    } else if (type === 'exam') {
      const parsed = examAttemptSchema.safeParse(body.attempt);
      ok = parsed.success && id === PREFIX.exam + (parsed.data.uid ?? '');
      if (parsed.success && ok) {
        const { id: _local, ...attempt } = withAttemptUid(parsed.data);
        examAttempts.push(attempt);
      }
    } else if (type === 'settings') {
      const parsed = syncedSettingsSchema.safeParse(body.settings);
      ok = parsed.success;
      if (parsed.success) settings.push(parsed.data as SyncedSettings);
    } else if (type === 'choices') {
      const parsed = z.array(choiceSchema).max(10_000).safeParse(body.choices);
      ok = parsed.success;
      if (parsed.success) choices.push(...parsed.data);
    } else if (type === 'pack') {
      const parsed = packEventSchema.safeParse(body);
      ok = parsed.success && (parsed.data.event === 'remove' || parsed.data.packFile !== undefined);
      if (parsed.success && ok) packEvents.push({ packId: parsed.data.packId, at: parsed.data.at, event: parsed.data.event, packFile: parsed.data.packFile });
    }
    if (!ok) skipped++;
  }
  return { progress: { log, deleted, examAttempts, settings: undefined }, settings, choices, packEvents, skipped };
}

/** The newest event of each pack; equal times go to the removal, the safer of the two. */
export function newestPackEvents(events: readonly PackEvent[]): Map<string, PackEvent> {
  const newest = new Map<string, PackEvent>();
  for (const event of events) {
    const held = newest.get(event.packId);
    if (!held || event.at > held.at || (event.at === held.at && event.event === 'remove')) newest.set(event.packId, event);
  }
  return newest;
}
