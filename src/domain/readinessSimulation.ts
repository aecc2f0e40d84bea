import { fsrs, generatorParameters, default_w, Rating, type Card as FsrsCard, type FSRS } from 'ts-fsrs';
import { CONTENT_AREA_IDS, type Blueprint, type ContentArea, type OptionLetter } from './content';
import { drawExam, type ExamQuestion } from './exam';
import { ratingFor, type Confidence } from './grading';
import { buildQueue, rankDue, studyCandidates, type QuestionRef } from './queue';
import { seededRandom } from './random';
import { estimateReadiness, REVIEWS_READ, type BankItem, type ReadinessBlueprint, type FirstAnswer, type ReviewOutcome, type SeenItem } from './readiness';
import { newCard, recallProbability, schedule, type Card } from './scheduling';

/**
 * Simulated candidates for calibrating the readiness estimate. Each has a known ability per content
 * area and a memory of their own, studies with the app's scheduler and queue, and at checkpoints is
 * given the estimate and then a freshly drawn form, answered as their memory allows at that moment.
 */

const DAY_MS = 86_400_000;

/** The 170-item Clinical format as content/exams/aswb-clinical-170.yaml has it: what the calibration is stated for. */
export const CALIBRATION_BLUEPRINT: Blueprint = {
  id: 'aswb-clinical-170',
  title: 'ASWB Clinical exam, 170 items',
  description: 'Calibration format.',
  outline: 'four-area',
  items: 170,
  scoredItems: 150,
  minutes: 240,
  passPercent: 70,
  weights: { 'development-diversity': 24, 'assessment-planning': 30, 'intervention-practice': 27, 'values-ethics': 19 },
};

export interface SimulationOptions {
  candidates: number;
  seed: number;
  blueprint?: Blueprint;
  /** Questions in the simulated bank, spread over areas as the built-in bank aims to be. */
  bankSize?: number;
  /** Share of three-option questions (the built-in bank's 85% unless given); the rest have four. */
  threeOptionShare?: number;
}

/** One checkpoint of one candidate: the estimate given, and the score on the form drawn right after. */
export interface CalibrationCheck {
  candidate: number;
  day: number;
  predicted: number;
  low: number;
  high: number;
  actual: number;
  /** Share of the bank answered before the checkpoint. */
  seenShare: number;
}

export interface CalibrationSummary {
  checks: number;
  /** Mean absolute error of the estimate against the score, in points. */
  meanAbsoluteError: number;
  /** Mean of predicted minus actual: above zero, the estimate runs high. */
  bias: number;
  /** Share of checks whose score fell inside the stated 80% interval. */
  coverage: number;
  meanIntervalWidth: number;
}

export interface CalibrationResult {
  checks: CalibrationCheck[];
  summary: CalibrationSummary;
  /** Checkpoints reached before the estimate had enough data, and so left out. */
  notEnough: number;
}

interface BankQuestion extends QuestionRef, ExamQuestion {
  key: string;
  options: number;
}

/** A bank of `size` questions over the four areas (the built-in bank's aimed-for mix) and 22 principles. */
export function simulatedBank(size: number, threeOptionShare: number, random: () => number): BankQuestion[] {
  const areaShares: [ContentArea, number][] = [
    ['values-ethics', 0.3],
    ['intervention-practice', 0.3],
    ['assessment-planning', 0.22],
    ['development-diversity', 0.18],
  ];
  const questions: BankQuestion[] = [];
  for (let index = 0; index < size; index++) {
    // Areas are mixed through the authored order, as in packs by topic rather than by area.
    let pick = random();
    const area = areaShares.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'values-ethics';
    const options = random() < threeOptionShare ? 3 : 4;
    const questionId = `q-${String(index + 1).padStart(3, '0')}`;
    const principleId = `principle-${Math.floor(random() * 22)}`;
    const answer = (['A', 'B', 'C', 'D'] as const)[Math.floor(random() * options)] as OptionLetter;
    questions.push({ key: `sim/${questionId}`, packId: 'sim', questionId, principleId, principles: [principleId], area, qualifier: 'BEST', difficulty: 2, answer, options });
  }
  return questions;
}

/** What sets one simulated candidate apart. */
interface Candidate {
  /** Chance of knowing a question at first sight, per area, before studying. */
  ability: Map<ContentArea, number>;
  /** How much of the gap to full ability studying an area closes (at 100 questions met, half of this). */
  growth: number;
  /** Their true memory: FSRS with parameters of their own, unknown to the app. */
  memory: FSRS;
  studyDays: number;
  /** Chance of studying on a given day. */
  diligence: number;
  newPerDay: number;
  desiredRetention: number;
  /** Chance of marking a lucky right answer as a guess. */
  marksGuesses: number;
}

const gaussian = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

function makeCandidate(random: () => number): Candidate {
  const base = 0.25 + random() * 0.6;
  const ability = new Map(CONTENT_AREA_IDS.map((area) => [area, Math.min(0.97, Math.max(0.03, base + 0.12 * gaussian(random)))] as const));
  // Initial stabilities and the growth of stability differ from one person to the next.
  const w = [...default_w];
  const initialScale = Math.exp(0.35 * gaussian(random));
  for (let index = 0; index < 4; index++) w[index] = (w[index] ?? 1) * initialScale;
  w[8] = (w[8] ?? 1.5) + 0.25 * gaussian(random);
  const memory = fsrs(generatorParameters({ w, enable_short_term: false, enable_fuzz: false }));
  return {
    ability,
    growth: random() * 0.3,
    memory,
    studyDays: 14 + Math.floor(random() * 90),
    diligence: 0.5 + random() * 0.5,
    newPerDay: [5, 10, 15, 20, 30][Math.floor(random() * 5)] ?? 20,
    desiredRetention: [0.85, 0.9, 0.95][Math.floor(random() * 3)] ?? 0.9,
    marksGuesses: random() * 0.6,
  };
}

interface Progress {
  app: Map<string, Card>;
  truth: Map<string, FsrsCard>;
  firstAnswers: FirstAnswer[];
  /** Questions met so far in each area, which make the candidate better at new ones. */
  met: Map<ContentArea, number>;
  reviews: ReviewOutcome[];
}

/** Whether the candidate recalls (or, at first sight, knows) the question now. */
function recalls(question: BankQuestion, candidate: Candidate, progress: Progress, now: Date, random: () => number): boolean {
  const truth = progress.truth.get(question.key);
  if (!truth) {
    const base = candidate.ability.get(question.area) ?? 0;
    const met = progress.met.get(question.area) ?? 0;
    return random() < base + (1 - base) * candidate.growth * (met / (met + 100));
  }
  const days = Math.max(0, (now.getTime() - (truth.last_review?.getTime() ?? now.getTime())) / DAY_MS);
  return random() < candidate.memory.forgetting_curve(days, truth.stability);
}

function answer(question: BankQuestion, candidate: Candidate, progress: Progress, now: Date, random: () => number): void {
  const seenBefore = progress.app.has(question.key);
  const knew = recalls(question, candidate, progress, now, random);
  const correct = knew || random() < 1 / question.options;
  const confidence: Confidence = correct && !knew && random() < candidate.marksGuesses ? 'guess' : 'normal';
  const card = progress.app.get(question.key) ?? newCard(now);
  if (seenBefore) {
    progress.reviews.push({ retrievability: recallProbability(card, now), answersBefore: card.reps, options: question.options, correct });
  } else {
    progress.firstAnswers.push({ area: question.area, correct, at: now });
    progress.met.set(question.area, (progress.met.get(question.area) ?? 0) + 1);
  }
  progress.app.set(question.key, schedule(card, ratingFor(correct, confidence), now, { desiredRetention: candidate.desiredRetention }).card);
  // Feedback shows the right answer, so a question not known is learnt from it: a lapse, in memory's terms.
  const truth = progress.truth.get(question.key) ?? (newCard(now) as FsrsCard);
  progress.truth.set(question.key, candidate.memory.next(truth, now, knew ? Rating.Good : Rating.Again).card);
}

/** One day of study as the app plans it: due reviews first, then new questions up to the day's limit. */
function studyDay(bank: readonly BankQuestion[], byKey: ReadonlyMap<string, BankQuestion>, candidate: Candidate, progress: Progress, day: Date, random: () => number): void {
  const now = new Date(day.getTime() + (8 + random() * 12) * 3_600_000);
  const answered = new Set<string>();
  const dueKeys: [number, string][] = [];
  for (const [key, card] of progress.app) {
    const questionId = key.slice('sim/'.length);
    answered.add(questionId);
    if (card.due.getTime() <= now.getTime()) dueKeys.push([card.due.getTime(), questionId]);
  }
  const due = rankDue(dueKeys.sort((a, b) => a[0] - b[0]).map(([, questionId]) => ['sim', questionId] as const));
  const facts = { ids: bank.map((question) => question.questionId), principles: bank.map((question) => question.principles.join(' ')) };
  const queue = buildQueue({
    candidates: studyCandidates([{ packId: 'sim', facts }], due, new Map([['sim', answered]])),
    due,
    limits: { newPerDay: candidate.newPerDay, maxReviewsPerDay: 200 },
    reviewedToday: 0,
    introducedToday: 0,
    seed: Math.floor(random() * 2 ** 31),
  });
  queue.forEach((item, index) => {
    const question = byKey.get(`sim/${item.questionId}`);
    if (question) answer(question, candidate, progress, new Date(now.getTime() + index * 40_000), random);
  });
}

/** The estimate at `now`, and the score on a form drawn and answered at that moment (answering changes no memory). */
function checkpoint(blueprint: ReadinessBlueprint & Blueprint, bank: readonly BankQuestion[], candidate: Candidate, progress: Progress, now: Date, random: () => number) {
  const seen = new Map<string, SeenItem>();
  for (const question of bank) {
    const card = progress.app.get(question.key);
    if (card) seen.set(question.key, { card, options: question.options });
  }
  const bankItems: BankItem[] = bank.map(({ key, area }) => ({ key, area }));
  const estimate = estimateReadiness({ blueprint, bank: bankItems, seen, firstAnswers: progress.firstAnswers, reviews: progress.reviews.slice(-REVIEWS_READ), now });
  if (estimate.status !== 'ready') return undefined;
  const plan = drawExam(blueprint, bank, blueprint.items, Math.floor(random() * 2 ** 31));
  const byKey = new Map(bank.map((question) => [question.key, question]));
  let right = 0;
  let scored = 0;
  for (const item of plan.items) {
    const question = byKey.get(`${item.packId}/${item.questionId}`);
    if (!question || item.pretest) continue;
    scored++;
    if (recalls(question, candidate, progress, now, random) || random() < 1 / question.options) right++;
  }
  return { estimate, actual: scored === 0 ? 0 : (right / scored) * 100, seenShare: seen.size / bank.length };
}

/** Days between checkpoints while a candidate studies. */
const CHECK_EVERY_DAYS = 10;

export function simulateCalibration(options: SimulationOptions): CalibrationResult {
  const blueprint = options.blueprint ?? CALIBRATION_BLUEPRINT;
  const random = seededRandom(options.seed);
  const checks: CalibrationCheck[] = [];
  let notEnough = 0;
  for (let candidateIndex = 0; candidateIndex < options.candidates; candidateIndex++) {
    // The built-in bank, or the built-in bank with imported packs beside it.
    const bankSize = options.bankSize ?? [330, 330, 600, 1000][Math.floor(random() * 4)] ?? 330;
    const bank = simulatedBank(bankSize, options.threeOptionShare ?? 0.85, random);
    const byKey = new Map(bank.map((question) => [question.key, question]));
    const candidate = makeCandidate(random);
    const progress: Progress = { app: new Map(), truth: new Map(), firstAnswers: [], met: new Map(), reviews: [] };
    const start = new Date(2026, 0, 5).getTime();
    const check = (day: number, now: Date) => {
      const result = checkpoint(blueprint, bank, candidate, progress, now, random);
      if (!result) {
        notEnough++;
        return;
      }
      const { estimate, actual, seenShare } = result;
      if (estimate.status !== 'ready') return;
      checks.push({ candidate: candidateIndex, day, predicted: estimate.expected, low: estimate.low, high: estimate.high, actual, seenShare });
    };
    for (let day = 0; day < candidate.studyDays; day++) {
      const date = new Date(start + day * DAY_MS);
      if (random() < candidate.diligence) studyDay(bank, byKey, candidate, progress, date, random);
      if (day > 0 && day % CHECK_EVERY_DAYS === 0) check(day, new Date(date.getTime() + 23 * 3_600_000));
    }
    // Exam day comes a few days to a fortnight after the last study.
    const examDay = candidate.studyDays + Math.floor(random() * 15);
    check(examDay, new Date(start + examDay * DAY_MS + 10 * 3_600_000));
  }
  return { checks, summary: summarize(checks), notEnough };
}

export function summarize(checks: readonly CalibrationCheck[]): CalibrationSummary {
  const count = Math.max(1, checks.length);
  return {
    checks: checks.length,
    meanAbsoluteError: checks.reduce((sum, check) => sum + Math.abs(check.predicted - check.actual), 0) / count,
    bias: checks.reduce((sum, check) => sum + check.predicted - check.actual, 0) / count,
    coverage: checks.filter((check) => check.actual >= check.low && check.actual <= check.high).length / count,
    meanIntervalWidth: checks.reduce((sum, check) => sum + check.high - check.low, 0) / count,
  };
}
