import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { E2E_URL } from './config';

export const ARTIFACTS = 'tests/e2e/artifacts';

/** Debian's Chromium, started the way this machine allows (no sandbox as root, no background network). */
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH);
}

/** Chromium with a profile kept in `folder`, on disk as a candidate's is: a fresh context's IndexedDB lives in memory. */
export async function launchChromiumProfile(folder: string, width = 1280): Promise<BrowserContext> {
  return chromium.launchPersistentContext(folder, { ...LAUNCH, viewport: { width, height: 900 } });
}

export async function openPage(browser: Browser, path = '/', width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(E2E_URL + path);
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Saves a full-page screenshot in the artifacts; with UPDATE_SCREENSHOTS=1, README ones also go to docs/screenshots. */
export async function screenshot(page: Page, name: string, options: { forReadme?: boolean; fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  if (options.forReadme && process.env.UPDATE_SCREENSHOTS) {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(path, `docs/screenshots/${name}.png`);
  }
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's findings on the page as it is now, one line per rule: the tags the app holds itself to. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Answers `count` questions of a pack through its practice screen, each with the first option and the keyboard. */
export async function practise(page: Page, packId: string, count: number): Promise<void> {
  await page.goto(`${E2E_URL}/practice/${packId}`);
  for (let answered = 0; answered < count; answered++) {
    await page.getByText(/^Question \d+ of \d+/).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    await page.keyboard.press('Enter');
  }
}
