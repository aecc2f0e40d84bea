/**
 * Bringing together the progress of two devices. Pure: the database and the sync adapter apply
 * what it decides.
 *
 * The rules, each a union or a newest-wins, so that merging is commutative, associative and
 * idempotent (a property test holds it so):
 *  - log entries are united by `uid`, a device-unique id: an entry on both devices counts once;
 *  - a deleted uid (an undo, a reset, a pack's history erased) stays deleted: deletions are united
 *    too, and an entry whose uid is deleted is never live again;
 *  - each card is the replay of its live entries in time order (the card is a cache of its log);
 *  - finished exams are united by `uid`;
 *  - each synced setting, and each pack's on/off choice, takes the value changed last.
 */
import { plural } from './format';
import type { ExamAttempt } from './examSession';
import type { Settings, StoredCard, StoredReview } from './progress';
import { replay, schedule, type Card, type Grade } from './scheduling';
import { SYNCED_SETTINGS, type SettingsStamps, type SyncedSetting } from './settings';

export { SYNCED_SETTINGS, type SettingsStamps, type SyncedSetting };

export type SyncedSettings = Pick<Settings, SyncedSetting> & { changedAt?: SettingsStamps | undefined };

/** A finished exam as it travels between devices. */
export type SharedExamAttempt = Omit<ExamAttempt, 'id'>;

/** A log entry as it travels between devices: its local `id` means nothing elsewhere. */
export type SharedReview = Omit<StoredReview, 'id'>;

/** The progress one device holds, as merging sees it. */
export interface ProgressSnapshot {
  /** Live entries, each with its uid. */
  log: readonly SharedReview[];
  /** Uids of entries taken back or erased, on any device. */
  deleted: readonly string[];
  examAttempts: readonly SharedExamAttempt[];
  /** Undefined when the source has none to offer (an unreadable settings record in a backup). */
  settings: SyncedSettings | undefined;
}

/** A pack's on/off choice and when it was made. */
export interface PackChoice {
  packId: string;
  enabled: boolean;
  changedAt: number;
}

// ---------------------------------------------------------------------------------------------
// Merging.

/** Oldest first; answers in the same millisecond by uid, so every device replays them alike. */
export function byAnswerTime(a: Pick<StoredReview, 'review' | 'uid'>, b: Pick<StoredReview, 'review' | 'uid'>): number {
  return a.review.getTime() - b.review.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/** One of two records claiming the same uid, chosen alike on every device (they are copies in practice). */
function sameUidWinner<Entry extends SharedReview>(a: Entry, b: Entry): Entry {
  const key = (entry: Entry) => `${entry.review.getTime()}\u0000${entry.packId}\u0000${entry.questionId}\u0000${entry.chosen}\u0000${entry.rating}\u0000${entry.contentHash}`;
  return key(b) < key(a) ? b : a;
}

/** The union of two devices' progress. */
export function mergeProgress(a: ProgressSnapshot, b: ProgressSnapshot): ProgressSnapshot {
  const deleted = new Set([...a.deleted, ...b.deleted]);
  const log = new Map<string, SharedReview>();
  for (const entry of [...a.log, ...b.log]) {
    if (deleted.has(entry.uid)) continue;
    const held = log.get(entry.uid);
    log.set(entry.uid, held ? sameUidWinner(held, entry) : entry);
  }
  const attempts = new Map<string, SharedExamAttempt>();
  for (const attempt of [...a.examAttempts, ...b.examAttempts]) {
    const held = attempts.get(attempt.uid);
    if (!held || attempt.submittedAt.getTime() < held.submittedAt.getTime()) attempts.set(attempt.uid, attempt);
  }
  return {
    log: [...log.values()].sort(byUid),
    deleted: [...deleted].sort(),
    examAttempts: [...attempts.values()].sort(byUid),
    settings: mergeSettings(a.settings, b.settings),
  };
}

function byUid(a: { uid: string }, b: { uid: string }): number {
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/** Each synced field takes the value changed last; on a tie (never changed on either), the same value on both devices. */
export function mergeSettings(first: SyncedSettings | undefined, second: SyncedSettings | undefined): SyncedSettings | undefined {
  // One side alone is merged with itself, which keeps only the synced fields.
  const a = first ?? second;
  const b = second ?? first;
  if (!a || !b) return undefined;
  const merged: Record<string, unknown> = {};
  const changedAt: SettingsStamps = {};
  for (const field of SYNCED_SETTINGS) {
    const [stampA, stampB] = [a.changedAt?.[field] ?? 0, b.changedAt?.[field] ?? 0];
    const takeB = stampB > stampA || (stampB === stampA && settingKey(b[field]) > settingKey(a[field]));
    merged[field] = takeB ? b[field] : a[field];
    const stamp = Math.max(stampA, stampB);
    if (stamp > 0) changedAt[field] = stamp;
  }
  return { ...(merged as Pick<Settings, SyncedSetting>), changedAt };
}

function settingKey(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/** Each pack's choice made last; a tie keeps the pack on. */
export function mergePackChoices(a: readonly PackChoice[], b: readonly PackChoice[]): PackChoice[] {
  const newest = new Map<string, PackChoice>();
  for (const choice of [...a, ...b]) {
    const held = newest.get(choice.packId);
    if (!held || choice.changedAt > held.changedAt || (choice.changedAt === held.changedAt && choice.enabled && !held.enabled)) newest.set(choice.packId, choice);
  }
  return [...newest.values()].sort((x, y) => (x.packId < y.packId ? -1 : x.packId > y.packId ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Applying a merge to one device.

/** What a device holds, as much as planning a merge into it needs. */
export interface LocalIndex {
  /** Uids of its live log entries. */
  uids: ReadonlySet<string>;
  deleted: ReadonlySet<string>;
  attemptUids: ReadonlySet<string>;
  settings: SyncedSettings;
}

/** The changes that make a device's progress the union of its own and `incoming`. */
export interface MergePlan {
  /** Entries new to the device, oldest first. */
  add: SharedReview[];
  /** Uids of the device's entries that `incoming` deleted. */
  remove: string[];
  /** Deleted uids new to the device (including those of `remove`). */
  deleted: string[];
  examAttempts: SharedExamAttempt[];
  /** The merged synced settings, when any field changes; `taken` names the fields that do. */
  settings: { value: SyncedSettings; taken: SyncedSetting[] } | undefined;
}

export function planMerge(local: LocalIndex, incoming: ProgressSnapshot): MergePlan {
  const deleted = incoming.deleted.filter((uid) => !local.deleted.has(uid));
  const gone = new Set(incoming.deleted);
  const add = new Map<string, SharedReview>();
  for (const entry of incoming.log) {
    if (local.uids.has(entry.uid) || local.deleted.has(entry.uid) || gone.has(entry.uid)) continue;
    add.set(entry.uid, entry);
  }
  const attempts = new Map<string, SharedExamAttempt>();
  for (const attempt of incoming.examAttempts) if (!local.attemptUids.has(attempt.uid)) attempts.set(attempt.uid, attempt);
  const settings = mergeSettings(local.settings, incoming.settings);
  const taken = settings ? SYNCED_SETTINGS.filter((field) => settingKey(settings[field]) !== settingKey(local.settings[field])) : [];
  const stampsMoved = settings ? SYNCED_SETTINGS.some((field) => (settings.changedAt?.[field] ?? 0) !== (local.settings.changedAt?.[field] ?? 0)) : false;
  return {
    add: [...add.values()].sort(byAnswerTime),
    remove: deleted.filter((uid) => local.uids.has(uid)),
    deleted,
    examAttempts: [...attempts.values()].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime()),
    settings: settings && (taken.length > 0 || stampsMoved) ? { value: settings, taken } : undefined,
  };
}

/**
 * A card rebuilt from its live log entries: replayed in time order from its first answer, with the
 * newest answer's content hash and rightness. Undefined when no entry is left (the question is new again).
 */
export function replayCard(entries: readonly SharedReview[]): StoredCard | undefined {
  const ordered = [...entries].sort(byAnswerTime);
  const first = ordered[0];
  const newest = ordered.at(-1);
  if (!first || !newest) return undefined;
  const card = replay(
    ordered.map((entry) => ({ grade: entry.rating as Grade, review: entry.review, desiredRetention: entry.desiredRetention, examDate: entry.examDate })),
    first.review,
  );
  return { ...card, packId: first.packId, questionId: first.questionId, contentHash: newest.contentHash, lastCorrect: newest.correct };
}

/**
 * The card after answers all given later than its last review: the replay carried on from where
 * the card stands, so equal to a replay of the whole log (the card is one) without reading it.
 * Undefined when an answer is not later, and the whole log must be replayed instead.
 */
export function continueCard(card: StoredCard, later: readonly SharedReview[]): StoredCard | undefined {
  const ordered = [...later].sort(byAnswerTime);
  const last = card.last_review?.getTime();
  const newest = ordered.at(-1);
  if (!newest || last === undefined || ordered.some((entry) => entry.review.getTime() <= last)) return undefined;
  let next: Card = card;
  for (const entry of ordered) next = schedule(next, entry.rating as Grade, entry.review, entry).card;
  return { ...next, packId: card.packId, questionId: card.questionId, contentHash: newest.contentHash, lastCorrect: newest.correct };
}

// ---------------------------------------------------------------------------------------------
// Saying what changed.

export interface MergeSummary {
  answersAdded: number;
  answersRemoved: number;
  examsAdded: number;
  settingsTaken: SyncedSetting[];
  /** Questions due by the end of today after the merge. */
  dueToday: number;
}

const SETTING_NAMES: Record<SyncedSetting, string> = {
  desiredRetention: 'desired retention',
  newPerDay: 'new questions per day',
  maxReviewsPerDay: 'maximum reviews per day',
  examDate: 'exam date',
  theme: 'theme',
};

/** What a merge changed, in plain words: "312 answers added from the other device; 41 questions now due today." */
export function describeMerge(summary: MergeSummary, source = 'the other device'): string {
  const count = plural;
  const parts: string[] = [];
  if (summary.answersAdded > 0) parts.push(`${count(summary.answersAdded, 'answer')} added from ${source}`);
  if (summary.answersRemoved > 0) parts.push(`${count(summary.answersRemoved, 'answer')} removed, as ${source} had taken ${summary.answersRemoved === 1 ? 'it' : 'them'} back or erased ${summary.answersRemoved === 1 ? 'it' : 'them'}`);
  if (summary.examsAdded > 0) parts.push(`${count(summary.examsAdded, 'exam')} added to your exam history`);
  if (summary.settingsTaken.length > 0) parts.push(`newer settings taken from ${source}: ${summary.settingsTaken.map((field) => SETTING_NAMES[field]).join(', ')}`);
  if (parts.length === 0) return `Nothing new: this device already had everything from ${source}.`;
  const sentence = `${parts.join('; ')}; ${count(summary.dueToday, 'question')} now due today.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The end of the candidate's local day, for "due today". */
export function endOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}
