import type { Page } from 'playwright-core';

/** Pack and question ids of the generated packs: card `index` belongs to pack `index % packs`. */
export const BENCH_PACKS = 20;
export const benchPackId = (pack: number) => `bench-${pack}`;
export const benchQuestionId = (pack: number, number: number) => `${benchPackId(pack)}-${String(number).padStart(5, '0')}`;

/**
 * Fills the app's IndexedDB (already created by the app at its current version) with a heavy
 * user's history: `cards` cards, `reviews` log entries over the past year, on the questions of the
 * generated packs. Runs inside the page.
 */
export async function seedProgress(page: Page, cards: number, reviews: number, settings: { newPerDay?: number } = {}): Promise<void> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  await page.evaluate(
    async ({ cards, reviews, settings, packs }) => {
      // Same ids as benchQuestionId, which cannot cross into the page.
      const packOf = (index: number) => `bench-${index % packs}`;
      const questionOf = (index: number) => `${packOf(index)}-${String(Math.floor(index / packs) + 1).padStart(5, '0')}`;
      const request = indexedDB.open('rapport');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const day = 86_400_000;
      const now = Date.now();
      const local = (time: number) => {
        const date = new Date(time);
        return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
      };
      const write = (store: string, rows: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(store, 'readwrite');
          const target = transaction.objectStore(store);
          for (const row of rows) target.put(row);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });
      const cardRows = Array.from({ length: cards }, (_, index) => {
        const due = new Date(now + ((index % 60) - 10) * day);
        return {
          packId: packOf(index),
          questionId: questionOf(index),
          contentHash: 'bench',
          lastCorrect: index % 4 !== 0,
          due,
          stability: 5 + (index % 40),
          difficulty: 5,
          elapsed_days: 3,
          scheduled_days: 10,
          learning_steps: 0,
          reps: 4,
          lapses: index % 3,
          state: 2,
          last_review: new Date(now - 5 * day),
        };
      });
      await write('cards', cardRows);
      const answered = new Map<string, string[]>();
      for (const card of cardRows) answered.set(card.packId, answered.get(card.packId) ?? []).get(card.packId)?.push(card.questionId);
      await write('answeredQuestions', [...answered].map(([packId, questionIds]) => ({ packId, questionIds })));
      if (settings.newPerDay) {
        await write('settings', [{ id: 'settings', desiredRetention: 0.9, newPerDay: settings.newPerDay, maxReviewsPerDay: 9999, theme: 'system', persistenceRequested: true }]);
      }
      const batch = 20_000;
      // The app counts each day's answers as it records them; the seed writes the log directly, so it counts and lists them too.
      const studyDays = new Map<string, { day: string; answers: number; right: number; reviews: number; reviewsRight: number; introduced: number }>();
      const answerLines = new Map<string, string[]>();
      for (let start = 0; start < reviews; start += batch) {
        const rows = Array.from({ length: Math.min(batch, reviews - start) }, (_, offset) => {
          const index = start + offset;
          const review = now - Math.floor((index / reviews) * 365) * day - day;
          return {
            uid: `bench${String(index).padStart(8, '0')}`,
            packId: packOf(index % cards),
            questionId: questionOf(index % cards),
            day: local(review),
            chosen: 'A',
            correct: index % 4 !== 0,
            confidence: 'normal',
            desiredRetention: 0.9,
            contentHash: 'bench',
            previousDue: new Date(review),
            rating: index % 4 === 0 ? 1 : 3,
            state: 2,
            due: new Date(review),
            stability: 5,
            difficulty: 5,
            elapsed_days: 3,
            last_elapsed_days: 3,
            scheduled_days: 10,
            learning_steps: 0,
            review: new Date(review),
          };
        });
        await write('reviewLog', rows);
        for (const row of rows) {
          // Every seeded answer is a review (state 2) of a card already in review.
          const tally = studyDays.get(row.day) ?? { day: row.day, answers: 0, right: 0, reviews: 0, reviewsRight: 0, introduced: 0 };
          tally.answers++;
          tally.reviews++;
          if (row.correct) {
            tally.right++;
            tally.reviewsRight++;
          }
          studyDays.set(row.day, tally);
          const lines = answerLines.get(row.day) ?? [];
          lines.push(`${row.packId}\t${row.questionId}\t${row.correct ? 1 : 0}`);
          answerLines.set(row.day, lines);
        }
      }
      await write('studyDays', [...studyDays.values()]);
      await write('dayAnswers', [...answerLines].map(([day, lines]) => ({ day, answers: lines.join('\n') })));
      db.close();
    },
    { cards, reviews, settings, packs: BENCH_PACKS },
  );
}

/**
 * Waits for a measure of the page now loading, without Playwright's selector engine: compiling it
 * into the page took up to 55 ms of the main thread here, inside the very time being measured.
 */
export async function awaitMeasure(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (measureName) =>
      new Promise<number>((resolve, reject) => {
        const poll = setInterval(() => {
          const entry = performance.getEntriesByName(measureName).at(-1);
          if (!entry) return;
          clearInterval(poll);
          resolve(entry.duration);
        }, 20);
        setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`no ${measureName} within a minute`));
        }, 60_000);
      }),
    name,
  );
}

export async function lastMeasure(page: Page, name: string): Promise<number> {
  return page.evaluate((measureName) => {
    const entries = performance.getEntriesByName(measureName);
    return entries.at(-1)?.duration ?? Number.NaN;
  }, name);
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}
