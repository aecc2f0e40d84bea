import { loadQuestionIndex, readImportedCatalog } from '../../catalog/catalog';
import { database } from '../../db/database';
import { answerCount } from '../../db/progress';
import { cardsDueBefore, tallyAnswersSince } from '../../db/statistics';
import { CONTENT_AREA_IDS } from '../../domain/content';
import { cardKey } from '../../domain/queue';
import {
  accuracyBreakdown,
  activity,
  dayStart,
  dueForecast,
  FORECAST_DAYS,
  statisticsWindow,
  weeklyAccuracy,
  type AccuracyBreakdown,
  type ActivitySummary,
  type ForecastDay,
  type GroupedQuestion,
  type StatisticsWindow,
  type WeekAccuracy,
} from '../../domain/statistics';

export interface StatsData {
  window: StatisticsWindow;
  activity: ActivitySummary;
  weeks: WeekAccuracy[];
  forecast: ForecastDay[];
  breakdown: AccuracyBreakdown;
}

/** Everything the statistics screen shows, or undefined when nothing was ever answered. */
export async function loadStats(now: Date): Promise<StatsData | undefined> {
  const db = database();
  if ((await answerCount(db)) === 0) return undefined;
  const window = statisticsWindow(now);
  const catalog = readImportedCatalog();
  const [tally, index, { disabled }, dueSoon] = await Promise.all([
    tallyAnswersSince(db, window.weeks),
    loadQuestionIndex({ includeDisabled: true }, catalog),
    catalog,
    cardsDueBefore(db, dayStart(now, FORECAST_DAYS)),
  ]);

  // Principles and areas come from every pack answered in, disabled ones included: it is still the candidate's history.
  const questions: GroupedQuestion[] = index
    .filter((question) => tally.packIds.has(question.packId))
    .map((question) => ({ key: cardKey(question.packId, question.questionId), principles: question.principles, area: question.area }));

  // The forecast counts what study will bring up: questions of the enabled packs, as the home screen does.
  const enabled = new Set(index.filter((question) => !disabled.has(question.packId)).map((question) => cardKey(question.packId, question.questionId)));
  const upcoming = dueSoon.filter((card) => enabled.has(cardKey(card.packId, card.questionId)));

  return {
    window,
    activity: activity(tally.byDay, window),
    weeks: weeklyAccuracy(tally.byDay, window),
    forecast: dueForecast(upcoming, now),
    breakdown: accuracyBreakdown(tally.byQuestion, questions, CONTENT_AREA_IDS),
  };
}
