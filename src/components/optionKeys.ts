/** What a key press asks of an option: 1–4 or A–D choose it; with Shift, they strike it out. */
export interface OptionKey {
  /** 0 for the first option. */
  position: number;
  eliminate: boolean;
}

/**
 * The option a key press names, if any. With Shift a digit key gives another character ("!" for 1 on
 * an American keyboard), so the key's place on the keyboard tells digits apart then.
 */
export function optionKey(event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): OptionKey | undefined {
  const key = event.key.length === 1 ? event.key.toLowerCase() : '';
  const digit = key ? '1234'.indexOf(key) : -1;
  if (digit !== -1) return { position: digit, eliminate: event.shiftKey };
  const letter = key ? 'abcd'.indexOf(key) : -1;
  if (letter !== -1) return { position: letter, eliminate: event.shiftKey };
  const place = /^(?:Digit|Numpad)([1-4])$/.exec(event.code)?.[1];
  if (event.shiftKey && place) return { position: Number(place) - 1, eliminate: true };
  return undefined;
}

/** "1–3", "1–4": the keys of a question with this many options. */
export function optionKeyRange(count: number): { digits: string; letters: string } {
  return { digits: `1–${count}`, letters: `A–${'ABCD'[count - 1] ?? 'D'}` };
}

/** Whether a key press goes to a field the candidate types in, where no shortcut may take it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (target as HTMLElement | null)?.closest?.('textarea, select, input:not([type="radio"]):not([type="checkbox"]), [contenteditable="true"]') != null;
}

/** Whether a key press goes to a control that Enter, Space or the arrows work on by themselves. */
export function isControlTarget(target: EventTarget | null): boolean {
  return (target as HTMLElement | null)?.closest?.('a, button, summary, input[type="checkbox"]') != null;
}
