import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function figure(page: Page, name: string): Promise<number> {
  await page.locator('.today[aria-busy="false"]').waitFor();
  const term = page.locator('dt', { hasText: name });
  return Number(await term.locator('xpath=following-sibling::dd').textContent());
}

async function answer(page: Page, key: string) {
  await page.getByText(/^Question \d+ of \d+/).waitFor();
  await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
}

describe('progress in the browser’s own IndexedDB', () => {
  it('keeps answers, counts and the place in the session across a reload', async () => {
    const page = await openPage(browser, '/');
    expect(await figure(page, 'Answered today')).toBe(0);
    const newAvailable = await figure(page, 'New available');
    expect(newAvailable).toBe(20);
    // A first visit shows home's figures without creating the database; studying creates it.
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name));
    expect(await databases()).toEqual([]);

    await page.getByRole('link', { name: 'Study now' }).click();
    await answer(page, '1');
    expect(await databases()).toEqual(['rapport']);
    await page.keyboard.press('Enter');
    await answer(page, '2');
    await page.keyboard.press('Enter');
    await answer(page, '3');
    await screenshot(page, 'study-feedback');
    await page.keyboard.press('Enter');
    await page.getByText('Question 4 of 20').waitFor();

    await page.reload();
    await page.getByText('Question 4 of 20').waitFor();
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    expect(await figure(page, 'Answered today')).toBe(3);
    expect(await figure(page, 'New available')).toBe(17);
    expect(await page.locator('dt', { hasText: 'Streak' }).locator('xpath=following-sibling::dd').textContent()).toBe('1 day');

    const stored = await page.evaluate(
      () =>
        new Promise<{ cards: number; log: number }>((resolve, reject) => {
          const request = indexedDB.open('rapport');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const transaction = db.transaction(['cards', 'reviewLog']);
            const cards = transaction.objectStore('cards').count();
            const log = transaction.objectStore('reviewLog').count();
            transaction.oncomplete = () => resolve({ cards: cards.result, log: log.result });
          };
        }),
    );
    expect(stored).toEqual({ cards: 3, log: 3 });
    expect(pageErrors(page)).toEqual([]);
  });

  it('undoes the last answer with U', async () => {
    const page = await openPage(browser, '/study');
    await answer(page, '1');
    await page.keyboard.press('u');
    await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor({ state: 'detached' });
    expect(await page.getByText('Question 1 of 20').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Undo last answer' }).count()).toBe(0);
  });
});
