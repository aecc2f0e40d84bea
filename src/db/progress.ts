import Dexie from 'dexie';
import type { PackStudyFacts } from '../domain/content/facts';
import { localDay } from '../domain/dates';
import type { AnswerResult, Confidence } from '../domain/grading';
import { DEFAULT_SETTINGS, type Settings, type StoredCard, type StoredReview, type StoredSession } from '../domain/progress';
import type { PackStanding } from '../domain/today';
import { rankDue, type DueRanks, type QueueItem } from '../domain/queue';
import { cardKey } from '../domain/ids';
import { newCard, schedule, undoAnswer, type Card } from '../domain/scheduling';
import { stampChanges } from '../domain/settings';
import type { RapportDatabase, StoredSettings } from './database';
import { addAnswer, eraseAllProgress, progressScope, removeNewestAnswer, type StudyDay } from './derived';
import { newRecordUid } from './uids';

export async function loadSettings(db: RapportDatabase): Promise<Settings> {
  const stored = await db.settings.get('settings');
  if (!stored) return { ...DEFAULT_SETTINGS };
  const { id: _id, ...settings } = stored;
  return { ...DEFAULT_SETTINGS, ...settings };
}

/** Saves changed settings, noting when each synced one changed, so a merge keeps the newer value. */
export async function saveSettings(db: RapportDatabase, changes: Partial<Settings>, now = new Date()): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next: StoredSettings = { ...stampChanges(await loadSettings(db), changes, now), id: 'settings' };
    await db.settings.put(next);
    const { id: _id, ...settings } = next;
    return settings;
  });
}

export interface AnswerToRecord {
  packId: string;
  questionId: string;
  contentHash: string;
  result: AnswerResult;
  confidence: Confidence;
  now: Date;
  settings: Pick<Settings, 'desiredRetention' | 'examDate'>;
}

/** Schedules the card, appends to the log and moves the session on, all or nothing; returns all three as stored. */
export async function recordAnswer(db: RapportDatabase, answer: AnswerToRecord): Promise<{ card: StoredCard; logId: number; session: StoredSession | undefined }> {
  const { packId, questionId, contentHash, result, now, settings } = answer;
  return db.transaction('rw', [...progressScope(db), db.session], async () => {
    // Requests go out together where none needs another's result: each await is a round trip to the database.
    const [stored, current] = await Promise.all([db.cards.get([packId, questionId]), db.session.get('current')]);
    const existing: Card = stored ?? newCard(now);
    const scheduled = schedule(existing, result.rating, now, settings);
    const scheduledCard: StoredCard = { ...scheduled.card, packId, questionId, contentHash };
    const entry: StoredReview = {
      ...scheduled.log,
      uid: newRecordUid(),
      packId,
      questionId,
      day: localDay(now),
      chosen: result.chosen,
      correct: result.correct,
      confidence: answer.confidence,
      desiredRetention: settings.desiredRetention,
      examDate: settings.examDate,
      contentHash,
      previousDue: existing.due,
    };
    const { logId, card } = await addAnswer(db, entry, scheduledCard, stored);
    let session = current;
    const expected = session?.items[session.answers.length];
    if (session && expected?.packId === packId && expected.questionId === questionId) {
      session = { ...session, answers: [...session.answers, { packId, questionId, correct: result.correct, logId }] };
      await db.session.put(session);
    }
    return { card, logId, session };
  });
}

/** Takes back the session's last answer: the card as it was, the log entry gone, the place one back. */
export async function undoLastAnswer(db: RapportDatabase): Promise<boolean> {
  return db.transaction('rw', [...progressScope(db), db.session], async () => {
    const session = await db.session.get('current');
    const last = session?.answers.at(-1);
    if (!session || !last) return false;
    const [entry, card, history] = await Promise.all([
      db.reviewLog.get(last.logId),
      db.cards.get([last.packId, last.questionId]),
      db.reviewLog.where('[packId+questionId]').equals([last.packId, last.questionId]).primaryKeys(),
    ]);
    // Rollback is exact only for the card's newest answer; an older one stays.
    if (Math.max(...history) !== last.logId) return false;
    if (entry && card) {
      const earlierId = history.filter((key) => key !== last.logId).at(-1);
      const earlier = earlierId === undefined ? undefined : await db.reviewLog.get(earlierId);
      const before = undoAnswer(card, entry, entry.previousDue, entry.desiredRetention);
      await removeNewestAnswer(db, { ...entry, id: last.logId }, before, earlier?.contentHash ?? card.contentHash);
    }
    await db.session.put({ ...session, answers: session.answers.slice(0, -1) });
    return true;
  });
}

export async function loadSession(db: RapportDatabase): Promise<StoredSession | undefined> {
  return db.session.get('current');
}

/** A session about to start, not yet stored: the one current session, with no answers. */
export function newSession(session: Omit<StoredSession, 'id' | 'answers'>): StoredSession {
  return { ...session, id: 'current', answers: [] };
}

/** Stores a session as the current one, in place of any other. */
export async function saveSession(db: RapportDatabase, session: StoredSession): Promise<void> {
  await db.session.put(session);
}

export async function startSession(db: RapportDatabase, session: Omit<StoredSession, 'id' | 'answers'>): Promise<StoredSession> {
  const stored = newSession(session);
  await saveSession(db, stored);
  return stored;
}

export async function endSession(db: RapportDatabase): Promise<void> {
  await db.session.delete('current');
}

export interface DueState {
  /** The due cards read, ranked most overdue first. */
  due: DueRanks;
  reviewedToday: number;
  introducedToday: number;
  /** Whether every due card was read. */
  dueComplete: boolean;
}

/**
 * The due cards and today's counts: all a session of reviews plans from. Reads the due index's keys,
 * not whole cards, to stay fast with a long history. With `dueLimit`, only the first (most overdue)
 * due cards are read: a session of 200 needs no backlog of thousands.
 */
export async function loadDueState(db: RapportDatabase, now: Date, dueLimit?: number): Promise<DueState> {
  return db.transaction('r', [db.cards, db.studyDays], async () => {
    // The due index returns keys most overdue first, which is all the queue needs of the dates.
    const due = db.cards.where('due').belowOrEqual(now);
    const [today, dueKeys] = await Promise.all([db.studyDays.get(localDay(now)), (dueLimit === undefined ? due : due.limit(dueLimit)).primaryKeys()]);
    return { due: rankDue(dueKeys), ...todaysCounts(today), dueComplete: dueLimit === undefined || dueKeys.length < dueLimit };
  });
}

/** Which questions of each pack were ever answered: from one row per pack, not from 20,000 card keys. */
export async function loadAnsweredQuestions(db: RapportDatabase): Promise<Map<string, Set<string>>> {
  const answered = await db.answeredQuestions.toArray();
  return new Map(answered.map(({ packId, questionIds }) => [packId, new Set(questionIds)]));
}

/** Which questions of each pack were ever answered, and today's counts. */
export async function loadDayState(db: RapportDatabase, now: Date): Promise<{ answered: Map<string, Set<string>>; reviewedToday: number; introducedToday: number }> {
  return db.transaction('r', [db.answeredQuestions, db.studyDays], async () => {
    const [answered, today] = await Promise.all([loadAnsweredQuestions(db), db.studyDays.get(localDay(now))]);
    return { answered, ...todaysCounts(today) };
  });
}

function todaysCounts(today: StudyDay | undefined): { reviewedToday: number; introducedToday: number } {
  return { reviewedToday: (today?.answers ?? 0) - (today?.introduced ?? 0), introducedToday: today?.introduced ?? 0 };
}

/**
 * How many due cards have their question in these packs. Each pack's due cards are counted on the
 * index, no key read (counting is several times faster than reading the keys); only a pack that
 * lost answered questions to a re-import has its due keys read and checked.
 */
export async function countDueQuestions(db: RapportDatabase, now: Date, packs: readonly PackStudyFacts[], standings: ReadonlyMap<string, PackStanding>): Promise<number> {
  const counts = await Promise.all(
    packs.map(async ({ packId, facts }) => {
      const due = db.cards.where('[packId+due]').between([packId, Dexie.minKey], [packId, now], true, true);
      if (!standings.get(packId)?.answeredGone) return due.count();
      const ids = new Set(facts.ids);
      return (await due.primaryKeys()).filter(([, questionId]) => ids.has(questionId)).length;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** The content hash each of these questions had when last answered. */
export async function lastAnsweredHashes(db: RapportDatabase, items: readonly Pick<QueueItem, 'packId' | 'questionId'>[]): Promise<Map<string, string>> {
  const cards = await db.cards.bulkGet(items.map((item) => [item.packId, item.questionId] as [string, string]));
  return new Map(cards.filter((card) => card !== undefined).map((card) => [cardKey(card.packId, card.questionId), card.contentHash]));
}

export async function historyOf(db: RapportDatabase, item: Pick<QueueItem, 'packId' | 'questionId'>): Promise<StoredReview[]> {
  return db.reviewLog.where('[packId+questionId]').equals([item.packId, item.questionId]).sortBy('id');
}

export async function answerCount(db: RapportDatabase): Promise<number> {
  return db.reviewLog.count();
}

/** Every day with at least one answer, newest first: one short row per day, all a streak needs. */
export async function studyDays(db: RapportDatabase): Promise<string[]> {
  return db.studyDays.orderBy(':id').reverse().primaryKeys();
}

/** When the next review falls due after `now`, if any card is scheduled. */
export async function nextDue(db: RapportDatabase, now: Date): Promise<Date | undefined> {
  return (await db.cards.where('due').above(now).first())?.due;
}

/** Erases every answer and card and the session in progress; settings and imported packs stay. */
export async function resetProgress(db: RapportDatabase): Promise<void> {
  await db.transaction('rw', [...progressScope(db), db.session], async () => {
    await Promise.all([eraseAllProgress(db), db.session.clear()]);
  });
}
