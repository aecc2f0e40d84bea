import { describe, expect, it } from 'vitest';
import { buildQueue, dueCandidates, rankDue, sessionRoom, studyCandidates, type QuestionRef, type QueueInput } from '../../../src/domain/queue';
import { toFactColumns } from '../../../src/domain/content/facts';

function questions(packId: string, principles: string[], perPrinciple: number): QuestionRef[] {
  return principles.flatMap((principleId) =>
    Array.from({ length: perPrinciple }, (_, index) => ({ packId, questionId: `${principleId}-${index + 1}`, principleId })),
  );
}

/** Packs as listings hold them: question ids and principles in columns. */
function packsOf(all: readonly QuestionRef[]) {
  return [...new Set(all.map((question) => question.packId))].map((packId) => {
    const own = all.filter((question) => question.packId === packId);
    return { packId, facts: toFactColumns(own.map((question) => ({ id: question.questionId, principles: [question.principleId], area: 'values-ethics' as const, contentHash: 'h', qualifier: 'BEST' as const, difficulty: 2 as const, answer: 'A' as const }))) };
  });
}

/** The ids answered, by pack, as the answered rows hold them. */
function answeredOf(keys: readonly (readonly [string, string])[]): Map<string, Set<string>> {
  const answered = new Map<string, Set<string>>();
  for (const [packId, questionId] of keys) answered.set(packId, (answered.get(packId) ?? new Set()).add(questionId));
  return answered;
}

/**
 * A session's input from the packs, the due keys most overdue first (as the due index returns them)
 * and the questions ever answered, through the same candidates a study session plans from.
 */
function input(all: readonly QuestionRef[], dueKeys: [string, string][], answered: [string, string][], overrides: Partial<QueueInput> = {}): QueueInput {
  const due = rankDue(dueKeys);
  return {
    candidates: studyCandidates(packsOf(all), due, answeredOf([...answered, ...dueKeys])),
    due,
    limits: { newPerDay: 20, maxReviewsPerDay: 200 },
    reviewedToday: 0,
    introducedToday: 0,
    seed: 7,
    ...overrides,
  };
}

describe('building a study queue', () => {
  it('puts due reviews first, most overdue first, then new questions', () => {
    const all = questions('p', ['trust'], 4);
    expect(buildQueue(input(all, [['p', 'trust-2'], ['p', 'trust-1']], [['p', 'trust-3']]))).toEqual([
      { packId: 'p', questionId: 'trust-2', kind: 'review' },
      { packId: 'p', questionId: 'trust-1', kind: 'review' },
      { packId: 'p', questionId: 'trust-4', kind: 'new' },
    ]);
  });

  it('keeps to what is left of the daily limits', () => {
    const all = questions('p', ['a', 'b'], 10);
    const due = all.slice(0, 6).map((question): [string, string] => [question.packId, question.questionId]);
    const queue = buildQueue(input(all, due, [], { limits: { newPerDay: 5, maxReviewsPerDay: 4 }, reviewedToday: 1, introducedToday: 2 }));
    expect(queue.filter((item) => item.kind === 'review')).toHaveLength(3);
    expect(queue.filter((item) => item.kind === 'new')).toHaveLength(3);
    const spent = buildQueue(input(all, due, [], { limits: { newPerDay: 5, maxReviewsPerDay: 4 }, reviewedToday: 9, introducedToday: 9 }));
    expect(spent).toEqual([]);
  });

  it('keeps a session to its length, the most overdue reviews first, and new questions only where room is left', () => {
    const all = questions('p', ['a', 'b'], 10);
    // a-6 the most overdue, then a-5, … a-1.
    const due = all
      .slice(0, 6)
      .reverse()
      .map((question): [string, string] => [question.packId, question.questionId]);
    const short = buildQueue(input(all, due, [], { maxItems: 4 }));
    expect(short).toHaveLength(4);
    expect(short.every((item) => item.kind === 'review')).toBe(true);
    expect(short.map((item) => item.questionId).sort()).toEqual(['a-3', 'a-4', 'a-5', 'a-6']);
    const roomy = buildQueue(input(all, due, [], { maxItems: 9 }));
    expect(roomy.filter((item) => item.kind === 'review')).toHaveLength(6);
    expect(roomy.filter((item) => item.kind === 'new')).toHaveLength(3);
  });

  it('interleaves principles and packs instead of running through one at a time', () => {
    const all = [...questions('p1', ['a', 'b', 'c'], 3), ...questions('p2', ['a'], 3)];
    const queue = buildQueue(input(all, [], []));
    expect(queue).toHaveLength(12);
    const groups = queue.map((item) => `${item.packId}:${item.questionId.split('-')[0]}`);
    for (let index = 1; index < groups.length; index++) expect(groups[index]).not.toBe(groups[index - 1]);
    // Within one principle the authored order holds.
    const a = queue.filter((item) => item.packId === 'p1' && item.questionId.startsWith('a-')).map((item) => item.questionId);
    expect(a).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it('gives the same order for the same seed, and another order for another seed', () => {
    const all = questions('p', ['a', 'b', 'c', 'd', 'e'], 2);
    const order = (seed: number) => buildQueue(input(all, [], [], { seed })).map((item) => item.questionId).join();
    expect(order(1)).toBe(order(1));
    expect(new Set([1, 2, 3, 4, 5].map(order)).size).toBeGreaterThan(1);
  });

  it('leaves out cards of questions that are no longer in any enabled pack', () => {
    const all = questions('p', ['a'], 3);
    expect(buildQueue(input(all, [['gone', 'old-1']], [['p', 'a-1']])).map((item) => item.questionId)).toEqual(['a-2', 'a-3']);
  });

  it('asks only due questions when the reviews leave no room, without reading which were ever answered', () => {
    const all = [...questions('p1', ['a', 'b', 'c'], 6), ...questions('p2', ['a', 'd'], 5)];
    const dueKeys: [string, string][] = [['p2', 'd-2'], ['p1', 'b-1'], ['p1', 'a-4'], ['p2', 'a-1'], ['p1', 'c-6']];
    const due = rankDue(dueKeys);
    const key = (question: { packId: string; questionId: string }) => `${question.packId}/${question.questionId}`;
    // In authored order, pack by pack.
    expect(dueCandidates(packsOf(all), due).map(key)).toEqual(['p1/a-4', 'p1/b-1', 'p1/c-6', 'p2/a-1', 'p2/d-2']);
    const full = input(all, dueKeys, [['p1', 'a-1']], { maxItems: 5 });
    expect(sessionRoom(full, 5)).toEqual({ reviews: 5, newQuestions: 0 });
    const queue = buildQueue({ ...full, candidates: dueCandidates(packsOf(all), due) });
    expect(queue).toEqual(buildQueue(full));
    expect(queue.map(key).sort()).toEqual(dueKeys.map(([packId, questionId]) => `${packId}/${questionId}`).sort());
    // With room, the new questions are what the answered ones leave.
    expect(sessionRoom({ ...full, maxItems: 12 }, 5)).toEqual({ reviews: 12, newQuestions: 7 });
    expect(buildQueue({ ...full, maxItems: 12 }).filter((item) => item.kind === 'new').map(key)).not.toContain('p1/a-1');
  });

  it('leaves room for new questions only within the session and today’s new-question limit', () => {
    const session = { limits: { newPerDay: 20, maxReviewsPerDay: 200 }, reviewedToday: 0, introducedToday: 0, maxItems: 200 };
    expect(sessionRoom(session, 3_600)).toEqual({ reviews: 200, newQuestions: 0 });
    expect(sessionRoom(session, 190)).toEqual({ reviews: 200, newQuestions: 10 });
    expect(sessionRoom({ ...session, reviewedToday: 150 }, 3_600)).toEqual({ reviews: 50, newQuestions: 20 });
    expect(sessionRoom({ ...session, introducedToday: 20 }, 0)).toEqual({ reviews: 200, newQuestions: 0 });
  });
});
