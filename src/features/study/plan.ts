/**
 * Planning a session: which questions, in what order, from the due index, today's counts and the
 * enabled packs. Kept out of the store, which holds what is on screen.
 */
import { loadPack, loadStudyColumns, readBriefCatalog, type Catalog } from '../../catalog/catalog';
import { database } from '../../db/database';
import type { BriefListing } from '../../db/derived';
import { loadAnsweredQuestions, loadDueState, newSession, type DueState } from '../../db/progress';
import type { PackStudyFacts } from '../../domain/content/facts';
import type { Settings, StoredSession } from '../../domain/progress';
import { buildQueue, dueCandidates, SESSION_MAX_ITEMS, sessionRoom, studyCandidates, type QueueItem } from '../../domain/queue';

/** What a session can be: study (due and new questions of the enabled packs) or practice of one pack. */
export type StudyMode = { mode: 'study' } | { mode: 'practice'; packId: string };

/** What a study session plans from, read as the screen opens, beside the settings and the stored session. */
export interface StudyReads {
  /** The packs in brief: a resumed session takes its packs' titles and principles from it too. */
  catalog: Promise<Catalog<BriefListing>>;
  columns: Promise<PackStudyFacts[]>;
  /** The most overdue cards and today's counts. */
  due: Promise<DueState>;
}

/** How many of the most overdue cards a session's plan reads first. */
const FIRST_DUE_LIMIT = 2 * SESSION_MAX_ITEMS;

export function startStudyReads(now: Date): StudyReads {
  const catalog = readBriefCatalog();
  const columns = loadStudyColumns(catalog);
  const due = loadDueState(database(), now, FIRST_DUE_LIMIT);
  // A resumed session never waits for these; a new one does, and sees any failure there.
  columns.catch(() => undefined);
  due.catch(() => undefined);
  return { catalog, columns, due };
}

/** A new session, not yet stored. */
export async function planSession(target: StudyMode, settings: Settings, now: Date, reads: StudyReads | undefined): Promise<StoredSession> {
  if (target.mode === 'practice') return newSession({ mode: 'practice', packId: target.packId, items: await practiceQueue(target.packId), startedAt: now });
  return newSession({ mode: 'study', items: await studyQueue(settings, now, reads ?? startStudyReads(now)), startedAt: now });
}

/** A practice session: every question of the pack, in authored order. */
async function practiceQueue(packId: string): Promise<QueueItem[]> {
  const pack = await loadPack(packId);
  return (pack?.questions ?? []).map((question) => ({ packId, questionId: question.id, kind: 'new' }));
}

/** A study session: due and new questions of the enabled packs. */
async function studyQueue(settings: Settings, now: Date, reads: StudyReads): Promise<QueueItem[]> {
  // The most overdue cards first, more only if too few of them are in the packs studied: once a
  // session's worth are, or every due card is read, the queue is the one reading them all would give.
  for (let dueLimit = FIRST_DUE_LIMIT; ; dueLimit *= 4) {
    const [packs, state] = await Promise.all([reads.columns, dueLimit === FIRST_DUE_LIMIT ? reads.due : loadDueState(database(), now, dueLimit)]);
    const dueQuestions = dueCandidates(packs, state.due);
    if (!state.dueComplete && dueQuestions.length < SESSION_MAX_ITEMS) continue;
    const limits = { limits: settings, reviewedToday: state.reviewedToday, introducedToday: state.introducedToday, maxItems: SESSION_MAX_ITEMS };
    // Which questions were never answered (20,000 ids) is read only when the reviews leave room for new ones.
    const candidates = sessionRoom(limits, dueQuestions.length).newQuestions > 0 ? studyCandidates(packs, state.due, await loadAnsweredQuestions(database())) : dueQuestions;
    return buildQueue({ ...limits, candidates, due: state.due, seed: now.getTime() % 2 ** 31 });
  }
}
