import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  continueCard,
  describeMerge,
  mergePackChoices,
  mergeProgress,
  mergeSettings,
  planMerge,
  replayCard,
  type ProgressSnapshot,
  type SharedReview,
  type SyncedSettings,
} from '../../../src/domain/merge';
import { newCard, schedule } from '../../../src/domain/scheduling';
import { legacyReviewUid } from '../../../src/domain/uids';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { attemptOf, historyAnswer, logOf, syncedSettings } from '../../fixtures/progress';

const DEVICES = 3;

/** Three devices' progress over one shared random history. */
const devices = fc
  .record({
    answers: fc.array(historyAnswer, { maxLength: 40 }),
    attempts: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 5 }),
    settings: fc.array(fc.option(syncedSettings, { nil: undefined, freq: 5 }), { minLength: DEVICES, maxLength: DEVICES }),
  })
  .map(({ answers, attempts, settings }) => {
    const log = logOf(answers);
    return Array.from({ length: DEVICES }, (_, device): ProgressSnapshot => {
      const bit = 1 << device;
      return {
        log: log.filter((entry) => entry.heldBy & bit && !(entry.deletedBy & bit)).map(({ heldBy: _h, deletedBy: _d, ...entry }) => entry),
        deleted: log.filter((entry) => entry.deletedBy & bit).map((entry) => entry.uid),
        examAttempts: attempts.flatMap((heldBy, index) => (heldBy & bit ? [attemptOf(index)] : [])),
        settings: settings[device],
      };
    });
  });

/** A device's state after applying the plan of merging `incoming` into it, as the database does. */
function applyPlan(local: ProgressSnapshot, incoming: ProgressSnapshot): ProgressSnapshot {
  const settings = local.settings ?? DEFAULT_SETTINGS;
  const plan = planMerge(
    { uids: new Set(local.log.map((entry) => entry.uid)), deleted: new Set(local.deleted), attemptUids: new Set(local.examAttempts.map((attempt) => attempt.uid)), settings },
    incoming,
  );
  const removed = new Set(plan.remove);
  return {
    log: [...local.log.filter((entry) => !removed.has(entry.uid)), ...plan.add],
    deleted: [...local.deleted, ...plan.deleted],
    examAttempts: [...local.examAttempts, ...plan.examAttempts],
    settings: plan.settings?.value ?? settings,
  };
}

const RUNS = { numRuns: 200 };

describe('merging progress from another device', () => {
  it('is commutative: A into B and B into A give the same progress', () => {
    fc.assert(
      fc.property(devices, ([a, b]) => {
        expect(mergeProgress(a!, b!)).toEqual(mergeProgress(b!, a!));
      }),
      RUNS,
    );
  });

  it('is associative: three devices merged in any grouping agree', () => {
    fc.assert(
      fc.property(devices, ([a, b, c]) => {
        expect(mergeProgress(mergeProgress(a!, b!), c!)).toEqual(mergeProgress(a!, mergeProgress(b!, c!)));
      }),
      RUNS,
    );
  });

  it('is idempotent: merging again, or merging either side again, changes nothing', () => {
    fc.assert(
      fc.property(devices, ([a, b]) => {
        const merged = mergeProgress(a!, b!);
        expect(mergeProgress(merged, merged)).toEqual(merged);
        expect(mergeProgress(merged, a!)).toEqual(merged);
        expect(mergeProgress(merged, b!)).toEqual(merged);
      }),
      RUNS,
    );
  });

  it('counts an answer held by both devices once, and never brings back one deleted on either', () => {
    fc.assert(
      fc.property(devices, ([a, b]) => {
        const merged = mergeProgress(a!, b!);
        const uids = merged.log.map((entry) => entry.uid);
        expect(new Set(uids).size).toBe(uids.length);
        const deleted = new Set([...a!.deleted, ...b!.deleted]);
        expect(uids.filter((uid) => deleted.has(uid))).toEqual([]);
        const held = new Set([...a!.log, ...b!.log].map((entry) => entry.uid));
        expect(new Set(uids)).toEqual(new Set([...held].filter((uid) => !deleted.has(uid))));
      }),
      RUNS,
    );
  });

  it('plans the changes that make a device equal to the merge, and every card a replay of its merged log in time order', () => {
    fc.assert(
      fc.property(devices, ([a, b]) => {
        const expected = mergeProgress(a!, b!);
        expect(normalized(applyPlan(a!, b!))).toEqual({ ...expected, settings: mergeSettings(a!.settings ?? DEFAULT_SETTINGS, b!.settings) });
        // The same cards whichever device merged into which.
        const cards = (snapshot: ProgressSnapshot) => byQuestion(snapshot.log).map((entries) => replayCard(entries));
        expect(cards(applyPlan(a!, b!))).toEqual(cards(applyPlan(b!, a!)));
      }),
      RUNS,
    );
  });
});

/** A device's progress in the merge's canonical order. */
function normalized(snapshot: ProgressSnapshot): ProgressSnapshot {
  const byUid = (x: { uid: string }, y: { uid: string }) => (x.uid < y.uid ? -1 : 1);
  return {
    log: [...snapshot.log].sort(byUid),
    deleted: [...new Set(snapshot.deleted)].sort(),
    examAttempts: [...snapshot.examAttempts].sort(byUid),
    settings: mergeSettings(snapshot.settings, snapshot.settings),
  };
}

function byQuestion(log: readonly SharedReview[]): SharedReview[][] {
  const groups = new Map<string, SharedReview[]>();
  for (const entry of log) {
    const key = `${entry.packId}\u0000${entry.questionId}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.keys()].sort().map((key) => groups.get(key) ?? []);
}

describe('replaying a card', () => {
  it('gives the card that answering one after another gave', () => {
    fc.assert(
      fc.property(fc.array(historyAnswer, { minLength: 1, maxLength: 20 }), (answers) => {
        const log = logOf(answers.map((answer) => ({ ...answer, question: 0 })));
        let card = newCard(log[0]!.review);
        for (const entry of log) card = schedule(card, entry.rating as 1 | 2 | 3 | 4, entry.review, entry).card;
        expect(replayCard(log)).toEqual({ ...card, packId: 'p1', questionId: 'q1', contentHash: 'h0', lastCorrect: log.at(-1)!.correct });
      }),
      RUNS,
    );
  });

  it('carries a card on from later answers to the card a replay of the whole log gives', () => {
    fc.assert(
      fc.property(fc.array(historyAnswer, { minLength: 2, maxLength: 20 }), fc.nat(), (answers, cut) => {
        const log = logOf(answers.map((answer) => ({ ...answer, question: 0 })));
        const split = 1 + (cut % (log.length - 1));
        const earlier = log.slice(0, split);
        const later = log.slice(split);
        const carried = continueCard(replayCard(earlier)!, later);
        // Carried on only when every later answer is strictly after the card's last review.
        if (later[0]!.review.getTime() > earlier.at(-1)!.review.getTime()) expect(carried).toEqual(replayCard(log));
        else expect(carried).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('leaves no card when every answer is gone', () => {
    expect(replayCard([])).toBeUndefined();
  });
});

describe('settings and pack choices', () => {
  const base: SyncedSettings = { desiredRetention: 0.9, newPerDay: 20, maxReviewsPerDay: 200, examDate: undefined, theme: 'system' };

  it('takes the newer value of each field', () => {
    const phone = { ...base, newPerDay: 10, examDate: '2026-06-01', changedAt: { newPerDay: 5, examDate: 1 } };
    const laptop = { ...base, newPerDay: 30, examDate: '2026-07-01', changedAt: { newPerDay: 2, examDate: 9 } };
    expect(mergeSettings(phone, laptop)).toMatchObject({ newPerDay: 10, examDate: '2026-07-01', changedAt: { newPerDay: 5, examDate: 9 } });
  });

  it('keeps the pack choice made last', () => {
    const merged = mergePackChoices([{ packId: 'a', enabled: false, changedAt: 5 }], [
      { packId: 'a', enabled: true, changedAt: 3 },
      { packId: 'b', enabled: false, changedAt: 1 },
    ]);
    expect(merged).toEqual([
      { packId: 'a', enabled: false, changedAt: 5 },
      { packId: 'b', enabled: false, changedAt: 1 },
    ]);
  });

  it('merges any settings commutatively and associatively', () => {
    fc.assert(
      fc.property(syncedSettings, syncedSettings, syncedSettings, (a, b, c) => {
        expect(mergeSettings(a, b)).toEqual(mergeSettings(b, a));
        expect(mergeSettings(mergeSettings(a, b), c)).toEqual(mergeSettings(a, mergeSettings(b, c)));
      }),
      RUNS,
    );
  });
});

describe('ids and summaries', () => {
  it('gives an old entry the same id on every device, and different questions different ids', () => {
    const review = new Date('2025-03-01T10:00:00Z');
    expect(legacyReviewUid({ packId: 'p', questionId: 'q1', review })).toBe(legacyReviewUid({ packId: 'p', questionId: 'q1', review: new Date(review) }));
    expect(legacyReviewUid({ packId: 'p', questionId: 'q1', review })).not.toBe(legacyReviewUid({ packId: 'p', questionId: 'q2', review }));
    expect(legacyReviewUid({ packId: 'p', questionId: 'q1', review })).not.toBe(legacyReviewUid({ packId: 'p', questionId: 'q1', review: new Date(review.getTime() + 1) }));
  });

  it('says what changed in plain words', () => {
    expect(describeMerge({ answersAdded: 312, answersRemoved: 0, examsAdded: 0, settingsTaken: [], dueToday: 41 })).toBe('312 answers added from the other device; 41 questions now due today.');
    expect(describeMerge({ answersAdded: 1, answersRemoved: 2, examsAdded: 1, settingsTaken: ['examDate'], dueToday: 1 })).toBe(
      '1 answer added from the other device; 2 answers removed, as the other device had taken them back or erased them; 1 exam added to your exam history; newer settings taken from the other device: exam date; 1 question now due today.',
    );
    expect(describeMerge({ answersAdded: 0, answersRemoved: 0, examsAdded: 0, settingsTaken: [], dueToday: 3 })).toBe('Nothing new: this device already had everything from the other device.');
  });
});
