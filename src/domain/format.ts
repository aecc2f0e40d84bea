/**
 * A whole-number count as people read it: 12,000 rather than 12000. Grouped by hand: the first
 * toLocaleString call loads the locale's number data, which slows home's first render.
 */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A count with its noun: "1 question", "12,000 questions". */
export function plural(count: number, word: string): string {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}
