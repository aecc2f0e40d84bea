/** A count as people read it: 12,000 rather than 12000. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** A count with its noun: "1 question", "12,000 questions". */
export function plural(count: number, word: string): string {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}
