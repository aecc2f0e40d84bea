import { tallyAnswers, emptyTally, type AnswerTally, type DayCount } from '../domain/statistics';
import type { RapportDatabase } from './database';

/** The answers counted per day from `first` (`YYYY-MM-DD`) on: later days too, should the clock have been set back. */
export async function studyDaysFrom(db: RapportDatabase, first: string): Promise<Map<string, DayCount>> {
  return new Map((await db.studyDays.where(':id').aboveOrEqual(first).toArray()).map((row) => [row.day, row]));
}

/** Whether anything was ever answered, from the day rows rather than a count of the whole log. */
export async function hasAnswers(db: RapportDatabase): Promise<boolean> {
  return (await db.studyDays.limit(1).count()) > 0;
}

/**
 * Tallies every answer by question from the first of `weeks` (Mondays, `YYYY-MM-DD`, oldest first) on.
 * Reads the day index one week at a time, so a long log is never held in memory whole:
 * each week's entries are counted and dropped before the next are read.
 */
export async function tallyAnswersSince(db: RapportDatabase, weeks: readonly string[]): Promise<AnswerTally> {
  return db.transaction('r', db.reviewLog, async () => {
    const tally = emptyTally();
    for (const [index, week] of weeks.entries()) {
      const next = weeks[index + 1];
      // The last page is open-ended, so answers filed under a later day (a clock set back) still count.
      const range = next === undefined ? db.reviewLog.where('day').aboveOrEqual(week) : db.reviewLog.where('day').between(week, next, true, false);
      tallyAnswers(await range.toArray(), tally);
    }
    return tally;
  });
}

/**
 * The keys of the cards falling due between each pair of `bounds`, the first period taking every
 * overdue card too. Keys, not cards: the forecast only counts, and 13,000 cards take 300 ms to read.
 */
export async function dueKeysBetween(db: RapportDatabase, bounds: readonly Date[]): Promise<[string, string][][]> {
  return db.transaction('r', db.cards, () =>
    Promise.all(
      bounds.slice(1).map((end, index) => {
        const start = bounds[index];
        return (index === 0 || !start ? db.cards.where('due').below(end) : db.cards.where('due').between(start, end, true, false)).primaryKeys();
      }),
    ),
  );
}
