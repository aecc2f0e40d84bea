/**
 * The marks and measures `npm run bench` reads (scripts/bench), in one place, so screens and stores
 * name what happened and leave the timing to this module. Each measure is named `rapport:…`.
 */

/** A moment to measure from, in milliseconds since the page's navigation. */
export type Started = number;

export function started(): Started {
  return performance.now();
}

/** From opening the study screen (or from `start`) to a session ready with its first question. */
export function sessionReady(start: Started): void {
  performance.measure('rapport:session-ready', { start });
}

/** The answer's write to the database, card, log and session together. */
export function answerRecorded(start: Started): void {
  performance.measure('rapport:answer-recorded', { start });
}

/** The candidate submitted an answer, or moved on: what `onScreen` measures to. */
export function submitted(): void {
  performance.mark('rapport:submit');
}

export function movedOn(): void {
  performance.mark('rapport:next');
}

/** The feedback, or the next question, is on screen: measures from the submit or the move that led to it. */
export function onScreen(shown: 'feedback' | 'question'): void {
  const start = shown === 'feedback' ? 'rapport:submit' : 'rapport:next';
  if (performance.getEntriesByName(start, 'mark').length === 0) return;
  performance.measure(shown === 'feedback' ? 'rapport:answer-to-feedback' : 'rapport:next-question', start);
  performance.clearMarks(start);
}

/** Home's figures are on screen, from the page's navigation. */
export function homeReady(): void {
  performance.measure('rapport:home-ready', { start: 0 });
}
