/**
 * Highlights on a scenario's text, as the exam's highlighter keeps them: ranges of character offsets
 * into the text as rendered (its text content), sorted, never overlapping or touching.
 */
export interface TextRange {
  start: number;
  /** One past the last character. */
  end: number;
}

/** The ranges in order, with those that overlap or touch joined, empty and out-of-text ones dropped. */
export function normalizeRanges(ranges: readonly TextRange[], textLength: number): TextRange[] {
  const clamped = ranges
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(start, textLength)), end: Math.max(0, Math.min(end, textLength)) }))
    .filter(({ start, end }) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a.start - b.start);
  const joined: TextRange[] = [];
  for (const range of clamped) {
    const last = joined.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else joined.push({ ...range });
  }
  return joined;
}

export function addRange(ranges: readonly TextRange[], range: TextRange, textLength: number): TextRange[] {
  return normalizeRanges([...ranges, range], textLength);
}

/** The ranges without the one that holds `offset` (a click on a highlight removes all of it). */
export function removeRangeAt(ranges: readonly TextRange[], offset: number): TextRange[] {
  return ranges.filter(({ start, end }) => offset < start || offset >= end);
}

/** The ranges with `cut` taken out of them, splitting a range that holds it. */
export function subtractRange(ranges: readonly TextRange[], cut: TextRange): TextRange[] {
  return ranges.flatMap(({ start, end }) => {
    if (end <= cut.start || start >= cut.end) return [{ start, end }];
    return [
      ...(start < cut.start ? [{ start, end: cut.start }] : []),
      ...(end > cut.end ? [{ start: cut.end, end }] : []),
    ];
  });
}

/** Whether every character of `range` is highlighted. */
export function covers(ranges: readonly TextRange[], range: TextRange): boolean {
  return ranges.some(({ start, end }) => start <= range.start && end >= range.end);
}

/**
 * The text's sentences as ranges, trimmed of surrounding spaces: what the keyboard highlighter
 * offers, since text cannot be selected by keyboard in most browsers.
 */
export function sentenceRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  // A sentence ends at . ! or ? (with any closing quotes or brackets) followed by a space, or at a line break.
  const boundary = /[.!?]["'”’)\]]*(?=\s)|\n+/g;
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from] ?? '')) from++;
    while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
    if (to > from) ranges.push({ start: from, end: to });
  };
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match[0].startsWith('\n') ? match.index : match.index + match[0].length;
    push(end);
    start = match.index + match[0].length;
  }
  push(text.length);
  return ranges;
}
