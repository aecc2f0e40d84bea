import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function answerOne(page: Page, key: string) {
  await page.getByText(/^Question \d+ of \d+/).waitFor();
  await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
  await page.keyboard.press('Enter');
}

async function storedCounts(page: Page): Promise<{ log: number; ids: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        indexedDB.open('rapport').onsuccess = (event) => {
          const db = (event.target as IDBOpenDBRequest).result;
          const request = db.transaction('reviewLog').objectStore('reviewLog').getAll();
          request.onsuccess = () => {
            const ids = new Set(request.result.map((entry: { id: number }) => entry.id));
            resolve({ log: request.result.length, ids: ids.size });
            db.close();
          };
        };
      }),
  );
}

describe('two tabs studying at once', () => {
  it('loses and duplicates no answers, and both tabs agree on the counts', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(`${E2E_URL}/study`);
    await second.goto(`${E2E_URL}/study`);
    for (let round = 0; round < 3; round++) {
      await answerOne(first, '1');
      await answerOne(second, '2');
    }
    expect(await storedCounts(first)).toEqual({ log: 6, ids: 6 });
    for (const page of [first, second]) {
      await page.goto(`${E2E_URL}/`);
      await page.locator('.today[aria-busy="false"]').waitFor();
      const answered = page.locator('dt', { hasText: 'Answered today' }).locator('xpath=following-sibling::dd');
      expect(await answered.textContent()).toBe('6');
    }
    await context.close();
  });
});
