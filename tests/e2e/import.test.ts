import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFile } from '../../src/domain/content/packFile';
import { contentFolder, questionBody, questionText } from '../fixtures/content';
import { launchChromium, pageErrors, screenshot } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), 'rapport-import-'));
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const stems = ['A 19-year-old college student visits the counseling center after a breakup.', 'A 63-year-old man meets a hospital social worker before surgery.', 'A mother of three comes to a food bank and asks to speak with someone.'];

function instructorPack(questions: Record<string, string>): string {
  const files = contentFolder(questions).map((file) => ({
    ...file,
    path: file.path.replace('packs/demo/', 'packs/field-notes/'),
    text: file.text.replace('id: demo', 'id: field-notes').replace('title: Demo pack', 'title: Field notes'),
  }));
  const path = join(folder, `field-notes-${Object.keys(questions).length}.rapport.json`);
  writeFileSync(path, JSON.stringify(buildPackFile({ id: 'field-notes', title: 'Field notes', version: '1.0.0' }, files)));
  return path;
}

async function openPacks(page: Page) {
  await page.goto(`${E2E_URL}/packs`);
  await page.getByRole('heading', { name: 'Import a pack' }).waitFor();
}

describe('instructor packs imported in the browser', () => {
  it('imports a valid pack, studies from it, and keeps it after a reload and offline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openPacks(page);
    const valid = instructorPack(Object.fromEntries(stems.map((stem, index) => [`fn-00${index + 1}`, questionText({ id: `fn-00${index + 1}` }, questionBody(stem))])));
    await page.getByLabel('Choose a pack file…').setInputFiles(valid);
    await page.getByText('Imported Field notes (3 questions).').waitFor();
    await screenshot(page, 'packs-imported');

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Field notes' }) });
    await card.getByRole('link', { name: 'Practise' }).click();
    await page.getByText('Question 1 of 3').waitFor();
    expect(await page.getByText(stems[0] as string).isVisible()).toBe(true);
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Correct' }).waitFor();

    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await openPacks(page);
    await card.getByText('Imported · version 1.0.0 · 3 questions · 1 answered').waitFor();
    await page.goto(`${E2E_URL}/practice/field-notes`);
    await page.getByText('Question 2 of 3').waitFor();
    expect(pageErrors(page).filter((message) => !message.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  });

  it('lists all three problems of a broken pack with their lines, and imports nothing', async () => {
    const page = await browser.newPage();
    await openPacks(page);
    const broken = instructorPack({
      'fn-001': questionText({ id: 'fn-001', area: 'ethics' }, questionBody(stems[0])),
      'fn-002': questionText({ id: 'fn-002', principles: '[trust-fundation]' }, questionBody(stems[1])),
      'fn-003': questionText({ id: 'fn-003' }, questionBody(stems[2]).replace('Referring out instead of engaging.\n', '')),
      'fn-004': questionText({ id: 'fn-004' }, questionBody('A veteran calls a crisis line late at night.')),
    });
    await page.getByLabel('Choose a pack file…').setInputFiles(broken);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Not imported: 3 problems to fix' }).waitFor();
    await alert.getByText('ask the pack’s author for a corrected pack').waitFor();
    // The details are for the author, folded away until asked for.
    expect(await alert.getByRole('listitem').count()).toBe(0);
    await alert.getByText('Details for the pack’s author').click();
    const items = await alert.getByRole('listitem').allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/^packs\/field-notes\/fn-001\.md:3:7 "area" must be one of/),
      expect.stringMatching(/^packs\/field-notes\/fn-002\.md:7:1 links to the principle "trust-fundation", which does not exist \(did you mean "trust-foundation"\?\)/),
      expect.stringMatching(/^packs\/field-notes\/fn-003\.md:20:1 option C has no rationale/),
    ]);
    await screenshot(page, 'packs-import-errors');
    expect(await page.getByRole('heading', { name: 'Field notes' }).count()).toBe(0);
    await page.close();
  });

  it('imports a pack’s Markdown folder', async () => {
    const pack = join(folder, 'my-folder-pack');
    mkdirSync(pack, { recursive: true });
    writeFileSync(join(pack, 'pack.yaml'), 'id: folder-pack\ntitle: Folder pack\nversion: 0.1.0\ndescription: Written in a text editor.\nauthors: [An instructor]\n');
    writeFileSync(join(pack, 'fp-001.md'), questionText({ id: 'fp-001', principles: '[empathy-active-listening]' }, questionBody(stems[0])));
    const page = await browser.newPage();
    await openPacks(page);
    await page.getByLabel('Choose a pack folder…').setInputFiles(pack);
    await page.getByText('Imported Folder pack (1 question).').waitFor();
    await page.close();
  });
});
