import type { OptionLetter } from './content';

/** One item's time against the exam's pace: the blueprint allows the same time for every item. */
export interface ItemPace {
  index: number;
  /** Time spent on this item, every visit together. */
  ms: number;
  /** Time spent on this item and every item before it. */
  usedMs: number;
  /** What the pace allows for this item and every item before it. */
  allowedMs: number;
}

/** A run of consecutive items after which the time used was more than the pace allows. */
export interface BehindStretch {
  /** First and last item index of the run. */
  first: number;
  last: number;
  /** The furthest behind the run fell, and at which item. */
  worstMs: number;
  worstIndex: number;
}

export interface Pacing {
  /** The time the pace allows each item. */
  paceMs: number;
  items: ItemPace[];
  behind: BehindStretch[];
}

/**
 * Time per item against the pace of the exam (its duration shared evenly over its items), in item
 * order: where the time used on the items so far ran past what the pace allows, the candidate fell behind.
 */
export function pacing(itemCount: number, durationMs: number, timeMs: Readonly<Record<number, number>>): Pacing {
  const paceMs = itemCount === 0 ? 0 : durationMs / itemCount;
  const items: ItemPace[] = [];
  let usedMs = 0;
  for (let index = 0; index < itemCount; index++) {
    const ms = Math.max(0, timeMs[index] ?? 0);
    usedMs += ms;
    items.push({ index, ms, usedMs, allowedMs: paceMs * (index + 1) });
  }
  const behind: BehindStretch[] = [];
  let run: BehindStretch | undefined;
  for (const item of items) {
    const overMs = item.usedMs - item.allowedMs;
    if (overMs > 0) {
      run ??= { first: item.index, last: item.index, worstMs: overMs, worstIndex: item.index };
      run.last = item.index;
      if (overMs > run.worstMs) {
        run.worstMs = overMs;
        run.worstIndex = item.index;
      }
    } else if (run) {
      behind.push(run);
      run = undefined;
    }
  }
  if (run) behind.push(run);
  return { paceMs, items, behind };
}

export interface AnswerChanges {
  /** Item indexes whose first answer was right and final answer wrong. */
  rightToWrong: number[];
  wrongToRight: number[];
  /** Changed from one wrong answer to another. */
  wrongToWrong: number[];
}

/** The items whose answer was changed, by what the change did; `keys` gives each item's right answer. */
export function answerChanges(
  keys: readonly (OptionLetter | undefined)[],
  firstAnswers: Readonly<Record<number, OptionLetter>>,
  answers: Readonly<Record<number, OptionLetter>>,
): AnswerChanges {
  const changes: AnswerChanges = { rightToWrong: [], wrongToRight: [], wrongToWrong: [] };
  keys.forEach((key, index) => {
    const first = firstAnswers[index];
    const final = answers[index];
    if (key === undefined || first === undefined || final === undefined || first === final) return;
    if (first === key) changes.rightToWrong.push(index);
    else if (final === key) changes.wrongToRight.push(index);
    else changes.wrongToWrong.push(index);
  });
  return changes;
}
