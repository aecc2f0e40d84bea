import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, pageErrors, screenshot } from './browser';
import { E2E_URL } from './config';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function startQuickExam(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${E2E_URL}/exam`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Quick practice, 20 items' }) });
  await card.getByRole('button', { name: /^Start/ }).click();
  await page.getByRole('heading', { name: 'Question 1 of 20' }).waitFor();
  return page;
}

const optionRadios = (page: Page) => page.getByRole('group').filter({ has: page.getByRole('radio') }).getByRole('radio');

/** Moves through the section until an item with `count` options is on screen; returns its number. */
async function findItemWithOptions(page: Page, count: number): Promise<number> {
  for (let number = 1; number <= 20; number++) {
    await page.getByRole('button', { name: new RegExp(`^Question ${number}, `) }).click();
    await page.getByRole('heading', { name: `Question ${number} of 20` }).waitFor();
    if ((await optionRadios(page).count()) === count) return number;
  }
  throw new Error(`no item with ${count} options in the exam drawn`);
}

describe('the test centre’s tools in the exam', () => {
  it('strikes out options by mouse and by Shift+2, and keeps the strikes across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await startQuickExam(context);
    await page.getByRole('button', { name: 'Eliminate option A' }).click();
    await page.keyboard.press('Shift+2');
    expect(await page.getByRole('button', { name: 'Eliminate option A' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Eliminate option B' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('radio', { name: /\(eliminated\)$/ }).count()).toBe(2);
    // Shift+2 strikes; it does not choose.
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Option B eliminated.' }).count()).toBe(1);
    await screenshot(page, 'exam-eliminated', { fullPage: false });

    await page.reload();
    await page.getByRole('heading', { name: 'Question 1 of 20' }).waitFor();
    expect(await page.getByRole('button', { name: 'Eliminate option A' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Eliminate option B' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('radio', { name: /\(eliminated\)$/ }).count()).toBe(2);

    // A struck option can still be chosen, and choosing it clears its strike.
    await optionRadios(page).first().check();
    expect(await page.getByRole('button', { name: 'Eliminate option A' }).getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Shift+2');
    expect(await page.getByRole('button', { name: 'Eliminate option B' }).getAttribute('aria-pressed')).toBe('false');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('highlights selected words with H, keeps them across a reload, and removes one with a click', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await startQuickExam(context);
    const scenario = page.locator('.stem').first();
    await scenario.locator('p').first().dblclick({ position: { x: 30, y: 8 } });
    const word = (await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim();
    expect(word.length).toBeGreaterThan(0);
    await page.keyboard.press('h');
    await expect.poll(() => scenario.locator('mark.highlight').allTextContents()).toEqual([expect.stringContaining(word)]);

    // By keyboard: a whole sentence from the list.
    await page.getByText(/^Highlights/).click();
    const sentences = page.getByRole('group', { name: 'Highlight whole sentences' }).getByRole('checkbox');
    const last = sentences.last();
    await last.focus();
    await page.keyboard.press('Space');
    expect(await last.isChecked()).toBe(true);
    const marked = await scenario.locator('mark.highlight').allTextContents();
    expect(marked.length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'exam-highlighted', { fullPage: false });

    await page.reload();
    await page.getByRole('heading', { name: 'Question 1 of 20' }).waitFor();
    await expect.poll(() => scenario.locator('mark.highlight').allTextContents()).toEqual(marked);

    await scenario.locator('mark.highlight').first().click();
    await expect.poll(() => scenario.locator('mark.highlight').count()).toBe(marked.length - 1);
    await page.reload();
    await page.getByRole('heading', { name: 'Question 1 of 20' }).waitFor();
    await expect.poll(() => scenario.locator('mark.highlight').count()).toBe(marked.length - 1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows a three-option item with three options and keys 1–3', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await startQuickExam(context);
    await findItemWithOptions(page, 3);
    expect(await optionRadios(page).count()).toBe(3);
    expect(await page.getByRole('button', { name: /^Eliminate option/ }).count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Eliminate option D' }).count()).toBe(0);
    expect(await page.getByText(/^Keys 1–3 choose, Shift\+1–3 eliminates/).isVisible()).toBe(true);
    // Keys past the last option do nothing.
    await page.keyboard.press('4');
    await page.keyboard.press('d');
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await page.keyboard.press('c');
    expect(await optionRadios(page).nth(2).isChecked()).toBe(true);
    await screenshot(page, 'exam-three-options-360');
    await context.close();
  });

  it('lists unanswered and flagged items on the review screen, asks before submitting, and keeps the clock running', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-11-20T09:00:00') });
    await page.goto(`${E2E_URL}/exam`);
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Quick practice, 20 items' }) })
      .getByRole('button', { name: /^Start/ })
      .click();
    await page.getByRole('heading', { name: 'Question 1 of 20' }).waitFor();
    await page.keyboard.press('1');
    // Five minutes on the first question, where the pace allows 1 min 24 s.
    await page.clock.fastForward('05:00');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question 2 of 20' }).waitFor();
    await page.keyboard.press('2');
    await page.keyboard.press('f');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question 3 of 20' }).waitFor();
    await page.keyboard.press('f');
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('r');
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    expect(await page.getByText('2 answered, 18 not answered, 2 flagged.', { exact: false }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Every question of this exam, with how it stands' });
    const row = (number: number) => table.getByRole('row').filter({ has: page.getByRole('button', { name: `Go to question ${number}`, exact: true }) });
    expect(await row(1).textContent()).toMatch(/Answered$/);
    expect(await row(2).textContent()).toMatch(/Answered⚑ Flagged$/);
    expect(await row(3).textContent()).toMatch(/Not answered⚑ Flagged$/);
    expect(await row(4).textContent()).toMatch(/Not answered$/);
    const before = await page.getByRole('timer').textContent();
    await page.clock.fastForward('01:05');
    await expect.poll(() => page.getByRole('timer').textContent()).not.toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'exam-review');

    await page.getByRole('button', { name: 'Submit the exam' }).click();
    const confirm = page.getByRole('group', { name: 'Submit the exam?' });
    expect(await confirm.textContent()).toContain('18 questions are not answered and will count as wrong. 2 flagged for review.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'exam-review-confirm', { fullPage: false });
    await confirm.screenshot({ path: `${ARTIFACTS}/exam-review-confirm-group.png` });
    await confirm.getByRole('button', { name: 'Keep working' }).click();
    await row(4).getByRole('button').click();
    await page.getByRole('heading', { name: 'Question 4 of 20' }).waitFor();
    await page.keyboard.press('3');

    await page.getByRole('button', { name: 'Review and submit the exam' }).click();
    await page.getByRole('button', { name: 'Submit the exam' }).click();
    await page.getByRole('button', { name: 'Submit with 17 questions not answered' }).click();
    await page.getByRole('heading', { name: 'Exam report' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Pacing' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /^Time used against the pace/ }).isVisible()).toBe(true);
    const pacing = page.getByRole('region', { name: 'Pacing' });
    expect(await pacing.getByRole('listitem').first().textContent()).toMatch(/^from question 1 to 3, by up to 3 min 3\d s \(at question 1\)$/);
    expect(await page.getByRole('heading', { name: 'Changed answers' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'exam-report-pacing');
    await page.getByRole('region', { name: 'Pacing' }).screenshot({ path: `${ARTIFACTS}/exam-report-pacing-section.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('region', { name: 'Pacing' }).screenshot({ path: `${ARTIFACTS}/exam-report-pacing-section-360.png` });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('the exam tools for every reader', () => {
  it.each(['light', 'dark'] as const)('leave no axe violation on the item and review screens in the %s theme, at 360 px too', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await startQuickExam(context);
    await page.keyboard.press('Shift+1');
    await page.keyboard.press('2');
    await page.getByText(/^Highlights/).click();
    await page.getByRole('group', { name: 'Highlight whole sentences' }).getByRole('checkbox').first().check();
    await page.locator('.stem mark.highlight').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `exam-tools-${colorScheme}`, { fullPage: false });
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `exam-tools-${colorScheme}-360`);
    await page.keyboard.press('r');
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `exam-review-${colorScheme}-360`, { fullPage: false });
    await context.close();
  });
});

describe('the answer eliminator in study', () => {
  it('is turned on in Settings and strikes options in a study session', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/settings`);
    await page.getByRole('checkbox', { name: 'Answer eliminator in study sessions' }).check();
    await page.getByRole('region', { name: 'Study tools' }).getByText('Saved.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('region', { name: 'Study tools' }).screenshot({ path: `${ARTIFACTS}/settings-study-tools.png` });
    await page.goto(`${E2E_URL}/study`);
    await page.getByText(/^Question 1 of \d+/).waitFor();
    await page.keyboard.press('Shift+1');
    expect(await page.getByRole('button', { name: 'Eliminate option A' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Eliminate option B' }).click();
    expect(await page.getByRole('radio', { name: /\(eliminated\)$/ }).count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'study-eliminator', { fullPage: false });
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, 'study-eliminator-360');
    await page.goto(`${E2E_URL}/settings`);
    await page.getByRole('region', { name: 'Study tools' }).screenshot({ path: `${ARTIFACTS}/settings-study-tools-360.png` });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('readiness', () => {
  it('shows on home once there is enough data, with its interval and pass target', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/settings`);
    await page.getByLabel('New questions per day').fill('150');
    await page.getByText('Saved.').first().waitFor();
    await page.goto(`${E2E_URL}/study`);
    const answerSome = async (count: number) => {
      for (let answered = 0; answered < count; answered++) {
        await page.getByText(/^Question \d+ of \d+/).waitFor();
        await page.keyboard.press(String(1 + (answered % 3)));
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
        await page.keyboard.press('Enter');
      }
    };
    await answerSome(10);
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    const readiness = page.getByRole('region', { name: 'Readiness' });
    await readiness.waitFor();
    expect(await readiness.textContent()).toContain('appears once you have answered at least 40 questions');

    // Study until the estimate has enough answers in every content area of the format.
    for (let round = 0; round < 8 && !(await readiness.getByText(/pass target/).count()); round++) {
      await page.goto(`${E2E_URL}/study`);
      await answerSome(round === 0 ? 40 : 15);
      await page.goto(`${E2E_URL}/`);
      await readiness.waitFor();
    }
    expect(await readiness.locator('.readiness-figure').textContent()).toMatch(/^\d+% \(\d+–\d+%\), pass target 70%$/);
    expect(await readiness.textContent()).toContain('It does not predict the licensing exam');
    await readiness.getByText('What this rests on').click();
    expect(await readiness.getByRole('table', { name: 'Expected score by content area' }).getByRole('row').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-readiness');
    await readiness.screenshot({ path: `${ARTIFACTS}/home-readiness-section.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    await readiness.screenshot({ path: `${ARTIFACTS}/home-readiness-section-360.png` });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 240_000);
});
