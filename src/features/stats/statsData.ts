import { loadQuestionIndex, loadStudyColumns, readBriefCatalog } from '../../catalog/catalog';
import { database } from '../../db/database';
import { dueKeysBetween, hasAnswers, studyDaysFrom, tallyAnswersSince } from '../../db/statistics';
import { questionIn } from '../../domain/content/facts';
import { CONTENT_AREA_IDS } from '../../domain/content';
import { cardKey } from '../../domain/ids';
import {
  accuracyBreakdown,
  activity,
  forecastBounds,
  forecastFromCounts,
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
}

/** What the statistics screen shows first, from the day rows and the cards due soon; undefined when nothing was ever answered. */
export async function loadStats(now: Date): Promise<StatsData | undefined> {
  const db = database();
  if (!(await hasAnswers(db))) return undefined;
  const window = statisticsWindow(now);
  // The enabled packs' question ids come from the brief listings' one row, not the 20 full listings.
  const [byDay, enabledPacks, dueByDay] = await Promise.all([studyDaysFrom(db, window.weeks[0] ?? window.today), loadStudyColumns(readBriefCatalog()), dueKeysBetween(db, forecastBounds(now))]);
  // The forecast counts what study will bring up: questions of the enabled packs, as the home screen does.
  const studied = questionIn(enabledPacks);
  const forecast = forecastFromCounts(
    dueByDay.map((keys) => keys.filter(([packId, questionId]) => studied(packId, questionId)).length),
    now,
  );
  return { window, activity: activity(byDay, window), weeks: weeklyAccuracy(byDay, window), forecast };
}

/** Accuracy by principle and by area over the window: it reads every answer of the window, so it comes second. */
export async function loadBreakdown(now: Date): Promise<AccuracyBreakdown> {
  const db = database();
  const window = statisticsWindow(now);
  const [tally, index] = await Promise.all([tallyAnswersSince(db, window.weeks), loadQuestionIndex({ includeDisabled: true })]);
  // Principles and areas come from every pack answered in, disabled ones included: it is still the candidate's history.
  const questions: GroupedQuestion[] = index
    .filter((question) => tally.packIds.has(question.packId))
    .map((question) => ({ key: cardKey(question.packId, question.questionId), principles: question.principles, area: question.area }));
  return accuracyBreakdown(tally.byQuestion, questions, CONTENT_AREA_IDS);
}
