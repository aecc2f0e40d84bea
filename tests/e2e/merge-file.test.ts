import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pageErrors, practise, screenshot } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), 'rapport-merge-'));
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function device(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** Downloads a backup from Settings, by keyboard, and returns where it was saved. */
async function downloadBackup(page: Page, name: string): Promise<string> {
  await page.goto(`${E2E_URL}/settings`);
  const button = page.getByRole('button', { name: 'Download a backup' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const path = join(folder, name);
  await download.saveAs(path);
  return path;
}

async function bringIn(page: Page, file: string): Promise<string> {
  await page.goto(`${E2E_URL}/settings`);
  const section = page.getByRole('region', { name: 'Bring in progress from another device' });
  await section.getByLabel('Bring in progress from another device…').setInputFiles(file);
  const status = section.getByRole('status');
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

async function answeredToday(page: Page): Promise<string> {
  await page.goto(`${E2E_URL}/`);
  await page.locator('.today[aria-busy="false"]').waitFor();
  return (await page.locator('dt', { hasText: 'Answered today' }).locator('xpath=following-sibling::dd').textContent()) ?? '';
}

describe('bringing in progress from another device by file', () => {
  it('leaves both devices with the same progress whichever way round, and a second merge changes nothing', async () => {
    const phone = await device(360);
    const laptop = await device();
    await practise(phone, 'confidentiality', 2);
    await practise(laptop, 'trust-alliance', 1);

    const fromPhone = await downloadBackup(phone, 'phone.json');
    expect(await bringIn(laptop, fromPhone)).toMatch(/^2 answers added from the other device; \d+ questions? now due today\.$/);
    const fromLaptop = await downloadBackup(laptop, 'laptop.json');
    expect(await bringIn(phone, fromLaptop)).toMatch(/^1 answer added from the other device; \d+ questions? now due today\.$/);
    await screenshot(phone, 'merge-file-360');
    expect(await bringIn(phone, fromLaptop)).toBe('Nothing new: this device already had everything from the other device.');

    expect(await answeredToday(phone)).toBe('3');
    expect(await answeredToday(laptop)).toBe('3');
    expect(pageErrors(phone)).toEqual([]);
    expect(pageErrors(laptop)).toEqual([]);
    await phone.context().close();
    await laptop.context().close();
  }, 120_000);
});
