import { describe, expect, it } from 'vitest';
import { buildQueue, indexProgress, queueCandidates, sessionRoom, type QuestionRef, type QueueInput } from '../../../src/domain/queue';
import { toFactColumns } from '../../../src/domain/content/facts';
import { State } from '../../../src/domain/scheduling';

const NOW = new Date(2026, 10, 2, 9, 0, 0);
const HOUR = 3_600_000;

function questions(packId: string, principles: string[], perPrinciple: number): QuestionRef[] {
  return principles.flatMap((principleId) =>
    Array.from({ length: perPrinciple }, (_, index) => ({ packId, questionId: `${principleId}-${index + 1}`, principleId })),
  );
}

function input(overrides: Partial<QueueInput>): QueueInput {
  return {
    questions: [],
    progress: indexProgress([], NOW),
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
    const cards = [
      { packId: 'p', questionId: 'trust-1', due: new Date(NOW.getTime() - HOUR), state: State.Review },
      { packId: 'p', questionId: 'trust-2', due: new Date(NOW.getTime() - 5 * HOUR), state: State.Review },
      { packId: 'p', questionId: 'trust-3', due: new Date(NOW.getTime() + HOUR), state: State.Review },
    ];
    expect(buildQueue(input({ questions: all, progress: indexProgress(cards, NOW) }))).toEqual([
      { packId: 'p', questionId: 'trust-2', kind: 'review' },
      { packId: 'p', questionId: 'trust-1', kind: 'review' },
      { packId: 'p', questionId: 'trust-4', kind: 'new' },
    ]);
  });

  it('keeps to what is left of the daily limits', () => {
    const all = questions('p', ['a', 'b'], 10);
    const cards = all.slice(0, 6).map((q) => ({ ...q, due: new Date(NOW.getTime() - HOUR), state: State.Review }));
    const queue = buildQueue(input({ questions: all, progress: indexProgress(cards, NOW), limits: { newPerDay: 5, maxReviewsPerDay: 4 }, reviewedToday: 1, introducedToday: 2 }));
    expect(queue.filter((item) => item.kind === 'review')).toHaveLength(3);
    expect(queue.filter((item) => item.kind === 'new')).toHaveLength(3);
    const spent = buildQueue(input({ questions: all, progress: indexProgress(cards, NOW), limits: { newPerDay: 5, maxReviewsPerDay: 4 }, reviewedToday: 9, introducedToday: 9 }));
    expect(spent).toEqual([]);
  });

  it('keeps a session to its length, the most overdue reviews first, and new questions only where room is left', () => {
    const all = questions('p', ['a', 'b'], 10);
    const cards = all.slice(0, 6).map((q, index) => ({ ...q, due: new Date(NOW.getTime() - (index + 1) * HOUR), state: State.Review }));
    const short = buildQueue(input({ questions: all, progress: indexProgress(cards, NOW), maxItems: 4 }));
    expect(short).toHaveLength(4);
    expect(short.every((item) => item.kind === 'review')).toBe(true);
    // The four most overdue: a-3 (3 h) to a-6 (6 h).
    expect(short.map((item) => item.questionId).sort()).toEqual(['a-3', 'a-4', 'a-5', 'a-6']);
    const roomy = buildQueue(input({ questions: all, progress: indexProgress(cards, NOW), maxItems: 9 }));
    expect(roomy.filter((item) => item.kind === 'review')).toHaveLength(6);
    expect(roomy.filter((item) => item.kind === 'new')).toHaveLength(3);
  });

  it('interleaves principles and packs instead of running through one at a time', () => {
    const all = [...questions('p1', ['a', 'b', 'c'], 3), ...questions('p2', ['a'], 3)];
    const queue = buildQueue(input({ questions: all }));
    expect(queue).toHaveLength(12);
    const groups = queue.map((item) => `${item.packId}:${item.questionId.split('-')[0]}`);
    for (let index = 1; index < groups.length; index++) expect(groups[index]).not.toBe(groups[index - 1]);
    // Within one principle the authored order holds.
    const a = queue.filter((item) => item.packId === 'p1' && item.questionId.startsWith('a-')).map((item) => item.questionId);
    expect(a).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it('gives the same order for the same seed, and another order for another seed', () => {
    const all = questions('p', ['a', 'b', 'c', 'd', 'e'], 2);
    const order = (seed: number) => buildQueue(input({ questions: all, seed })).map((item) => item.questionId).join();
    expect(order(1)).toBe(order(1));
    expect(new Set([1, 2, 3, 4, 5].map(order)).size).toBeGreaterThan(1);
  });

  it('leaves out cards of questions that are no longer in any enabled pack', () => {
    const all = questions('p', ['a'], 3);
    const cards = [
      { packId: 'gone', questionId: 'old-1', due: new Date(NOW.getTime() - HOUR), state: State.Review },
      { packId: 'p', questionId: 'a-1', due: new Date(NOW.getTime() + HOUR), state: State.Review },
    ];
    expect(buildQueue(input({ questions: all, progress: indexProgress(cards, NOW) })).map((item) => item.questionId)).toEqual(['a-2', 'a-3']);
  });

  it('builds the same queue from the due and unseen questions alone as from every question', () => {
    const all = [...questions('p1', ['a', 'b', 'c'], 6), ...questions('p2', ['a', 'd'], 5)];
    // Every third question answered; of those, every other one due, at different times.
    const cards = all
      .filter((_, index) => index % 3 === 0)
      .map((question, index) => ({ ...question, due: new Date(NOW.getTime() + (index % 2 === 0 ? -index : index) * HOUR), state: State.Review }));
    const progress = indexProgress(cards, NOW);
    const packs = ['p1', 'p2'].map((packId) => {
      const own = all.filter((question) => question.packId === packId);
      return { packId, facts: toFactColumns(own.map((question) => ({ id: question.questionId, principles: [question.principleId], area: 'values-ethics' as const, contentHash: 'h', qualifier: 'BEST' as const, difficulty: 2 as const, answer: 'A' as const }))) };
    });
    const candidates = queueCandidates(packs, progress);
    expect(candidates.length).toBe(all.length - cards.filter((card) => card.due > NOW).length);
    for (const maxItems of [5, 12, 100]) {
      expect(buildQueue(input({ questions: candidates, progress, maxItems }))).toEqual(buildQueue(input({ questions: all, progress, maxItems })));
    }

    // With no room left for new questions, the due ones alone, read without which were ever answered, make the same queue.
    const dueOnly = { due: progress.due };
    const key = (question: { packId: string; questionId: string }) => `${question.packId}/${question.questionId}`;
    expect(queueCandidates(packs, dueOnly).map(key)).toEqual(cards.filter((card) => card.due <= NOW).map(key));
    const full = input({ questions: candidates, progress, maxItems: 5 });
    expect(sessionRoom(full, 5)).toEqual({ reviews: 5, newQuestions: 0 });
    expect(buildQueue({ ...full, questions: queueCandidates(packs, dueOnly), progress: dueOnly })).toEqual(buildQueue(full));
    // With room, the new questions are what the answered ones leave.
    expect(sessionRoom({ ...full, maxItems: 12 }, 5)).toEqual({ reviews: 12, newQuestions: 7 });
  });

  it('leaves room for new questions only within the session and today’s new-question limit', () => {
    const session = { limits: { newPerDay: 20, maxReviewsPerDay: 200 }, reviewedToday: 0, introducedToday: 0, maxItems: 200 };
    expect(sessionRoom(session, 3_600)).toEqual({ reviews: 200, newQuestions: 0 });
    expect(sessionRoom(session, 190)).toEqual({ reviews: 200, newQuestions: 10 });
    expect(sessionRoom({ ...session, reviewedToday: 150 }, 3_600)).toEqual({ reviews: 50, newQuestions: 20 });
    expect(sessionRoom({ ...session, introducedToday: 20 }, 0)).toEqual({ reviews: 200, newQuestions: 0 });
  });
});
