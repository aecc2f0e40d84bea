import { CONTENT_AREAS, THREE_DOMAINS, type Blueprint, type ContentArea } from './content';
import { domainOf, itemsPerDomain } from './exam';
import { recallProbability, type Card } from './scheduling';

/**
 * Readiness: the score a candidate can expect on a fresh full-length form of an exam format drawn
 * from their enabled packs, with an 80% interval, from their own data alone. docs/readiness.md gives
 * the method and its calibration against simulated candidates (src/domain/readinessSimulation.ts).
 */

export type ReadinessBlueprint = Pick<Blueprint, 'id' | 'title' | 'items' | 'scoredItems' | 'weights' | 'outline' | 'passPercent'>;

/** A question of the enabled packs: what a fresh form may draw. */
export interface BankItem {
  key: string;
  area: ContentArea;
}

/** A question answered before: its memory state now, and how many options it offers a guess. */
export interface SeenItem {
  card: Pick<Card, 'state' | 'stability' | 'last_review' | 'reps'>;
  /** May be fractional: an average that gives the right mean chance of a lucky guess. */
  options: number;
}

/** One past review of a seen question: what the scheduler's memory model gave for it, and what happened. */
export interface ReviewOutcome {
  /** The scheduler's probability of recall for the question at the moment of the review (recallProbability). */
  retrievability: number;
  /** Answers to the question before this one: 1 for its second answer. */
  answersBefore: number;
  options: number;
  correct: boolean;
}

/** The first answer ever given to a question. */
export interface FirstAnswer {
  area: ContentArea;
  correct: boolean;
  /** Local day of the answer, `YYYY-MM-DD`, or a date. */
  at: Date;
}

export interface ReadinessInput {
  blueprint: ReadinessBlueprint;
  bank: readonly BankItem[];
  /** Seen questions by key; those outside the bank are ignored. */
  seen: ReadonlyMap<string, SeenItem>;
  /** Right or wrong at the first answer to each question ever answered. */
  firstAnswers: readonly FirstAnswer[];
  /** Recent reviews of seen questions, to check the memory model against this candidate. */
  reviews: readonly ReviewOutcome[];
  now: Date;
}

/** How many of the newest answers are read to check the memory model against the candidate. */
export const REVIEWS_READ = 2000;

/** What the estimate waits for: enough first answers in all and in each of the format's domains. */
export const READINESS_MINIMUM = { firstAnswers: 40, perDomain: 5 } as const;

/** How many first answers the overall first-answer accuracy counts for in each area's own: areas with few lean on it. */
const AREA_PRIOR_WEIGHT = 8;
/** A first answer counts half as much after this many days: a candidate gets better at new questions as they study. */
const FIRST_ANSWER_HALF_LIFE_DAYS = 30;
/**
 * How far a candidate's accuracy on new questions may have moved since their recent first answers
 * (they keep learning), allowed for in the interval as uncertainty shared by every area.
 */
const ABILITY_DRIFT_SD = 0.025;
const DAY_MS = 86_400_000;
/** How far (in log-odds) the candidate's forgetting may differ from the scheduler's model before their reviews say otherwise. */
const SHIFT_PRIOR_SD = 0.5;
/**
 * What the reviews cannot settle: they happen when a question is due, the exam comes whenever it
 * comes, and the model's curve need not fit this candidate's at every age of a memory. Allowed for
 * in the interval as this much uncertainty (log-odds) in the shift; the calibration checks it.
 */
const MODEL_MISFIT_SD = 0.25;
/** The pass target when a format names none, as the exam screen assumes. */
const DEFAULT_PASS_PERCENT = 70;
/** z for a two-sided 80% interval. */
const Z80 = 1.2816;

export interface DomainShortfall {
  domain: string;
  label: string;
  /** First answers in the domain so far, and how many the estimate waits for. */
  have: number;
  need: number;
}

export interface DomainReadiness {
  domain: string;
  label: string;
  /** Items the form gives the domain. */
  items: number;
  /** Expected share right, 0–100. */
  expected: number;
  /** Share of the domain's questions in the packs answered before, 0–1. */
  seenShare: number;
  /** Points of the whole score below the pass target this domain costs, 0 when it is at or above it. */
  shortfall: number;
}

export type Readiness =
  | {
      status: 'not-enough';
      firstAnswers: { have: number; need: number };
      /** Domains still short of first answers. */
      domains: DomainShortfall[];
      /** Domains the enabled packs have no question in: no form of this format can be drawn from them. */
      missing: string[];
    }
  | {
      status: 'ready';
      /** Expected score on the scored items, 0–100, and its 80% interval. */
      expected: number;
      low: number;
      high: number;
      passPercent: number;
      formItems: number;
      domains: DomainReadiness[];
      /** The domains pulling the estimate down, most first. */
      pullingDown: DomainReadiness[];
      basis: {
        /** Questions of the enabled packs answered before, and in all. */
        seen: number;
        bank: number;
        firstAnswers: number;
        reviews: number;
        /**
         * How the candidate's reviews shifted the memory model, as odds ratios: for questions answered
         * once (whose one right answer may have been a lucky guess) and more often. Above 1, they
         * remember better than the model predicts.
         */
        memoryFactor: { answeredOnce: number; answeredMore: number };
      };
    };

export function domainLabel(domain: string, outline: Blueprint['outline']): string {
  if (outline === 'three-domain') return (THREE_DOMAINS as Record<string, string>)[domain] ?? domain;
  return CONTENT_AREAS[domain as ContentArea]?.label ?? domain;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clampProbability = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));

/** The chance of a right answer from a memory that holds with probability `recall`, guessing among `options` otherwise. */
export function chanceRight(recall: number, options: number): number {
  const guess = 1 / Math.max(2, options);
  return guess + (1 - guess) * recall;
}

/**
 * How far this candidate's reviews sit from the scheduler's retrievability, as a shift in log-odds
 * and its standard error: a Gaussian prior around no shift, fitted by Fisher scoring.
 */
export function memoryShift(reviews: readonly ReviewOutcome[]): { shift: number; se: number } {
  let shift = 0;
  let information = 1 / SHIFT_PRIOR_SD ** 2;
  for (let step = 0; step < 25; step++) {
    let score = -shift / SHIFT_PRIOR_SD ** 2;
    information = 1 / SHIFT_PRIOR_SD ** 2;
    for (const review of reviews) {
      const recall = sigmoid(logit(clampProbability(review.retrievability)) + shift);
      const guess = 1 / Math.max(2, review.options);
      const p = clampProbability(guess + (1 - guess) * recall);
      const slope = (1 - guess) * recall * (1 - recall);
      score += ((review.correct ? 1 : 0) - p) * (slope / (p * (1 - p)));
      information += (slope * slope) / (p * (1 - p));
    }
    const move = score / information;
    shift += move;
    if (Math.abs(move) < 1e-6) break;
  }
  return { shift, se: 1 / Math.sqrt(information) };
}

interface Weighted {
  weight: number;
  squares: number;
  right: number;
}

/**
 * The chance of a right first answer, per area and overall ('overall'), with its variance: recent
 * answers weigh more, and an area is drawn towards the overall figure by AREA_PRIOR_WEIGHT answers.
 */
interface Chance {
  mean: number;
  variance: number;
  /** How much of the mean is the overall figure's: every area leaning on it shares its uncertainty. */
  priorShare: number;
}

function firstAnswerChances(answers: readonly FirstAnswer[], now: Date): Map<ContentArea | 'overall', Chance> {
  const tallies = new Map<ContentArea | 'overall', Weighted>();
  const add = (key: ContentArea | 'overall', weight: number, correct: boolean) => {
    const tally = tallies.get(key) ?? { weight: 0, squares: 0, right: 0 };
    tally.weight += weight;
    tally.squares += weight * weight;
    if (correct) tally.right += weight;
    tallies.set(key, tally);
  };
  for (const answer of answers) {
    const ageDays = Math.max(0, (now.getTime() - answer.at.getTime()) / DAY_MS);
    const weight = 0.5 ** (ageDays / FIRST_ANSWER_HALF_LIFE_DAYS);
    add(answer.area, weight, answer.correct);
    add('overall', weight, answer.correct);
  }
  // Weighted answers count as their effective number: n = (Σw)² / Σw².
  const effective = (tally: Weighted | undefined) => {
    if (!tally || tally.weight === 0) return { answers: 0, right: 0 };
    const answers = (tally.weight * tally.weight) / tally.squares;
    return { answers, right: (tally.right / tally.weight) * answers };
  };
  const all = effective(tallies.get('overall'));
  const overall = (all.right + 1) / (all.answers + 2);
  const chances = new Map<ContentArea | 'overall', Chance>([['overall', { mean: overall, variance: (overall * (1 - overall)) / (all.answers + 3), priorShare: 0 }]]);
  for (const area of Object.keys(CONTENT_AREAS) as ContentArea[]) {
    const count = effective(tallies.get(area));
    const weight = count.answers + AREA_PRIOR_WEIGHT;
    const mean = (count.right + AREA_PRIOR_WEIGHT * overall) / weight;
    chances.set(area, { mean, variance: (mean * (1 - mean)) / (weight + 1), priorShare: AREA_PRIOR_WEIGHT / weight });
  }
  return chances;
}

/** The readiness estimate, or what it still waits for. Pure: the same input always gives the same answer. */
export function estimateReadiness(input: ReadinessInput): Readiness {
  const { blueprint, bank, seen, firstAnswers, reviews, now } = input;
  const formItems = blueprint.scoredItems ?? blueprint.items;
  const perDomain = itemsPerDomain(blueprint.weights, formItems);
  const label = (domain: string) => domainLabel(domain, blueprint.outline);

  const bankByDomain = new Map<string, BankItem[]>();
  for (const item of bank) {
    const domain = domainOf(item.area, blueprint);
    const items = bankByDomain.get(domain);
    if (items) items.push(item);
    else bankByDomain.set(domain, [item]);
  }
  const answersByDomain = new Map<string, number>();
  for (const answer of firstAnswers) {
    const domain = domainOf(answer.area, blueprint);
    answersByDomain.set(domain, (answersByDomain.get(domain) ?? 0) + 1);
  }
  const totalAnswers = firstAnswers.length;
  const domains = [...perDomain.keys()];
  const missing = domains.filter((domain) => perDomain.get(domain) && !bankByDomain.get(domain)?.length);
  const short = domains
    .map((domain) => ({ domain, label: label(domain), have: answersByDomain.get(domain) ?? 0, need: READINESS_MINIMUM.perDomain }))
    .filter((domain) => (perDomain.get(domain.domain) ?? 0) > 0 && domain.have < domain.need);
  if (totalAnswers < READINESS_MINIMUM.firstAnswers || short.length > 0 || missing.length > 0) {
    return { status: 'not-enough', firstAnswers: { have: totalAnswers, need: READINESS_MINIMUM.firstAnswers }, domains: short, missing: missing.map(label) };
  }

  // Questions never answered: the candidate's recent first-answer accuracy in their area, drawn towards the overall one where the area has few.
  const unseenChance = firstAnswerChances(firstAnswers, now);
  const overall = unseenChance.get('overall')?.mean ?? 0.5;
  // Questions answered before: the scheduler's retrievability, shifted as the candidate's own reviews show, with guessing.
  // A question answered once is apart: its one right answer may have been a lucky guess, and second answers show how often.
  const shifts = [memoryShift(reviews.filter((review) => review.answersBefore <= 1)), memoryShift(reviews.filter((review) => review.answersBefore > 1))] as const;
  const shiftSlopes = [0, 0];

  let expected = 0;
  let variance = 0;
  const areaSlope = new Map<ContentArea, number>();
  const domainResults: DomainReadiness[] = [];
  let seenCount = 0;
  for (const domain of domains) {
    const wanted = perDomain.get(domain) ?? 0;
    const items = bankByDomain.get(domain) ?? [];
    if (wanted === 0 || items.length === 0) continue;
    const weight = wanted / formItems;
    const chances: number[] = [];
    let seenInDomain = 0;
    const slopeSums = [0, 0];
    const unseenByArea = new Map<ContentArea, number>();
    for (const item of items) {
      const known = seen.get(item.key);
      if (known) {
        seenInDomain++;
        const group = known.card.reps <= 1 ? 0 : 1;
        const recall = sigmoid(logit(clampProbability(recallProbability(known.card, now))) + (shifts[group]?.shift ?? 0));
        const guess = 1 / Math.max(2, known.options);
        chances.push(guess + (1 - guess) * recall);
        slopeSums[group] = (slopeSums[group] ?? 0) + (1 - guess) * recall * (1 - recall);
      } else {
        chances.push(unseenChance.get(item.area)?.mean ?? overall);
        unseenByArea.set(item.area, (unseenByArea.get(item.area) ?? 0) + 1);
      }
    }
    seenCount += seenInDomain;
    const size = items.length;
    const mean = chances.reduce((sum, chance) => sum + chance, 0) / size;
    const spread = chances.reduce((sum, chance) => sum + (chance - mean) ** 2, 0) / size;
    // The form draws `drawn` of the domain's questions without repeats; a short bank stretches them over the domain's share.
    const drawn = Math.min(wanted, size);
    const sumVariance = drawn * mean * (1 - mean) - (size > 1 ? (drawn * (drawn - 1) * spread) / (size - 1) : 0);
    variance += (weight / drawn) ** 2 * Math.max(0, sumVariance);
    expected += weight * mean;
    slopeSums.forEach((sum, group) => (shiftSlopes[group] = (shiftSlopes[group] ?? 0) + (weight * sum) / size));
    for (const [area, count] of unseenByArea) areaSlope.set(area, (areaSlope.get(area) ?? 0) + (weight * count) / size);
    domainResults.push({ domain, label: label(domain), items: wanted, expected: mean * 100, seenShare: seenInDomain / size, shortfall: 0 });
  }
  // What the candidate's data leave unsure: each area's first-answer accuracy, and the shift of the memory model.
  let sharedSlope = 0;
  let unseenSlope = 0;
  for (const [area, slope] of areaSlope) {
    variance += slope ** 2 * (unseenChance.get(area)?.variance ?? 0);
    sharedSlope += slope * (unseenChance.get(area)?.priorShare ?? 0);
    unseenSlope += slope;
  }
  variance += sharedSlope ** 2 * (unseenChance.get('overall')?.variance ?? 0) + unseenSlope ** 2 * ABILITY_DRIFT_SD ** 2;
  shifts.forEach(({ se }, group) => (variance += (shiftSlopes[group] ?? 0) ** 2 * (se ** 2 + MODEL_MISFIT_SD ** 2)));

  const sd = Math.sqrt(variance);
  const percent = expected * 100;
  const passPercent = blueprint.passPercent ?? DEFAULT_PASS_PERCENT;
  for (const domain of domainResults) domain.shortfall = Math.max(0, ((passPercent - domain.expected) * domain.items) / formItems);
  const pullingDown = domainResults.filter((domain) => domain.shortfall > 0).sort((a, b) => b.shortfall - a.shortfall);
  return {
    status: 'ready',
    expected: percent,
    low: Math.max(0, (expected - Z80 * sd) * 100),
    high: Math.min(100, (expected + Z80 * sd) * 100),
    passPercent,
    formItems,
    domains: domainResults,
    pullingDown,
    basis: { seen: seenCount, bank: bank.length, firstAnswers: totalAnswers, reviews: reviews.length, memoryFactor: { answeredOnce: Math.exp(shifts[0].shift), answeredMore: Math.exp(shifts[1].shift) } },
  };
}
