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

describe('the author preview on a phone', () => {
  it('flags the template’s placeholder text as errors while still showing the question, and clears them as the author writes', async () => {
    const page = await openPage(browser, '/author', 360);
    const checker = page.getByRole('region', { name: 'Checker' });
    await expect.poll(() => checker.getByRole('listitem').count()).toBe(9);
    expect(await checker.textContent()).toContain("Line 10, error: the scenario is still the template's placeholder: write the scenario in its place");
    expect(await page.getByRole('group', { name: 'What should the social worker do FIRST?' }).isVisible()).toBe(true);
    await screenshot(page, 'author-preview-placeholders-360');

    const editor = page.getByRole('textbox', { name: 'Question file' });
    const written = (await editor.inputValue())
      .replace(/Write the scenario here[^]*?matter\./, 'A 40-year-old woman asks whether her employer will learn what she says in sessions.')
      .replace('Write the best option here.', 'Explain what is shared, with whom, and when.')
      .replace('Explain why this option is the best answer.', 'Honest limits build trust.')
      .replace('Write a plausible but worse option here.', 'Promise that nothing will be shared.')
      .replace('Write another plausible option here.', 'Ask why she is worried about her employer.')
      .replace(/### D\.[^]*$/, '')
      .replaceAll('Explain why this option is worse than A in this situation.', 'A worse choice here.');
    await editor.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(written);
    await checker.getByText('No problems found.').waitFor();
    expect(await page.getByRole('radio', { name: /Explain what is shared/ }).isVisible()).toBe(true);
    await screenshot(page, 'author-preview-written-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(pageErrors(page)).toEqual([]);
  });
});
