import { tallyAnswers, type AnswerTally, type DayCount } from '../domain/statistics';
import { answersOfDays } from './derived';
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
 * Tallies every answer by question from the first of `weeks` (Mondays, `YYYY-MM-DD`, oldest first) on,
 * later days included, should the clock have been set back. Reads the day rows' answer lines, not
 * the log, whose full entries take several times as long to read.
 */
export async function tallyAnswersSince(db: RapportDatabase, weeks: readonly string[]): Promise<AnswerTally> {
  const first = weeks[0];
  const rows = first === undefined ? [] : await db.dayAnswers.where(':id').aboveOrEqual(first).toArray();
  return tallyAnswers(answersOfDays(rows));
}

/**
 * The keys of the cards falling due between each pair of `bounds`, the first period taking every
 * overdue card too. Keys, not cards: the forecast only counts, and whole cards are slow to read.
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
