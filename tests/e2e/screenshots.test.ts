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
      await page.keyboard.press(String((index % 4) + 1));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
      if (index < 5) await page.keyboard.press('Enter');
    }
    await screenshot(page, 'feedback', { forReadme: true, fullPage: false });
    const principle = page.getByRole('list', { name: 'Principles behind this question' }).getByRole('link').first();
    await principle.click();
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
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
});
