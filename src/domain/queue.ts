import { isDue, type Card } from './scheduling';
import { principlesAt, type PackStudyFacts } from './content/facts';

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

/** What the queue needs of the candidate's cards; far smaller to load than the cards themselves. */
export interface ProgressIndex {
  /**
   * Ids of the questions answered at least once, by pack: as stored, with no key to build per question.
   * Left out when a session's reviews leave no room for new questions: then every question counts as seen.
   */
  seen?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Cards due now by pack and question id, each with a number that orders them most overdue first (a due time, or a rank). */
  due: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function indexProgress(cards: Iterable<Pick<Card, 'due' | 'state'> & { packId: string; questionId: string }>, now: Date): ProgressIndex {
  const seen = new Map<string, Set<string>>();
  const due = new Map<string, Map<string, number>>();
  for (const card of cards) {
    seen.set(card.packId, (seen.get(card.packId) ?? new Set<string>()).add(card.questionId));
    if (isDue(card, now)) due.set(card.packId, (due.get(card.packId) ?? new Map<string, number>()).set(card.questionId, card.due.getTime()));
  }
  return { seen, due };
}

/** Due cards' keys ranked most overdue first (as the due index returns them) grouped as ProgressIndex keeps them. */
export function dueByPack(keys: readonly (readonly [string, string])[]): Map<string, Map<string, number>> {
  const due = new Map<string, Map<string, number>>();
  for (const [rank, [packId, questionId]] of keys.entries()) due.set(packId, (due.get(packId) ?? new Map<string, number>()).set(questionId, rank));
  return due;
}

export function hasSeen(progress: Pick<ProgressIndex, 'seen'>, packId: string, questionId: string): boolean {
  return progress.seen ? (progress.seen.get(packId)?.has(questionId) ?? false) : true;
}

/**
 * The questions a study queue can draw on, due or never answered, in authored order: with 20,000
 * questions mostly seen and not due, the rest need no object made for them. Without `seen`, the due ones only.
 */
export function queueCandidates(packs: readonly PackStudyFacts[], progress: ProgressIndex): QuestionRef[] {
  const candidates: QuestionRef[] = [];
  for (const { packId, facts } of packs) {
    const seen = progress.seen ? (progress.seen.get(packId) ?? new Set<string>()) : undefined;
    const due = progress.due.get(packId);
    // A plain loop: this runs once per session over every question, before the JIT has warmed up.
    for (let index = 0; index < facts.ids.length; index++) {
      const questionId = facts.ids[index] as string;
      if (!due?.has(questionId) && (seen === undefined || seen.has(questionId))) continue;
      candidates.push({ packId, questionId, principleId: principlesAt(facts, index)[0] ?? '' });
    }
  }
  return candidates;
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
  /** Questions of the enabled packs, in authored order. Anything else is not studied (its history stays). */
  questions: readonly QuestionRef[];
  progress: ProgressIndex;
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

export function cardKey(packId: string, questionId: string): string {
  return `${packId}/${questionId}`;
}

/**
 * A study session's questions: reviews that are due, most overdue first, then new questions,
 * each group capped by what is left of today's limit and interleaved across principles and packs
 * so that consecutive questions rarely rest on the same idea.
 */
export function buildQueue(input: QueueInput): QueueItem[] {
  const { questions, progress } = input;
  const due: (QuestionRef & { due: number })[] = [];
  const unseen: QuestionRef[] = [];
  for (const question of questions) {
    const dueOrder = progress.due.get(question.packId)?.get(question.questionId);
    if (dueOrder !== undefined) due.push({ ...question, due: dueOrder });
    else if (!hasSeen(progress, question.packId, question.questionId)) unseen.push(question);
  }
  due.sort((a, b) => a.due - b.due);
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

export function seededRandom(seed: number): () => number {
  // mulberry32: small, fast and good enough to vary the order of groups.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

