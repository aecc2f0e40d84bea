import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the screens the README shows', () => {
  it('home, feedback, a principle and statistics, at 1280 px, and home at 360 px', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/study`);
    for (let index = 0; index < 6; index++) {
      await page.getByText(/^Question \d+ of \d+/).waitFor();
      await page.keyboard.press(String((index % 3) + 1));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
      if (index < 5) await page.keyboard.press('Enter');
    }
    await screenshot(page, 'feedback', { forReadme: true, fullPage: false });
    const principle = page.getByRole('list', { name: 'Principles behind this question' }).getByRole('link').first();
    await principle.click();
    await page.getByRole('heading', { name: 'Sources', exact: true }).waitFor();
    await screenshot(page, 'principle', { forReadme: true, fullPage: false });

    await page.goto(`${E2E_URL}/stats`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: /Reviews per day/i }).waitFor();
    // Accuracy by principle loads after the rest of the page.
    await page.getByRole('heading', { name: 'Accuracy by principle', exact: true }).waitFor();
    await screenshot(page, 'statistics', { forReadme: true, fullPage: false });
    await screenshot(page, 'statistics-whole');

    await page.goto(`${E2E_URL}/`);
    await page.locator('.today[aria-busy="false"]').waitFor();
    expect(await page.locator('dt', { hasText: 'Answered today' }).locator('xpath=following-sibling::dd').textContent()).toBe('6');
    await screenshot(page, 'home', { forReadme: true, fullPage: false });
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot(page, 'home-360', { forReadme: true, fullPage: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
  it('statistics at 360 px, after a long history, keep the accuracy tables and their bars within the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    // Settings are read from the database, so this visit creates it (home on a first visit does not).
    await page.goto(`${E2E_URL}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // 16,000 answers to a question on self-awareness, whose principle's name holds
    // "countertransference": five-digit counts beside a long word.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          indexedDB.open('rapport').onsuccess = (event) => {
            const db = (event.target as IDBOpenDBRequest).result;
            const transaction = db.transaction(['reviewLog', 'studyDays', 'dayAnswers'], 'readwrite');
            const log = transaction.objectStore('reviewLog');
            // The statistics count answers by day from these rows, as the app keeps them.
            const days = new Map<string, { day: string; answers: number; right: number; reviews: number; reviewsRight: number; introduced: number }>();
            const lines = new Map<string, string[]>();
            for (let index = 0; index < 16_000; index++) {
              const review = new Date(Date.now() - (index % 28) * 86_400_000 - 3_600_000);
              const day = `${review.getFullYear()}-${String(review.getMonth() + 1).padStart(2, '0')}-${String(review.getDate()).padStart(2, '0')}`;
              const correct = index % 4 !== 0;
              const tally = days.get(day) ?? { day, answers: 0, right: 0, reviews: 0, reviewsRight: 0, introduced: 0 };
              days.set(day, { ...tally, answers: tally.answers + 1, right: tally.right + Number(correct), reviews: tally.reviews + 1, reviewsRight: tally.reviewsRight + Number(correct) });
              lines.set(day, lines.get(day) ?? []);
              lines.get(day)?.push(`ethics-boundaries\teb-019\t${Number(correct)}`);
              log.add({ packId: 'ethics-boundaries', questionId: 'eb-019', day, review, chosen: 'C', correct, confidence: 'normal', desiredRetention: 0.9, contentHash: 'h', previousDue: review, rating: 3, state: 2, due: review, stability: 5, difficulty: 5, elapsed_days: 3, last_elapsed_days: 3, scheduled_days: 10, learning_steps: 0 });
            }
            for (const tally of days.values()) transaction.objectStore('studyDays').put(tally);
            for (const [day, answers] of lines) transaction.objectStore('dayAnswers').put({ day, answers: answers.join('\n') });
            transaction.oncomplete = () => {
              db.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.goto(`${E2E_URL}/stats`);
    const table = page.getByRole('table', { name: 'Accuracy by principle, weakest first' });
    await table.getByText('12,000 of 16,000 right').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'statistics-360');
    // The accuracy tables are always open, their bars beside the figures: none may hide behind a sideways scroll.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('.share-table')].filter((table) => table.scrollWidth > (table.parentElement?.clientWidth ?? 0)).map((table) => table.querySelector('caption')?.textContent),
    );
    expect(overflowing).toEqual([]);
    // Each chart's table, once shown, fits too: four-digit weekly counts need no sideways scroll.
    for (const summary of await page.locator('summary', { hasText: 'Show as a table' }).all()) await summary.click();
    const scrolling = await page.evaluate(() =>
      [...document.querySelectorAll('.data-table-scroll')].filter((box) => box.scrollWidth > box.clientWidth).map((box) => box.querySelector('caption')?.textContent),
    );
    expect(scrolling).toEqual([]);
    await context.close();
  });

  it('the pack studio at 1280 px and at 360 px, editing a copy of a built-in pack', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/studio`);
    await page.getByLabel('Pack', { exact: true }).selectOption('trust-alliance');
    await page.getByRole('button', { name: 'Open as a draft' }).click();
    await page.getByRole('heading', { name: 'Building trust and the alliance (copy)', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Pack contents' }).getByRole('link', { name: /^ta-002/ }).click();
    await page.getByRole('heading', { name: 'Question 2 of 70: ta-002' }).waitFor();
    await page.getByText(/^Checker: 0 errors/).waitFor();
    // The form beside the list of questions, with the checker's summary and the export buttons just above.
    await page.evaluate(() => window.scrollTo(0, (document.querySelector('.check-summary') as HTMLElement).offsetTop - 16));
    await screenshot(page, 'studio', { forReadme: true, fullPage: false });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole('heading', { name: 'Question 2 of 70: ta-002' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'studio-360', { forReadme: true, fullPage: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
