import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pageErrors, screenshot } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function navigatorLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Questions in this section' }).getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
}

describe('exam simulation', () => {
  it('answers and flags items, survives a reload, warns, runs out of time and reports', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-11-20T09:00:00') });
    await page.goto(`${E2E_URL}/`);
    await page.getByRole('link', { name: 'Exam', exact: true }).first().click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Quick practice, 20 items' }) });
    await card.getByRole('button', { name: /^Start/ }).click();

    await page.getByRole('heading', { name: 'Question 1 of 20' }).waitFor();
    expect(await page.getByRole('timer').textContent()).toBe('28:00');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question 2 of 20' }).waitFor();
    await page.keyboard.press('3');
    await page.keyboard.press('f');
    expect(await page.getByRole('button', { name: 'Flagged for review' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Question 5, not answered' }).click();
    await page.getByRole('heading', { name: 'Question 5 of 20' }).waitFor();
    await page.keyboard.press('2');
    await screenshot(page, 'exam-running');

    await page.reload();
    await page.getByRole('heading', { name: /^Question \d+ of 20$/ }).waitFor();
    const labels = await navigatorLabels(page);
    expect(labels.slice(0, 5)).toEqual(['Question 1, answered', 'Question 2, answered, flagged', 'Question 3, not answered', 'Question 4, not answered', 'Question 5, answered']);

    await page.clock.fastForward('18:30');
    await page.getByRole('alert').filter({ hasText: 'minutes left.' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'minutes left.' }).textContent()).toMatch(/^(9|10) minutes left\.$/);

    await page.clock.fastForward('10:00');
    await page.getByRole('heading', { name: 'Exam report' }).waitFor();
    expect(await page.getByText(/time ran out and the exam submitted itself/).isVisible()).toBe(true);
    expect(await page.getByText(/of 20 answered\)/).textContent()).toMatch(/\(3 of 20 answered\)/);
    expect(await page.getByRole('heading', { name: 'By content area' }).isVisible()).toBe(true);
    await page.getByText(/^Question 1: (right|wrong)/).click();
    expect(await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).first().isVisible()).toBe(true);
    await screenshot(page, 'exam-report');

    await page.getByRole('button', { name: /^Study the \d+ missed questions now$/ }).click();
    await page.getByText(/^Question 1 of \d+/).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
