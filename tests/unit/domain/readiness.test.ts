import { describe, expect, it } from 'vitest';
import type { ContentArea } from '../../../src/domain/content';
import { chanceRight, estimateReadiness, memoryShift, type BankItem, type FirstAnswer, type ReadinessBlueprint, type ReviewOutcome, type SeenItem } from '../../../src/domain/readiness';
import { CALIBRATION_BLUEPRINT, simulateCalibration } from '../../../src/domain/readinessSimulation';
import { newCard, recallProbability, schedule } from '../../../src/domain/scheduling';

const now = new Date(2026, 10, 20, 9);
const DAY = 86_400_000;
const AREAS: ContentArea[] = ['values-ethics', 'assessment-planning', 'intervention-practice', 'development-diversity'];

const fourArea: ReadinessBlueprint = {
  id: 'four',
  title: 'Four areas',
  outline: 'four-area',
  items: 100,
  scoredItems: 80,
  passPercent: 70,
  weights: { 'values-ethics': 25, 'assessment-planning': 25, 'intervention-practice': 25, 'development-diversity': 25 },
};

function bankOf(perArea: number, areas: ContentArea[] = AREAS): BankItem[] {
  return areas.flatMap((area) => Array.from({ length: perArea }, (_, index) => ({ key: `p/${area}-${index}`, area })));
}

/** `right` of `total` first answers in each area, given yesterday. */
function firstAnswers(right: number, total: number, areas: ContentArea[] = AREAS): FirstAnswer[] {
  return areas.flatMap((area) => Array.from({ length: total }, (_, index) => ({ area, correct: index < right, at: new Date(now.getTime() - DAY) })));
}

describe('readiness: when it appears', () => {
  it('waits for enough first answers, and says which areas are short', () => {
    const answers = [...firstAnswers(3, 12, ['values-ethics', 'assessment-planning', 'intervention-practice']), ...firstAnswers(1, 2, ['development-diversity'])];
    const readiness = estimateReadiness({ blueprint: fourArea, bank: bankOf(30), seen: new Map(), firstAnswers: answers, reviews: [], now });
    expect(readiness).toMatchObject({ status: 'not-enough', firstAnswers: { have: 38, need: 40 }, missing: [] });
    expect(readiness.status === 'not-enough' && readiness.domains).toEqual([
      { domain: 'development-diversity', label: 'Human development, diversity and behaviour in the environment', have: 2, need: 5 },
    ]);
  });

  it('names the areas the enabled packs have no question in', () => {
    const readiness = estimateReadiness({ blueprint: fourArea, bank: bankOf(30, ['values-ethics', 'assessment-planning']), seen: new Map(), firstAnswers: firstAnswers(6, 12), reviews: [], now });
    expect(readiness.status === 'not-enough' && readiness.missing).toEqual(['Intervention and practice', 'Human development, diversity and behaviour in the environment']);
  });

  it('counts first answers by the format’s own domains under the three-domain outline', () => {
    const threeDomain: ReadinessBlueprint = { ...fourArea, outline: 'three-domain', weights: { 'values-ethics': 34, 'assessment-planning': 33, 'intervention-practice': 33 } };
    const answers = firstAnswers(7, 14, ['values-ethics', 'intervention-practice', 'development-diversity']);
    // Development and diversity counts towards assessment and planning in the three-domain outline.
    expect(estimateReadiness({ blueprint: threeDomain, bank: bankOf(30), seen: new Map(), firstAnswers: answers, reviews: [], now }).status).toBe('ready');
  });
});

describe('readiness: the estimate', () => {
  it('expects first-answer accuracy on questions not yet seen, with an interval around it', () => {
    const readiness = estimateReadiness({ blueprint: fourArea, bank: bankOf(100), seen: new Map(), firstAnswers: firstAnswers(30, 50), reviews: [], now });
    if (readiness.status !== 'ready') throw new Error('expected an estimate');
    expect(readiness.expected).toBeCloseTo(60, 0);
    expect(readiness.low).toBeLessThan(57);
    expect(readiness.high).toBeGreaterThan(63);
    expect(readiness.high - readiness.low).toBeLessThan(25);
    expect(readiness.formItems).toBe(80);
    expect(readiness.basis).toMatchObject({ seen: 0, bank: 400, firstAnswers: 200, reviews: 0 });
  });

  it('narrows the interval as the first answers grow', () => {
    const width = (answers: number) => {
      const readiness = estimateReadiness({ blueprint: fourArea, bank: bankOf(100), seen: new Map(), firstAnswers: firstAnswers(answers * 0.6, answers), reviews: [], now });
      return readiness.status === 'ready' ? readiness.high - readiness.low : Number.NaN;
    };
    expect(width(10)).toBeGreaterThan(width(80));
  });

  it('allows a question half forgotten the chance of a guess among its options', () => {
    expect(chanceRight(0, 3)).toBeCloseTo(1 / 3);
    expect(chanceRight(0, 4)).toBeCloseTo(1 / 4);
    expect(chanceRight(1, 3)).toBe(1);
    const bank = bankOf(20);
    const long = new Date(now.getTime() - 400 * DAY);
    const { card } = schedule(newCard(long), 1, long, { desiredRetention: 0.9 });
    const recall = recallProbability(card, now);
    expect(recall).toBeLessThan(0.5);
    const estimate = (options: number) => {
      const seen = new Map<string, SeenItem>(bank.map((item) => [item.key, { card, options }]));
      const readiness = estimateReadiness({ blueprint: fourArea, bank, seen, firstAnswers: firstAnswers(10, 12), reviews: [], now });
      return readiness.status === 'ready' ? readiness.expected : Number.NaN;
    };
    expect(estimate(3)).toBeCloseTo(chanceRight(recall, 3) * 100, 5);
    expect(estimate(4)).toBeCloseTo(chanceRight(recall, 4) * 100, 5);
    expect(estimate(3)).toBeGreaterThan(estimate(4));
  });

  it('expects a question answered right yesterday to be answered right again, mostly', () => {
    const bank = bankOf(20);
    const yesterday = new Date(now.getTime() - DAY);
    const { card } = schedule(newCard(yesterday), 3, yesterday, { desiredRetention: 0.9 });
    const seen = new Map<string, SeenItem>(bank.map((item) => [item.key, { card, options: 3 }]));
    const readiness = estimateReadiness({ blueprint: fourArea, bank, seen, firstAnswers: firstAnswers(6, 12), reviews: [], now });
    expect(readiness.status === 'ready' && readiness.expected).toBeGreaterThan(90);
  });

  it('names the areas pulling the estimate down, the costliest first', () => {
    const answers = [
      ...firstAnswers(45, 50, ['values-ethics', 'assessment-planning']),
      ...firstAnswers(30, 50, ['intervention-practice']),
      ...firstAnswers(20, 50, ['development-diversity']),
    ];
    const readiness = estimateReadiness({ blueprint: fourArea, bank: bankOf(100), seen: new Map(), firstAnswers: answers, reviews: [], now });
    if (readiness.status !== 'ready') throw new Error('expected an estimate');
    expect(readiness.pullingDown.map((domain) => domain.domain)).toEqual(['development-diversity', 'intervention-practice']);
    expect(readiness.pullingDown[0]?.shortfall).toBeGreaterThan(readiness.pullingDown[1]?.shortfall ?? 0);
  });

  it('lets recent first answers count more than old ones', () => {
    const old = AREAS.flatMap((area) => Array.from({ length: 40 }, () => ({ area, correct: false, at: new Date(now.getTime() - 120 * DAY) })));
    const recent = AREAS.flatMap((area) => Array.from({ length: 40 }, () => ({ area, correct: true, at: new Date(now.getTime() - DAY) })));
    const readiness = estimateReadiness({ blueprint: fourArea, bank: bankOf(100), seen: new Map(), firstAnswers: [...old, ...recent], reviews: [], now });
    expect(readiness.status === 'ready' && readiness.expected).toBeGreaterThan(85);
  });
});

describe('readiness: checking the memory model against the candidate', () => {
  const reviews = (count: number, correctShare: number, retrievability = 0.85): ReviewOutcome[] =>
    Array.from({ length: count }, (_, index) => ({ retrievability, answersBefore: 2, options: 4, correct: index < count * correctShare }));

  it('moves the model towards how the candidate’s reviews went, the more the surer', () => {
    expect(memoryShift([]).shift).toBe(0);
    const better = memoryShift(reviews(400, 0.99));
    const worse = memoryShift(reviews(400, 0.7));
    expect(better.shift).toBeGreaterThan(0.5);
    expect(worse.shift).toBeLessThan(-0.5);
    expect(memoryShift(reviews(40, 0.7)).se).toBeGreaterThan(worse.se);
  });
});

describe('readiness: calibration against simulated candidates (small scale; npm run readiness:calibrate runs the large one)', () => {
  it('misses the score on a drawn form by at most 5 points on average, and its 80% interval holds about 80% of the scores', () => {
    const { summary, checks } = simulateCalibration({ candidates: 30, seed: 1 });
    expect(checks.length).toBeGreaterThan(100);
    expect(summary.meanAbsoluteError).toBeLessThanOrEqual(5);
    // 170 checkpoints of 30 candidates: the large run holds coverage to 75–85%; this one allows for its smaller sample.
    expect(summary.coverage).toBeGreaterThanOrEqual(0.7);
    expect(summary.coverage).toBeLessThanOrEqual(0.9);
    expect(Math.abs(summary.bias)).toBeLessThan(2);
  }, 120_000);

  it('is stated for the 170-item Clinical format', () => {
    expect(CALIBRATION_BLUEPRINT).toMatchObject({ items: 170, scoredItems: 150, outline: 'four-area' });
  });
});
