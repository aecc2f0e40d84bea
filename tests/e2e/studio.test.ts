import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFile } from '../../src/domain/content/packFile';
import { contentFolder, questionBody, questionText } from '../fixtures/content';
import { axeViolations, launchChromium, openPage, pageErrors, screenshot } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), 'rapport-studio-'));
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Written {
  stem: string;
  options: [string, string][];
  best: string;
  principle: string;
}

const QUESTIONS: Written[] = [
  {
    stem: 'A 52-year-old bus driver sent by his employer sits with his arms folded and says he has nothing to talk about.',
    options: [
      ['Explain the assessment forms he must complete today.', 'Paperwork before any engagement deepens his sense of being processed.'],
      ['Acknowledge that he did not choose to come and ask what he makes of it.', 'Naming the mandate openly invites him in without pretending it away.'],
      ['Tell him the employer will hear about his attendance only.', 'A promise about reports made before checking the referral terms.'],
    ],
    best: 'B',
    principle: 'Empathy and active listening',
  },
  {
    stem: 'A grandmother raising two grandchildren asks, before saying anything else, whether the agency will tell child protective services what she says.',
    options: [
      ['Reassure her that everything she says stays private.', 'Promises more than the law allows; reporting duties exist.'],
      ['Change the subject to the children’s school needs.', 'Avoids her question and teaches her not to ask.'],
      ['Explain plainly what stays private and when a report would be required.', 'Honest limits, told before she shares, make trust possible.'],
    ],
    best: 'C',
    principle: 'Confidentiality and its limits',
  },
  {
    stem: 'A young man who left a shelter after a conflict with staff returns a week later and stands at the door of the drop-in room.',
    options: [
      ['Greet him by name and say he is welcome back today.', 'A warm, simple welcome repairs the break without a lecture.'],
      ['Remind him of the shelter rules he broke before he comes in.', 'Leading with the rules repeats the conflict at the door.'],
      ['Ask a colleague to speak with him instead.', 'Handing him off tells him the relationship ended.'],
    ],
    best: 'A',
    principle: 'Human relationships before procedure',
  },
];

/** Presses Tab until the focused element has this accessible name, as a keyboard user moves. */
async function tabTo(page: Page, name: RegExp, limit = 80) {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelled = element.getAttribute('aria-label') ?? (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null) ?? element.closest('label')?.textContent;
      return (labelled ?? element.textContent ?? '').trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no element named ${name} within ${limit} presses of Tab`);
}

/** Fills one question in the studio's form: by keyboard alone when `keyboard`, else with the mouse. */
async function writeQuestion(page: Page, question: Written, keyboard: boolean) {
  const editor = page.getByRole('region', { name: /^Question \d of \d/ });
  if (keyboard) {
    await tabTo(page, /^Scenario/);
    await page.keyboard.type(question.stem);
    for (const [index, [text, why]] of question.options.entries()) {
      const letter = 'ABC'[index] as string;
      await tabTo(page, new RegExp(`^Text of option ${letter}$`));
      await page.keyboard.type(text);
      await tabTo(page, new RegExp(`^Why option ${letter}`));
      await page.keyboard.type(why);
    }
    await tabTo(page, /^Remove option D$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Best answer$/);
    await page.keyboard.press(question.best);
    await tabTo(page, /^Find a principle to link$/);
    await page.keyboard.type(question.principle.split(' ')[0] as string);
    await tabTo(page, new RegExp(`^Link “${question.principle}”$`));
    await page.keyboard.press('Enter');
  } else {
    await editor.getByLabel('Scenario (the stem)').fill(question.stem);
    for (const [index, [text, why]] of question.options.entries()) {
      const letter = 'ABC'[index] as string;
      await editor.getByLabel(`Text of option ${letter}`).fill(text);
      await editor.getByLabel(new RegExp(`^Why option ${letter}`)).fill(why);
    }
    await editor.getByRole('button', { name: 'Remove option D' }).click();
    await editor.getByLabel('Best answer', { exact: true }).selectOption(question.best);
    await editor.getByLabel('Find a principle to link').fill(question.principle);
    await editor.getByRole('button', { name: `Link “${question.principle}”` }).click();
  }
  await editor.getByRole('button', { name: `Unlink “${question.principle}”` }).waitFor();
}

describe('the pack studio', () => {
  it('builds a three-question pack with keyboard and mouse, keeps it through a reload, and exports a pack file a fresh profile imports and studies', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${E2E_URL}/`);
    await page.getByRole('link', { name: 'write your own pack in the pack studio' }).click();
    await page.getByRole('heading', { name: 'Pack studio', level: 1 }).waitFor();

    // The new pack's details, by keyboard.
    await tabTo(page, /^Title$/);
    await page.keyboard.type('Field notes');
    await page.keyboard.press('Tab');
    await page.keyboard.type('First sessions in community settings.');
    await tabTo(page, /^Authors, one per line$/);
    await page.keyboard.type('A. Instructor');
    await tabTo(page, /^Start the pack$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Pack details', level: 2 }).waitFor();
    await page.getByText('Checker: 1 error, 0 warnings in 0 questions.').waitFor();

    // Question 1 with the mouse; a live error in its id, then fixed.
    await page.getByRole('button', { name: 'Add a question' }).click();
    const editor = page.getByRole('region', { name: 'Question 1 of 1: fn-001' });
    await editor.waitFor();
    await writeQuestion(page, QUESTIONS[0] as Written, false);
    await editor.getByLabel('Id', { exact: true }).fill('Opening 1');
    const idError = page.getByText('"id": use lower-case letters, digits and single hyphens');
    await idError.waitFor();
    expect(await page.getByLabel('Id', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'studio-live-error');
    await page.getByRole('button', { name: /^line \d+ in the source$/ }).first().click();
    const source = page.getByLabel(/^Markdown source of/);
    expect(await source.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd))).toBe('id: Opening 1');
    await page.getByLabel('Form').check();
    await page.getByLabel('Id', { exact: true }).fill('fn-001');
    await idError.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'As candidates see it' }).waitFor();
    await page.getByRole('group', { name: 'What should the social worker do FIRST?' }).getByText('Acknowledge that he did not choose').click();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: 'Correct' }).waitFor();

    // Question 2 by keyboard alone, then a reload mid-way.
    await page.getByRole('button', { name: 'Add a question' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Question 2 of 2: fn-002' }).waitFor();
    await writeQuestion(page, QUESTIONS[1] as Written, true);
    await page.reload();
    await page.getByRole('region', { name: 'Question 2 of 2: fn-002' }).waitFor();
    expect(await page.getByLabel('Scenario (the stem)').inputValue()).toBe(QUESTIONS[1]?.stem);
    expect(await page.getByLabel('Best answer', { exact: true }).inputValue()).toBe('C');
    await page.getByRole('link', { name: /^fn-001/ }).click();
    expect(await page.getByLabel('Scenario (the stem)').inputValue()).toBe(QUESTIONS[0]?.stem);

    // Question 3, and the whole pack in order.
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('region', { name: 'Question 3 of 3: fn-003' }).waitFor();
    await writeQuestion(page, QUESTIONS[2] as Written, false);
    await page.getByText('Checker: 0 errors').waitFor();
    await screenshot(page, 'studio-three-questions');
    await page.getByRole('button', { name: 'Preview the whole pack' }).click();
    await page.getByText('Question 1 of 3').waitFor();

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the pack file (.rapport.json)' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('field-notes-1.0.0.rapport.json');
    const packFile = join(folder, download.suggestedFilename());
    await download.saveAs(packFile);
    expect(errors).toEqual([]);
    await context.close();

    // A candidate on a fresh profile imports the file and studies it.
    const study = await openPage(browser, '/packs');
    const candidate = study.context();
    await study.getByLabel('Choose a pack file…').setInputFiles(packFile);
    await study.getByText('Imported Field notes (3 questions).').waitFor();
    await study.goto(`${E2E_URL}/practice/field-notes`);
    await study.getByText('Question 1 of 3').waitFor();
    expect(await study.getByText(QUESTIONS[0]?.stem as string).isVisible()).toBe(true);
    await study.keyboard.press('2');
    await study.keyboard.press('Enter');
    await study.getByRole('heading', { name: 'Correct' }).waitFor();
    expect(pageErrors(study)).toEqual([]);
    await candidate.close();
  });
});

/** A valid three-question pack file, "Field notes" 1.2.0 by two authors, as an instructor would send it. */
function fieldNotesFile(): string {
  const stems = ['A 19-year-old college student visits the counseling center after a breakup.', 'A 63-year-old man meets a hospital social worker before surgery.', 'A mother of three comes to a food bank and asks to speak with someone.'];
  const files = contentFolder(Object.fromEntries(stems.map((stem, index) => [`fn-00${index + 1}`, questionText({ id: `fn-00${index + 1}` }, questionBody(stem))]))).map((file) => ({
    ...file,
    path: file.path.replace('packs/demo/', 'packs/field-notes/'),
    text: file.text.replace('id: demo', 'id: field-notes').replace('title: Demo pack', 'title: Field notes').replace('version: 1.0.0', 'version: 1.2.0').replace('authors: [Tester]', 'authors: [A. Instructor, B. Mentor]'),
  }));
  return JSON.stringify(buildPackFile({ id: 'field-notes', title: 'Field notes', version: '1.2.0' }, files));
}

describe('files in and out of the studio', () => {
  it('opens a Moodle quiz with notes on what was skipped, and exports the folder, Moodle’s file and the pack file', async () => {
    const page = await openPage(browser, '/studio');
    await page.getByLabel('Choose a file to open…').setInputFiles('tests/fixtures/import/moodle-examples.gift');
    await page.getByRole('heading', { name: 'moodle examples', level: 1 }).waitFor();
    const notes = page.getByRole('region', { name: 'What the import left out' });
    await notes.getByText(/skipped the question .*\(short answer\)/).first().waitFor();
    await notes.getByRole('button', { name: 'Done with these notes' }).click();
    await notes.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /^Pack details/ }).click();
    await page.getByText('"authors": name at least one author').waitFor();

    // A pack with errors still goes out as a folder for git, but not as a file for candidates or Moodle.
    const zip = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the folder (.zip)' }).click();
    expect((await zip).suggestedFilename()).toBe('moodle-examples.zip');
    await page.getByRole('button', { name: 'Download the pack file (.rapport.json)' }).click();
    await page.getByRole('alert').getByText(/^Fix the \d+ errors first: candidates’ apps refuse a pack file with errors/).waitFor();

    await page.goto(`${E2E_URL}/studio`);
    const path = join(folder, 'field-notes-1.2.0.rapport.json');
    writeFileSync(path, fieldNotesFile());
    await page.getByLabel('Choose a file to open…').setInputFiles(path);
    await page.getByText('Checker: 0 errors').waitFor();
    const gift = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download for Moodle (.gift)' }).click();
    const giftFile = join(folder, (await gift).suggestedFilename());
    await (await gift).saveAs(giftFile);
    expect(readFileSync(giftFile, 'utf8')).toMatch(/^\/\/ Field notes, version 1\.2\.0/);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('works offline once the app has loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.goto(`${E2E_URL}/studio`);
    await startPack(page, 'Offline notes');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('heading', { name: /^Question 1 of 1/ }).waitFor();
    await page.getByText('"principles": link at least one principle').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /^Question 1 of 1/ }).waitFor();
    await context.close();
  });
});

describe('sharing a pack by link', () => {
  it('makes a link in the studio that a fresh profile opens, shows the pack and imports it only after the candidate agrees', async () => {
    const path = join(folder, 'field-notes-1.2.0.rapport.json');
    writeFileSync(path, fieldNotesFile());
    const author = await browser.newContext();
    const page = await author.newPage();
    await page.goto(`${E2E_URL}/studio`);
    await page.getByLabel('Choose a file to open…').setInputFiles(path);
    await page.getByRole('heading', { name: 'Field notes', level: 1 }).waitFor();
    await page.getByText('Checker: 0 errors').waitFor();
    await page.getByRole('button', { name: 'Make a share link' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    expect(link).toMatch(new RegExp(`^${E2E_URL}/packs#import=[A-Za-z0-9_-]+$`));
    await author.close();

    const declining = await browser.newContext();
    const declined = await declining.newPage();
    await declined.goto(link);
    const offer = declined.getByRole('region', { name: 'A pack shared with you' });
    await offer.getByRole('button', { name: 'Don’t import' }).click();
    expect(new URL(declined.url()).hash).toBe('');
    expect(await declined.getByRole('heading', { name: 'Field notes' }).count()).toBe(0);
    await declining.close();

    const study = await openPage(browser, link.replace(E2E_URL, ''), 360);
    const candidate = study.context();
    const shared = study.getByRole('region', { name: 'A pack shared with you' });
    await shared.getByText('Field notes', { exact: true }).waitFor();
    expect(await shared.locator('dl').innerText()).toBe('Title\nField notes\nAuthors\nA. Instructor, B. Mentor\nVersion\n1.2.0\nQuestions\n3');
    expect(await study.getByRole('listitem').filter({ has: study.getByRole('heading', { name: 'Field notes' }) }).count()).toBe(0);
    await screenshot(study, 'shared-link-offer-360');
    await shared.getByRole('button', { name: 'Import Field notes' }).click();
    await shared.getByText('Imported Field notes (3 questions).').waitFor();
    expect(new URL(study.url()).hash).toBe('');
    await study.goto(`${E2E_URL}/practice/field-notes`);
    await study.getByText('Question 1 of 3').waitFor();
    expect(pageErrors(study)).toEqual([]);
    await candidate.close();
  });

  it('imports a pack file hosted beside the app from a link to it', async () => {
    mkdirSync('dist/shared', { recursive: true });
    writeFileSync('dist/shared/field-notes-1.2.0.rapport.json', fieldNotesFile());
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/packs#import-from=shared/field-notes-1.2.0.rapport.json`);
    const shared = page.getByRole('region', { name: 'A pack shared with you' });
    await shared.getByText('A. Instructor, B. Mentor').waitFor();
    await shared.getByRole('button', { name: 'Import Field notes' }).click();
    await shared.getByText('Imported Field notes (3 questions).').waitFor();
    await page.goto(`${E2E_URL}/packs#import-from=https://example.com/pack.rapport.json`);
    await page.getByText('The link points at a pack on another site (example.com)').waitFor();
    await context.close();
  });
});

async function startPack(page: Page, title: string) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill('Checked by the tests.');
  await page.getByLabel('Authors, one per line').fill('A. Tester');
  await page.getByRole('button', { name: 'Start the pack' }).click();
}

describe('the studio for everyone', () => {
  it.each(['light', 'dark'] as const)('has no axe violations in the %s theme: drafts, a question with errors, its source, its preview and a share link', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/studio`);
    await page.getByRole('heading', { name: 'Start a new pack' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await startPack(page, 'Axe check');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('heading', { name: /^Question 1 of 1/ }).waitFor();
    await page.getByText('"principles": link at least one principle').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Find a principle to link').fill('trust');
    await screenshot(page, `studio-picker-${colorScheme}`, { fullPage: false });
    await page.getByRole('button', { name: 'Link “Trust as the foundation of practice”' }).click();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'Submit answer' }).waitFor();
    await page.getByRole('region', { name: 'As candidates see it' }).getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('heading', { name: 'Correct' }).waitFor();
    await page.getByRole('button', { name: 'Make a share link' }).click();
    await page.getByLabel('Markdown source').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /^Pack details/ }).click();
    await page.getByRole('heading', { name: 'Pack details' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('works at 360 px wide: flags the template’s stand-in text while still showing the question, and clears it as the author writes', async () => {
    const page = await openPage(browser, '/studio', 360);
    await startPack(page, 'Field notes');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByRole('heading', { name: /^Question 1 of 1/ }).waitFor();
    await page.getByLabel('Find a principle to link').fill('foundation');
    await page.getByRole('button', { name: 'Link “Trust as the foundation of practice”' }).click();
    await page.getByText('Error: the scenario is still the template\'s placeholder').waitFor();
    const preview = page.getByRole('region', { name: 'As candidates see it' });
    await preview.getByRole('group', { name: 'What should the social worker do FIRST?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'studio-placeholders-360');

    await page.getByLabel('Scenario (the stem)').fill('A 40-year-old woman asks whether her employer will learn what she says in sessions.');
    const options = ['Explain what is shared, with whom, and when.', 'Promise that nothing will be shared.', 'Ask why she is worried about her employer.'];
    for (const [index, text] of options.entries()) {
      await page.getByLabel(`Text of option ${'ABC'[index]}`).fill(text);
      await page.getByLabel(new RegExp(`^Why option ${'ABC'[index]}`)).fill(index === 0 ? 'Honest limits build trust.' : 'A worse choice here.');
    }
    await page.getByRole('button', { name: 'Remove option D' }).click();
    await page.getByText(/^Checker: 0 errors/).waitFor();
    expect(await preview.getByRole('radio', { name: /Explain what is shared/ }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'studio-written-360');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
