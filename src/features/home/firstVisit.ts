import { builtInListings, builtInPacks } from '../../catalog/builtIn';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { summarizeToday } from '../../domain/today';
import type { HomeData } from './todaySummary';

/** Home's figures in a browser with no database yet: the built-in packs, nothing answered, default limits. */
export function firstVisitHomeData(now = new Date()): HomeData {
  const unseen = builtInPacks.reduce((sum, pack) => sum + pack.questionCount, 0);
  const summary = summarizeToday({ dueQuestions: 0, unseen, settings: DEFAULT_SETTINGS, reviewedToday: 0, introducedToday: 0, studyDays: [], now });
  return { summary, packs: builtInListings(), firstVisit: true };
}
