/** The calendar day of a moment in the candidate's own time zone, as `YYYY-MM-DD`. */
export function localDay(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}

/** Whole days from `from` to the local day `day` (`YYYY-MM-DD`); negative when it has passed. */
export function daysUntil(day: string, from: Date): number {
  const target = dateOfDay(day);
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  return Math.round((target.getTime() - start.getTime()) / 86_400_000);
}

/** The first moment of a local day given as `YYYY-MM-DD`. */
export function dateOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

/** The local day `count` days after `day` (before, when negative). Calendar arithmetic, so clock changes do not shift it. */
export function addDays(day: string, count: number): string {
  const date = dateOfDay(day);
  date.setDate(date.getDate() + count);
  return localDay(date);
}
