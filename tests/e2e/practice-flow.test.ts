import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a candidate practises a pack in Chromium', () => {
  it('goes from the packs to a question, its explanation, a principle and back, then on to the next question', async () => {
    const page = await openPage(browser, '/');
    await page.getByRole('heading', { name: 'Question packs' }).waitFor();
    const packCount = await page.getByRole('link', { name: 'Practise' }).count();
    expect(packCount).toBeGreaterThanOrEqual(1);

    await page.getByRole('link', { name: 'Practise' }).first().click();
    await page.getByText(/^Question 1 of \d+$/).waitFor();
    const total = Number((await page.getByText(/^Question 1 of \d+$/).textContent())?.match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThanOrEqual(12);
    const options = page.getByRole('radio');
    const optionCount = await options.count();
    expect(optionCount).toBeGreaterThanOrEqual(3);

    await page.keyboard.press('1');
    expect(await options.first().isChecked()).toBe(true);
    // Where the question and every option sit on the page, scrolling aside.
    const placeOfQuestion = () =>
      page.locator('fieldset.options, fieldset.options label').evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return [Math.round(box.left), Math.round(box.top + window.scrollY), Math.round(box.width)];
        }),
      );
    const before = await placeOfQuestion();
    expect(before).toHaveLength(optionCount + 1);
    await page.keyboard.press('Enter');

    const verdict = page.getByRole('heading', { name: /^(Correct|Incorrect)$/ });
    await verdict.waitFor();
    expect(await verdict.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await placeOfQuestion()).toEqual(before);
    const rationales = page.getByRole('list', { name: 'Why each option is right or wrong' }).getByRole('listitem');
    expect(await rationales.count()).toBe(optionCount);
    expect(await page.getByText('Best answer', { exact: true }).count()).toBe(1);
    const shot = await screenshot(page, 'feedback');
    expect(existsSync(shot)).toBe(true);

    const principleLinks = page.getByRole('list', { name: 'Principles behind this question' }).getByRole('link');
    expect(await principleLinks.count()).toBeGreaterThanOrEqual(1);
    const principleName = (await principleLinks.first().textContent()) ?? '';
    await principleLinks.first().click();
    await page.getByRole('heading', { level: 1, name: principleName }).waitFor();
    expect(await page.getByRole('heading', { name: 'Sources', exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'principle');

    await page.getByRole('button', { name: /Back to the question/ }).click();
    await verdict.waitFor();
    await page.getByText('Question 1 of').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`Question 2 of ${total}`).waitFor();
    expect(await verdict.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    const page = await openPage(browser, '/', 360);
    await page.getByRole('link', { name: 'Practise' }).first().click();
    await page.getByText(/^Question 1 of/).waitFor();
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    await screenshot(page, 'feedback-360');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('answers a whole question with the keyboard alone, starting from the home page', async () => {
    const page = await openPage(browser, '/');
    await page.getByRole('heading', { name: 'Question packs' }).waitFor();
    // Tab from the top of the page to the first Practise link.
    let focused: string | undefined;
    for (let step = 0; step < 30 && focused !== 'Practise'; step++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? undefined);
    }
    expect(focused).toBe('Practise');
    await page.keyboard.press('Enter');
    await page.getByText(/^Question 1 of/).waitFor();
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/^Question 2 of/).waitFor();
  });

  it('shows a not-found page for an unknown address', async () => {
    const page = await openPage(browser, '/no/such/page');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await page.title()).toBe('Not found · Rapport');
  });
});

describe('a whole study session by keyboard', () => {
  it('answers every question with number keys and Enter, with focus following along, to the summary', async () => {
    const page = await openPage(browser, '/study');
    const progress = page.getByText(/^Question \d+ of \d+/);
    await progress.waitFor();
    const total = Number((await progress.textContent())?.match(/of (\d+)/)?.[1]);
    for (let index = 1; index <= total; index++) {
      await page.getByText(`Question ${index} of ${total}`).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('practice-heading');
      // Most items have three options: keys 1–3 exist on every one.
      await page.keyboard.press(String(((index - 1) % 3) + 1));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^(Correct|Incorrect)$/);
      await page.keyboard.press(index % 2 ? 'Enter' : ' ');
    }
    await page.getByRole('heading', { name: 'Session complete' }).waitFor();
    expect(await page.getByText(new RegExp(`^You answered \\d+ of ${total} questions correctly\\.$`)).count()).toBe(1);
    await page.getByRole('heading', { name: 'What you studied' }).waitFor();
    await screenshot(page, 'session-complete');
  });
});
