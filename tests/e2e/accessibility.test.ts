import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, screenshot } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Each route with the heading that shows it is ready. */
const ROUTES: [string, RegExp][] = [
  ['/', /^Today$/],
  ['/study', /^Study session$/],
  ['/practice/confidentiality', /^Confidentiality and its limits$/],
  ['/principles/rebuilding-trust', /^Rebuilding trust after a breach$/],
  ['/packs', /^Import a pack$/],
  ['/studio', /^Start a new pack$/],
  ['/settings', /^Backup$/],
  ['/exam', /^Choose a format$/],
  ['/browse', /^Browse questions$/],
  ['/browse/trust-alliance/ta-001', /^Explanation$/],
  ['/principles', /^Principles$/],
  ['/exam/history', /^Past exams$/],
  ['/stats', /^(No answers yet|Reviews per day)$/],
  ['/no/such/page', /^Not found$/],
];

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (colorScheme) => {
  it.each(ROUTES)('%s has no axe or Content-Security-Policy violations', async (path, ready) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await context.newPage();
    await page.goto(E2E_URL + path);
    await page.getByRole('heading', { name: ready }).first().waitFor();
    if (path === '/study' || path.startsWith('/practice')) {
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    }
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    if (path === '/') await screenshot(page, `home-${colorScheme}`);
    await context.close();
  });
});
