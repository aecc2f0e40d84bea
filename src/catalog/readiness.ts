import { database } from '../db/database';
import { importedQuestions } from '../db/packs';
import { newestAttemptFormat, readReadinessHistory } from '../db/readiness';
import type { Blueprint, ContentArea } from '../domain/content';
import { dateOfDay } from '../domain/dates';
import { cardKey } from '../domain/ids';
import { questionIdsByPack } from '../domain/queue';
import { estimateReadiness, REVIEWS_READ, type BankItem, type FirstAnswer, type Readiness, type ReviewOutcome, type SeenItem } from '../domain/readiness';
import { recallProbability, State } from '../domain/scheduling';
import { blueprints, loadBuiltInQuestionIndex } from './builtIn';
import { isBuiltInPack, loadQuestionColumns, readImportedCatalog } from './catalog';

/** Options assumed for a question whose count cannot be read (a pack removed since): the smaller chance of a lucky guess. */
const OPTIONS_WHEN_UNKNOWN = 4;

/** The format readiness is shown for unless the candidate picks another: their newest exam's, or the longest format. */
export async function defaultReadinessFormat(): Promise<string | undefined> {
  const newest = await newestAttemptFormat(database());
  if (newest && blueprints.some((blueprint) => blueprint.id === newest)) return newest;
  return [...blueprints].sort((a, b) => b.items - a.items)[0]?.id;
}

/** Imported questions read per pack for their option counts: the rest take the sample's average, rather than 20,000 questions' text being read. */
const OPTION_SAMPLE = 200;

/**
 * How many options each of these questions offers, by card key: built-in ones from the question
 * index, imported ones from their text. A pack with many questions answered has a sample of them
 * read, and the others given the sample's average count (the one that gives the same mean chance
 * of a lucky guess), which is all the estimate's mean depends on.
 */
async function optionCounts(keys: readonly { packId: string; questionId: string }[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const index = await loadBuiltInQuestionIndex();
  for (const [packId, questions] of Object.entries(index)) {
    for (const question of questions) counts.set(cardKey(packId, question.id), question.options);
  }
  const imported = [...questionIdsByPack(keys.filter(({ packId }) => !isBuiltInPack(packId)))];
  await Promise.all(
    imported.map(async ([packId, ids]) => {
      const step = Math.max(1, ids.length / OPTION_SAMPLE);
      const sample = Array.from({ length: Math.min(ids.length, OPTION_SAMPLE) }, (_, at) => ids[Math.floor(at * step)] as string);
      const questions = await importedQuestions(database(), packId, sample);
      for (const question of questions) counts.set(cardKey(packId, question.id), question.options.length);
      if (questions.length === 0 || sample.length === ids.length) return;
      const meanGuess = questions.reduce((sum, question) => sum + 1 / question.options.length, 0) / questions.length;
      for (const id of ids) if (!counts.has(cardKey(packId, id))) counts.set(cardKey(packId, id), 1 / meanGuess);
    }),
  );
  return counts;
}

/** The readiness estimate for a format, from everything the candidate has answered; undefined for a format not in the catalog. */
export async function loadReadiness(blueprintId: string, now = new Date()): Promise<{ blueprint: Blueprint; readiness: Readiness } | undefined> {
  const blueprint = blueprints.find((candidate) => candidate.id === blueprintId);
  if (!blueprint) return undefined;
  const catalog = readImportedCatalog();
  const [columns, { disabled }, history] = await Promise.all([loadQuestionColumns({ includeDisabled: true }, catalog), catalog, readReadinessHistory(database(), REVIEWS_READ)]);

  const areas = new Map<string, ContentArea>();
  const bank: BankItem[] = [];
  for (const { packId, facts } of columns) {
    facts.ids.forEach((questionId, index) => {
      const key = cardKey(packId, questionId);
      const area = facts.areas[index] as ContentArea;
      areas.set(key, area);
      if (!disabled.has(packId)) bank.push({ key, area });
    });
  }
  const options = await optionCounts(history.cards);
  const cards = new Map(history.cards.map((card) => [cardKey(card.packId, card.questionId), card]));
  const seen = new Map<string, SeenItem>();
  for (const [key, card] of cards) seen.set(key, { card, options: options.get(key) ?? OPTIONS_WHEN_UNKNOWN });

  // Questions no pack holds any more are left out.
  const firstAnswers: FirstAnswer[] = history.firstAnswers.flatMap(({ packId, questionId, correct, day }) => {
    const area = areas.get(cardKey(packId, questionId));
    return area ? [{ area, correct, at: dateOfDay(day) }] : [];
  });

  // Newest first: the card's answer count, less the answers from this one on, is how many came before it.
  const fromHereOn = new Map<string, number>();
  const reviews: ReviewOutcome[] = [];
  for (const entry of history.reviews) {
    const key = cardKey(entry.packId, entry.questionId);
    const count = (fromHereOn.get(key) ?? 0) + 1;
    fromHereOn.set(key, count);
    const card = cards.get(key);
    if (entry.state === State.New || !card) continue;
    reviews.push({
      // The log keeps the memory state the answer met, and (as `due`) when the question was last answered.
      retrievability: recallProbability({ state: entry.state, stability: entry.stability, last_review: entry.due }, entry.review),
      answersBefore: Math.max(1, card.reps - count),
      options: options.get(key) ?? OPTIONS_WHEN_UNKNOWN,
      correct: entry.correct,
    });
  }
  return { blueprint, readiness: estimateReadiness({ blueprint, bank, seen, firstAnswers, reviews, now }) };
}
