import { isDue, type Card } from './scheduling';

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
  /** Card keys of every question answered at least once. */
  seen: ReadonlySet<string>;
  /** Cards due now, each with a number that orders them most overdue first (a due time, or a rank). */
  due: ReadonlyMap<string, number>;
}

export function indexProgress(cards: Iterable<[string, Pick<Card, 'due' | 'state'>]>, now: Date): ProgressIndex {
  const seen = new Set<string>();
  const due = new Map<string, number>();
  for (const [key, card] of cards) {
    seen.add(key);
    if (isDue(card, now)) due.set(key, card.due.getTime());
  }
  return { seen, due };
}

export interface QueueInput {
  /** Questions of the enabled packs, in authored order. Anything else is not studied (its history stays). */
  questions: readonly QuestionRef[];
  progress: ProgressIndex;
  limits: DailyLimits;
  reviewedToday: number;
  introducedToday: number;
  seed: number;
  /** At most this many items: the rest of the day's reviews and new questions wait for the next session. */
  maxItems?: number;
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
  const { questions, progress, limits } = input;
  const due: (QuestionRef & { due: number })[] = [];
  const unseen: QuestionRef[] = [];
  for (const question of questions) {
    const key = cardKey(question.packId, question.questionId);
    const dueOrder = progress.due.get(key);
    if (dueOrder !== undefined) due.push({ ...question, due: dueOrder });
    else if (!progress.seen.has(key)) unseen.push(question);
  }
  due.sort((a, b) => a.due - b.due);
  const maxItems = input.maxItems ?? Number.POSITIVE_INFINITY;
  const reviewRoom = Math.min(maxItems, Math.max(0, limits.maxReviewsPerDay - input.reviewedToday));
  const newRoom = Math.min(maxItems - Math.min(reviewRoom, due.length), Math.max(0, limits.newPerDay - input.introducedToday));
  const random = seededRandom(input.seed);
  return [
    ...interleave(due.slice(0, reviewRoom), random).map((item) => toItem(item, 'review')),
    ...interleave(unseen, random)
      .slice(0, newRoom)
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

/** Questions the candidate has never answered: what is left to see before the exam. */
export function countUnseen(questions: readonly QuestionRef[], seen: ReadonlySet<string>): number {
  return questions.filter((question) => !seen.has(cardKey(question.packId, question.questionId))).length;
}
