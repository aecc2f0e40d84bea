import { listPacks, loadStudyColumns, readBriefCatalog, type PackListing } from '../../catalog/catalog';
import { loadLibrary } from '../../catalog/mastery';
import type { PrincipleMastery } from '../../domain/mastery';
import { database } from '../../db/database';
import { countDueQuestions, loadDayState, loadSettings, studyDays } from '../../db/progress';
import { packStandings, summarizeToday, type TodaySummary } from '../../domain/today';

export interface HomeData {
  summary: TodaySummary;
  packs: PackListing[];
  /** No database yet: nothing was ever answered, so there is nothing to look up. */
  firstVisit?: true;
}

/** Everything home shows from the database, loaded after the first paint. */
export async function loadHomeData(now = new Date()): Promise<HomeData> {
  const db = database();
  const catalog = readBriefCatalog();
  const [columns, day, settings, days, packs] = await Promise.all([loadStudyColumns(catalog), loadDayState(db, now), loadSettings(db), studyDays(db), listPacks(catalog)]);
  const standings = packStandings(columns, day.answered);
  const dueQuestions = await countDueQuestions(db, now, columns, standings);
  const unseen = [...standings.values()].reduce((sum, standing) => sum + standing.unseen, 0);
  const summary = summarizeToday({ dueQuestions, unseen, settings, reviewedToday: day.reviewedToday, introducedToday: day.introducedToday, studyDays: days, now });
  return { summary, packs };
}

/** The three weakest principles studied: read after the figures, since it reads every card. */
export async function loadWeakest(now = new Date()): Promise<PrincipleMastery[]> {
  return (await loadLibrary(now)).weakest;
}
