import { listPacks, loadQuestionIndex, readImportedCatalog, type PackListing } from '../../catalog/catalog';
import { loadLibrary } from '../../catalog/mastery';
import type { PrincipleMastery } from '../../domain/mastery';
import { database } from '../../db/database';
import { loadSettings, loadStudyState, studyDays } from '../../db/progress';
import { summarizeToday, type TodaySummary } from '../../domain/stats';

export interface HomeData {
  summary: TodaySummary;
  packs: PackListing[];
}

/** Everything home shows from the database, loaded after the first paint. */
export async function loadHomeData(now = new Date()): Promise<HomeData> {
  const db = database();
  const catalog = readImportedCatalog();
  const [questions, state, settings, days, packs] = await Promise.all([
    loadQuestionIndex({}, catalog),
    loadStudyState(db, now),
    loadSettings(db),
    studyDays(db),
    listPacks(catalog),
  ]);
  const summary = summarizeToday({ questions, progress: state.progress, settings, reviewedToday: state.reviewedToday, introducedToday: state.introducedToday, studyDays: days, now });
  return { summary, packs };
}

/** The three weakest principles studied: read after the figures, since it reads every card. */
export async function loadWeakest(now = new Date()): Promise<PrincipleMastery[]> {
  return (await loadLibrary(now)).weakest;
}
