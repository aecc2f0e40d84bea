import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFile } from '../../src/domain/content/packFile';
import { launchChromium } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Each tries to set window.__xss; none may succeed. */
const ATTACKS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"><circle r="1"/></svg>',
  '<iframe src="javascript:window.__xss = \'iframe\'"></iframe>',
  '[click me](javascript:window.__xss=\'link\')',
  '[data](data:text/html,<script>window.__xss=1</script>)',
  '<a id="__xss" name="__xss" href="#">clobber</a> <form name="getElementById"></form>',
  '<details open ontoggle="window.__xss = \'details\'">x</details>',
];
const corpus = ATTACKS.join(' ');
const inline = ATTACKS.map((attack) => attack.replace(/\n/g, ' ')).join(' ');

function hostilePack(): string {
  const files = [
    { path: 'packs/hostile/pack.yaml', text: `id: hostile\ntitle: ${JSON.stringify(`Hostile ${inline}`)}\nversion: 1.0.0\ndescription: ${JSON.stringify(inline)}\nauthors: [${JSON.stringify(inline)}]\n` },
    {
      path: 'principles/hostile-principle.md',
      text: `---\nid: hostile-principle\ntitle: ${JSON.stringify(`Hostile principle ${inline}`)}\nsummary: ${JSON.stringify(inline)}\nsources: [${JSON.stringify(inline)}]\n---\n## What it says\n\n${corpus}\n`,
    },
    {
      path: 'packs/hostile/h-001.md',
      text: `---\nid: h-001\narea: values-ethics\nqualifier: FIRST\ndifficulty: 1\nanswer: A\nprinciples: [hostile-principle]\ntags: [xss]\n---\nA stem. ${corpus}\n\n## What should the social worker do FIRST? ${inline}\n\n### A. Option ${inline}\nWhy A ${corpus}\n\n### B. Option two ${inline}\nWhy B ${corpus}\n\n### C. Option three ${inline}\nWhy C ${corpus}\n`,
    },
  ];
  const folder = mkdtempSync(join(tmpdir(), 'rapport-hostile-'));
  const path = join(folder, 'hostile.rapport.json');
  writeFileSync(path, JSON.stringify(buildPackFile({ id: 'hostile', title: 'Hostile', version: '1.0.0' }, files)));
  return path;
}

describe('a hostile pack', () => {
  it('shows its text as text everywhere and runs none of it', async () => {
    const page = await browser.newPage();
    await page.goto(`${E2E_URL}/packs`);
    await page.getByLabel('Choose a pack file…').setInputFiles(hostilePack());
    await page.getByText(/^Imported Hostile/).waitFor();

    await page.goto(`${E2E_URL}/practice/hostile`);
    await page.getByText('Question 1 of 1').waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Correct' }).waitFor();
    expect(await page.getByText('<script>window.__xss = "script"</script>').count()).toBeGreaterThan(0);

    const dangerous = async () =>
      page.evaluate(() => ({
        sentinel: (window as unknown as { __xss?: unknown }).__xss,
        elements: document.querySelectorAll('main script, main iframe, main svg, main object, main embed, main [onerror], main [onload], main [ontoggle], main form[name], main img').length,
        scriptLinks: [...document.querySelectorAll('main a')].filter((link) => /^(javascript|data):/i.test(link.getAttribute('href') ?? '')).length,
      }));
    expect(await dangerous()).toEqual({ sentinel: undefined, elements: 0, scriptLinks: 0 });

    await page.getByRole('link', { name: /^Hostile principle/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Hostile principle/ }).waitFor();
    expect(await dangerous()).toEqual({ sentinel: undefined, elements: 0, scriptLinks: 0 });

    await page.goto(`${E2E_URL}/packs`);
    await page.getByRole('heading', { name: /^Hostile/ }).waitFor();
    await page.goto(`${E2E_URL}/`);
    await page.getByRole('heading', { name: /^Hostile/ }).waitFor();
    expect(await dangerous()).toEqual({ sentinel: undefined, elements: 0, scriptLinks: 0 });
    await page.close();
  });
});
