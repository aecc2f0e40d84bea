import { listPacks, loadQuestionIndex, type PackListing } from '../../catalog/catalog';
import { loadLibrary } from '../../catalog/mastery';
import type { PrincipleMastery } from '../../domain/mastery';
import { database } from '../../db/database';
import { loadSettings, loadStudyState, studyDays } from '../../db/progress';
import { summarizeToday, type TodaySummary } from '../../domain/stats';

export interface HomeData {
  summary: TodaySummary;
  packs: PackListing[];
  weakest: PrincipleMastery[];
}

/** Everything home shows from the database, loaded after the first paint. */
export async function loadHomeData(now = new Date()): Promise<HomeData> {
  const db = database();
  const [questions, state, settings, days, packs, library] = await Promise.all([
    loadQuestionIndex(),
    loadStudyState(db, now),
    loadSettings(db),
    studyDays(db),
    listPacks(),
    loadLibrary(now),
  ]);
  const summary = summarizeToday({ questions, progress: state.progress, settings, reviewedToday: state.reviewedToday, introducedToday: state.introducedToday, studyDays: days, now });
  return { summary, packs, weakest: library.weakest };
}
