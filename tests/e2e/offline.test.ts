import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { E2E_URL } from './config';
import { servePreview } from './serve-build';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until a service worker controls the page, as after a first visit and a reload. */
async function controlledBy(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function logCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        indexedDB.open('rapport').onsuccess = (event) => {
          const db = (event.target as IDBOpenDBRequest).result;
          const count = db.transaction('reviewLog').objectStore('reviewLog').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );
}

describe('offline use', () => {
  it('after a first visit, loads every screen and records answers with the network off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/`);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await controlledBy(page);

    await context.setOffline(true);
    await page.goto(`${E2E_URL}/study`);
    await page.getByText(/^Question 1 of \d+/).waitFor();
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    expect(await logCount(page)).toBe(1);

    await page.getByRole('list', { name: 'Principles behind this question' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Sources', exact: true }).waitFor();
    await page.goto(`${E2E_URL}/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await screenshot(page, 'offline-settings');
    await context.close();
  });

  it('offers a reload when a new version is deployed, and reloads only when asked', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-deploy-'));
    cpSync('dist', folder, { recursive: true });
    const port = 4331;
    const stop = await servePreview(folder, port);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`http://localhost:${port}/study`);
      await page.getByText(/^Question 1 of \d+/).waitFor();
      await controlledBy(page);
      await page.getByText(/^Question 1 of \d+/).waitFor();
      await page.keyboard.press('1');

      // A new deployment: the service worker script changes.
      writeFileSync(join(folder, 'sw.js'), `${readFileSync(join(folder, 'sw.js'), 'utf8')}\n// deployed again\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

      const prompt = page.getByRole('status').filter({ hasText: 'A new version of Rapport is ready.' });
      await prompt.waitFor();
      // Nothing reloaded by itself: the chosen option is still selected.
      expect(await page.getByRole('radio').first().isChecked()).toBe(true);
      await screenshot(page, 'update-prompt');
      await page.getByRole('button', { name: 'Reload to update' }).click();
      await page.waitForEvent('load');
      await page.getByText(/^Question 1 of \d+/).waitFor();
      expect(await prompt.count()).toBe(0);
    } finally {
      await context.close();
      stop();
    }
  });
});
