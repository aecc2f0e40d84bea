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

async function answeredToday(page: Page): Promise<string | null> {
  await page.locator('.today[aria-busy="false"]').waitFor();
  return page.locator('dt', { hasText: 'Answered today' }).locator('xpath=following-sibling::dd').textContent();
}

/** Deletes every day count straight from IndexedDB, as a bug or an interrupted write might leave them. */
async function loseDayCounts(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('rapport');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('studyDays', 'readwrite');
          transaction.objectStore('studyDays').clear();
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
  );
}

describe('checking and repairing progress', () => {
  it('rebuilds lost day counts from the answers when the database opens, and from Settings by keyboard alone on a phone', async () => {
    const page = await openPage(browser, '/', 360);
    // This tab counts as checked already, so its own opening check cannot repair before the new tab's below.
    await page.addInitScript(() => sessionStorage.setItem('rapport-derived-rows-checked', '1'));
    await page.goto(page.url().replace(/\/$/, '/study'));
    const warnings: string[] = [];
    await page.getByText(/^Question 1 of \d+/).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    const origin = new URL(page.url()).origin;

    // Opening the database in a new tab: the check runs once the page is idle, and repairs.
    await loseDayCounts(page);
    const tab = await page.context().newPage();
    tab.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await tab.goto(`${origin}/`);
    await expect.poll(() => warnings.some((text) => text.includes('out of step')), { timeout: 20_000 }).toBe(true);
    await tab.reload();
    expect(await answeredToday(tab)).toBe('1');
    await tab.close();

    // From Settings, in the first tab, which runs no opening check.
    await page.goto(`${origin}/settings`);
    const button = page.getByRole('button', { name: 'Check and repair progress' });
    await button.waitFor();
    await loseDayCounts(page);
    // Keyboard alone: tab until the button has focus, then press Enter.
    for (let tabs = 0; tabs < 40 && !(await button.evaluate((element) => element === document.activeElement)); tabs++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/^Repaired: your answers counted by day/).waitFor();
    await screenshot(page, 'settings-repair-360', { fullPage: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.goto(`${origin}/`);
    expect(await answeredToday(page)).toBe('1');
    expect(pageErrors(page)).toEqual([]);
  });
});
