import { addDays, dateOfDay, localDay } from './dates';
import type { StoredReview } from './progress';
import { cardKey } from './ids';

/** How far back the statistics screen looks: half a year of weeks, the current one included. */
export const WEEKS_SHOWN = 26;
export const FORECAST_DAYS = 30;
/** Levels of the heatmap's colour scale above "no answers". */
export const HEAT_LEVELS = 4;

/** What the statistics need of one answer; the rest of the log entry stays unread. */
export type AnswerFacts = Pick<StoredReview, 'packId' | 'questionId' | 'correct'>;

export interface RightCount {
  answers: number;
  right: number;
}

export interface DayCount extends RightCount {
  /** Answers to cards that were already in the Review state: the ones true retention is measured on. */
  reviews: number;
  reviewsRight: number;
}

/** Answers summed up by question: a few thousand numbers however many answers were given. */
export interface AnswerTally {
  /** By card key. */
  byQuestion: Map<string, RightCount>;
  /** Packs with at least one answer, whose questions the breakdown by principle needs. */
  packIds: Set<string>;
}

/** The weeks shown, each named by its Monday (`YYYY-MM-DD`), oldest first; the last holds today. */
export interface StatisticsWindow {
  weeks: string[];
  today: string;
}

export function tallyAnswers(entries: Iterable<AnswerFacts>): AnswerTally {
  const tally: AnswerTally = { byQuestion: new Map(), packIds: new Set() };
  for (const entry of entries) {
    const key = cardKey(entry.packId, entry.questionId);
    let question = tally.byQuestion.get(key);
    if (!question) {
      question = { answers: 0, right: 0 };
      tally.byQuestion.set(key, question);
      tally.packIds.add(entry.packId);
    }
    question.answers++;
    if (entry.correct) question.right++;
  }
  return tally;
}

/** Monday of the week holding `day`. */
export function weekStart(day: string): string {
  const date = dateOfDay(day);
  return addDays(day, -((date.getDay() + 6) % 7));
}

export function statisticsWindow(now: Date, weeks: number = WEEKS_SHOWN): StatisticsWindow {
  const today = localDay(now);
  const current = weekStart(today);
  return { weeks: Array.from({ length: weeks }, (_, index) => addDays(current, 7 * (index - weeks + 1))), today };
}

/** A share from 0 to 1, undefined when there is nothing to divide by. */
export function share(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

export interface HeatmapDay {
  day: string;
  /** Column: the week, 0 the oldest. */
  week: number;
  /** Row: 0 Monday to 6 Sunday. */
  weekday: number;
  answers: number;
  /** 0 for no answers, then 1 to HEAT_LEVELS in proportion to the busiest day. */
  level: number;
}

export interface ActivitySummary {
  /** Every day of the window up to today, oldest first. */
  days: HeatmapDay[];
  answers: number;
  right: number;
  reviews: number;
  reviewsRight: number;
  daysStudied: number;
  busiest: { day: string; answers: number } | undefined;
}

export function heatLevel(answers: number, busiest: number): number {
  if (answers <= 0 || busiest <= 0) return 0;
  return Math.min(HEAT_LEVELS, Math.ceil((answers / busiest) * HEAT_LEVELS));
}

/** Answers per day over the window, for the heatmap, and the totals over it. Future days are left out. */
export function activity(byDay: ReadonlyMap<string, DayCount>, window: StatisticsWindow): ActivitySummary {
  const days: Omit<HeatmapDay, 'level'>[] = [];
  const summary = { answers: 0, right: 0, reviews: 0, reviewsRight: 0, daysStudied: 0 };
  let busiest: ActivitySummary['busiest'];
  window.weeks.forEach((monday, week) => {
    for (let weekday = 0; weekday < 7; weekday++) {
      const day = addDays(monday, weekday);
      if (day > window.today) break;
      const count = byDay.get(day);
      const answers = count?.answers ?? 0;
      days.push({ day, week, weekday, answers });
      if (!count || answers === 0) continue;
      summary.answers += answers;
      summary.right += count.right;
      summary.reviews += count.reviews;
      summary.reviewsRight += count.reviewsRight;
      summary.daysStudied++;
      if (!busiest || answers > busiest.answers) busiest = { day, answers };
    }
  });
  const most = busiest?.answers ?? 0;
  return { ...summary, busiest, days: days.map((day) => ({ ...day, level: heatLevel(day.answers, most) })) };
}

export interface WeekAccuracy {
  /** Monday of the week. */
  week: string;
  answers: number;
  right: number;
  /** Share of all answers that were right; undefined in a week without answers. */
  accuracy: number | undefined;
  reviews: number;
  reviewsRight: number;
  /** Share right among answers to cards already in review (true retention); undefined without such answers. */
  retention: number | undefined;
}

export function weeklyAccuracy(byDay: ReadonlyMap<string, DayCount>, window: StatisticsWindow): WeekAccuracy[] {
  return window.weeks.map((week) => {
    const total = { answers: 0, right: 0, reviews: 0, reviewsRight: 0 };
    for (let offset = 0; offset < 7; offset++) {
      const count = byDay.get(addDays(week, offset));
      if (!count) continue;
      total.answers += count.answers;
      total.right += count.right;
      total.reviews += count.reviews;
      total.reviewsRight += count.reviewsRight;
    }
    return { week, ...total, accuracy: share(total.right, total.answers), retention: share(total.reviewsRight, total.reviews) };
  });
}

/** The first moment of the local day `offset` days after the day of `now`. */
export function dayStart(now: Date, offset = 0): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
}

export interface ForecastDay {
  day: string;
  due: number;
}

/** Where the forecast's days begin: today's first moment, then each next day's, `days + 1` in all. */
export function forecastBounds(now: Date, days: number = FORECAST_DAYS): Date[] {
  return Array.from({ length: days + 1 }, (_, index) => dayStart(now, index));
}

/**
 * Cards falling due on each of the next days, today first, from how many fall due between each
 * pair of bounds; today's count holds the overdue cards too, since that is when they will be asked.
 */
export function forecastFromCounts(counts: readonly number[], now: Date): ForecastDay[] {
  const today = localDay(now);
  return counts.map((due, index) => ({ day: addDays(today, index), due }));
}

/** A question as the accuracy breakdown sees it. */
export interface GroupedQuestion {
  key: string;
  principles: readonly string[];
  area: string;
}

export interface GroupAccuracy extends RightCount {
  id: string;
  accuracy: number;
}

export interface AccuracyBreakdown {
  /** Weakest first, then by more answers, then by id. */
  principles: GroupAccuracy[];
  /** In the order of `areaOrder`, then any other area by id. */
  areas: GroupAccuracy[];
  /** Answers to questions no longer in any pack: counted in the totals, not in a group. */
  unmatched: number;
}

function addTo(groups: Map<string, RightCount>, id: string, count: RightCount) {
  const group = groups.get(id);
  if (group) {
    group.answers += count.answers;
    group.right += count.right;
  } else {
    groups.set(id, { answers: count.answers, right: count.right });
  }
}

function withAccuracy(groups: Map<string, RightCount>): GroupAccuracy[] {
  return [...groups].map(([id, count]) => ({ id, ...count, accuracy: count.right / count.answers }));
}

/** Accuracy of every answer, grouped by the principles and the content area of its question. */
export function accuracyBreakdown(byQuestion: ReadonlyMap<string, RightCount>, questions: Iterable<GroupedQuestion>, areaOrder: readonly string[] = []): AccuracyBreakdown {
  const facts = new Map<string, GroupedQuestion>();
  for (const question of questions) facts.set(question.key, question);
  const principles = new Map<string, RightCount>();
  const areas = new Map<string, RightCount>();
  let unmatched = 0;
  for (const [key, count] of byQuestion) {
    const question = facts.get(key);
    if (!question) {
      unmatched += count.answers;
      continue;
    }
    // A question that names a principle twice still counts once towards it.
    for (const principleId of new Set(question.principles)) addTo(principles, principleId, count);
    addTo(areas, question.area, count);
  }
  const rank = (id: string) => {
    const index = areaOrder.indexOf(id);
    return index === -1 ? areaOrder.length : index;
  };
  return {
    principles: withAccuracy(principles).sort((a, b) => a.accuracy - b.accuracy || b.answers - a.answers || a.id.localeCompare(b.id)),
    areas: withAccuracy(areas).sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id)),
    unmatched,
  };
}
