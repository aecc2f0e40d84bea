import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFile } from '../../src/domain/content/packFile';
import { ID_MAX_LENGTH } from '../../src/domain/ids';
import { principleText, questionBody, questionText, PACK_YAML } from '../fixtures/content';
import { launchChromium, screenshot } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const longest = (stem: string) => `${stem}-${'w'.repeat(ID_MAX_LENGTH - stem.length - 1)}`;
const PACK = longest('pack');
const QUESTION = longest('question');
const PRINCIPLE = longest('principle');
const STEM = 'A client writes "x < y > z" in an intake note and asks what the arrows mean.';

function longIdPack(): string {
  const files = [
    { path: `packs/${PACK}/pack.yaml`, text: PACK_YAML.replace('id: demo', `id: ${PACK}`).replace('title: Demo pack', 'title: Long ids') },
    { path: `principles/${PRINCIPLE}.md`, text: principleText(PRINCIPLE, 'A principle with a long id') },
    { path: `packs/${PACK}/${QUESTION}.md`, text: questionText({ id: QUESTION, principles: `[${PRINCIPLE}]` }, questionBody(STEM)) },
  ];
  const path = join(mkdtempSync(join(tmpdir(), 'rapport-ids-')), 'long-ids.rapport.json');
  writeFileSync(path, JSON.stringify(buildPackFile({ id: PACK, title: 'Long ids', version: '1.0.0' }, files)));
  return path;
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('a pack with ids as long as a pack may have', () => {
  it('imports, and its pages and the browse list stay 360 px wide; search finds < and >', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/packs`);
    await page.getByLabel('Choose a pack file…').setInputFiles(longIdPack());
    await page.getByText('Imported Long ids (1 question).').waitFor();

    await page.goto(`${E2E_URL}/browse?pack=${PACK}`);
    await page.getByRole('link', { name: /A client writes/ }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    const search = page.getByRole('searchbox', { name: 'Search' });
    for (const query of ['x < y', 'y > z', '<', '>']) {
      await search.fill(query);
      await expect.poll(() => page.getByRole('link', { name: /A client writes/ }).count(), { timeout: 5000 }).toBe(1);
    }
    await screenshot(page, 'browse-long-ids-360');

    await page.goto(`${E2E_URL}/browse/${PACK}/${QUESTION}`);
    await page.getByText(/A client writes .x < y > z. in an intake note/).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await screenshot(page, 'question-detail-long-ids-360');

    await page.goto(`${E2E_URL}/principles/${PRINCIPLE}`);
    await page.getByRole('heading', { name: 'A principle with a long id' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
