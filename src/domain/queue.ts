import { principlesAt, type PackStudyFacts } from './content/facts';
import { seededRandom, shuffle } from './random';

export interface QuestionRef {
  packId: string;
  questionId: string;
  /** The question's first principle: the unit the queue interleaves across. */
  principleId: string;
}

export interface QueueItem {
  packId: string;
  questionId: string;
  kind: 'review' | 'new';
}

export interface DailyLimits {
  newPerDay: number;
  maxReviewsPerDay: number;
}

/**
 * The cards due now, by pack and question id, each with its rank: 0 is the most overdue. Ranks,
 * not due dates: the database's due index hands out keys in that order, with no dates to read.
 */
export type DueRanks = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Ids of the questions answered at least once, by pack. */
export type AnsweredIds = ReadonlyMap<string, ReadonlySet<string>>;

/** Due cards' keys, most overdue first (as the due index returns them), ranked by pack and question. */
export function rankDue(keys: readonly (readonly [string, string])[]): Map<string, Map<string, number>> {
  const due = new Map<string, Map<string, number>>();
  for (const [rank, [packId, questionId]] of keys.entries()) due.set(packId, (due.get(packId) ?? new Map<string, number>()).set(questionId, rank));
  return due;
}

/** The due questions of these packs, in authored order: a session whose reviews leave no room for new questions asks only these. */
export function dueCandidates(packs: readonly PackStudyFacts[], due: DueRanks): QuestionRef[] {
  return candidates(packs, due, undefined);
}

/**
 * The questions a study session can draw on, due or never answered, in authored order: with
 * 20,000 questions mostly seen and not due, the rest need no object made for them.
 */
export function studyCandidates(packs: readonly PackStudyFacts[], due: DueRanks, answered: AnsweredIds): QuestionRef[] {
  return candidates(packs, due, answered);
}

function candidates(packs: readonly PackStudyFacts[], due: DueRanks, answered: AnsweredIds | undefined): QuestionRef[] {
  const found: QuestionRef[] = [];
  for (const { packId, facts } of packs) {
    const dueHere = due.get(packId);
    const answeredHere = answered?.get(packId);
    // A plain loop: this runs once per session over every question, before the JIT has warmed up.
    for (let index = 0; index < facts.ids.length; index++) {
      const questionId = facts.ids[index] as string;
      const unseen = answered !== undefined && !answeredHere?.has(questionId);
      if (!unseen && !dueHere?.has(questionId)) continue;
      found.push({ packId, questionId, principleId: principlesAt(facts, index)[0] ?? '' });
    }
  }
  return found;
}

/** What bounds a session's length: today's limits, what is spent of them, and the session's own cap. */
export interface SessionLimits {
  limits: DailyLimits;
  reviewedToday: number;
  introducedToday: number;
  /** At most this many items: the rest of the day's reviews and new questions wait for the next session. */
  maxItems?: number;
}

export interface QueueInput extends SessionLimits {
  /** The questions a session may ask, in authored order, from `dueCandidates` or `studyCandidates`: each due or never answered. */
  candidates: readonly QuestionRef[];
  due: DueRanks;
  seed: number;
}

/** How many due reviews and new questions a session takes, with `dueCount` reviews due. */
export function sessionRoom(session: SessionLimits, dueCount: number): { reviews: number; newQuestions: number } {
  const { limits, maxItems = Number.POSITIVE_INFINITY } = session;
  const reviews = Math.min(maxItems, Math.max(0, limits.maxReviewsPerDay - session.reviewedToday));
  const newQuestions = Math.min(maxItems - Math.min(reviews, dueCount), Math.max(0, limits.newPerDay - session.introducedToday));
  return { reviews, newQuestions };
}

/**
 * A session's length at most. Candidates study in short sittings, and a session's every answer
 * rewrites its queue: a day of 3,000 due reviews comes as sessions of this size, most overdue first.
 */
export const SESSION_MAX_ITEMS = 200;

/** Question ids grouped by their pack, each group in the order given. */
export function questionIdsByPack(items: Iterable<{ packId: string; questionId: string }>): Map<string, string[]> {
  const byPack = new Map<string, string[]>();
  for (const { packId, questionId } of items) {
    const ids = byPack.get(packId);
    if (ids) ids.push(questionId);
    else byPack.set(packId, [questionId]);
  }
  return byPack;
}

/**
 * A study session's questions: reviews that are due, most overdue first, then new questions,
 * each group capped by what is left of today's limit and interleaved across principles and packs
 * so that consecutive questions rarely rest on the same idea.
 */
export function buildQueue(input: QueueInput): QueueItem[] {
  const due: (QuestionRef & { rank: number })[] = [];
  const unseen: QuestionRef[] = [];
  for (const question of input.candidates) {
    const rank = input.due.get(question.packId)?.get(question.questionId);
    if (rank !== undefined) due.push({ ...question, rank });
    else unseen.push(question);
  }
  due.sort((a, b) => a.rank - b.rank);
  const room = sessionRoom(input, due.length);
  const random = seededRandom(input.seed);
  return [
    ...interleave(due.slice(0, room.reviews), random).map((item) => toItem(item, 'review')),
    ...interleave(unseen, random)
      .slice(0, room.newQuestions)
      .map((item) => toItem(item, 'new')),
  ];
}

function toItem(question: QuestionRef, kind: QueueItem['kind']): QueueItem {
  return { packId: question.packId, questionId: question.questionId, kind };
}

/** Round-robin over (pack, principle) groups in a seeded order, keeping each group's own order. */
export function interleave<T extends QuestionRef>(items: readonly T[], random: () => number): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = `${item.packId}\u0000${item.principleId}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const order = shuffle([...groups.values()], random);
  const result: T[] = [];
  for (let round = 0; result.length < items.length; round++) {
    for (const group of order) {
      const item = group[round];
      if (item) result.push(item);
    }
  }
  return result;
}

