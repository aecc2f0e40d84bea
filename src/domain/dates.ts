/** The calendar day of a moment in the candidate's own time zone, as `YYYY-MM-DD`. */
export function localDay(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}

/** Whole days from `from` to the local day `day` (`YYYY-MM-DD`); negative when it has passed. */
export function daysUntil(day: string, from: Date): number {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  return Math.round((target.getTime() - start.getTime()) / 86_400_000);
}
