import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPackFile } from '../../src/domain/content/packFile';
import { contentFolder, questionBody, questionText } from '../fixtures/content';
import { axeViolations, launchChromium, pageErrors, practise, screenshot } from './browser';
import { E2E_URL } from './config';
import { answerDoc } from '../../src/sync/documents';
import { logOf } from '../fixtures/progress';
import { afterSync, asAdmin, connectSync, createCandidate, go, liveDocIds, Relay, setCors, syncNow } from './couch';

let browser: Browser;
const relay = new Relay();
const folder = mkdtempSync(join(tmpdir(), 'rapport-sync-'));
beforeAll(async () => {
  browser = await launchChromium();
  await relay.start();
});
afterAll(async () => {
  await browser?.close();
  await relay.stop();
});

/** A fresh browser profile: its own IndexedDB and localStorage, as another device would have. */
async function device(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  return { context, page };
}

async function answeredToday(page: Page): Promise<string> {
  await go(page, 'Home');
  await page.locator('.today[aria-busy="false"]').waitFor();
  return (await page.locator('dt', { hasText: 'Answered today' }).locator('xpath=following-sibling::dd').textContent()) ?? '';
}

async function reviewsInStatistics(page: Page): Promise<string> {
  await go(page, 'Statistics');
  await page.locator('dt', { hasText: 'Reviews' }).first().waitFor();
  return (await page.locator('dt', { hasText: 'Reviews' }).first().locator('xpath=following-sibling::dd').textContent()) ?? '';
}

function instructorPack(): string {
  const files = contentFolder({
    'fn-001': questionText({ id: 'fn-001' }, questionBody('A 19-year-old college student visits the counseling center after a breakup.')),
    'fn-002': questionText({ id: 'fn-002' }, questionBody('A 63-year-old man meets a hospital social worker before surgery.')),
  }).map((file) => ({
    ...file,
    path: file.path.replace('packs/demo/', 'packs/field-notes/'),
    text: file.text.replace('id: demo', 'id: field-notes').replace('title: Demo pack', 'title: Field notes'),
  }));
  const path = join(folder, 'field-notes.rapport.json');
  writeFileSync(path, JSON.stringify(buildPackFile({ id: 'field-notes', title: 'Field notes', version: '1.0.0' }, files)));
  return path;
}

describe('live sync through a CouchDB-compatible server', () => {
  it('unites two devices’ answers, gives a third device everything with an imported pack, and catches up after the server was down', async () => {
    await createCandidate('rapport-jane', 'jane', 'correct horse');
    const database = `${relay.url}/rapport-jane`;
    const phone = await device(360);
    const laptop = await device();

    // The phone answers three confidentiality questions and imports an instructor's pack; the laptop two trust questions.
    await practise(phone.page, 'confidentiality', 3);
    await phone.page.goto(`${E2E_URL}/packs`);
    await phone.page.getByLabel('Choose a pack file…').setInputFiles(instructorPack());
    await phone.page.getByText('Imported Field notes (2 questions).').waitFor();
    await practise(laptop.page, 'trust-alliance', 2);

    await connectSync(phone.page, E2E_URL, database, 'jane', 'correct horse');
    const phoneStatus = phone.page.getByRole('region', { name: 'Sync' });
    expect(await phoneStatus.getByRole('status').textContent()).toMatch(/^Last synced .*: 3 answers sent, 0 received\.$/);
    await screenshot(phone.page, 'sync-phone-360');

    await connectSync(laptop.page, E2E_URL, database, 'jane', 'correct horse');
    const laptopStatus = laptop.page.getByRole('region', { name: 'Sync' });
    expect(await laptopStatus.getByRole('status').textContent()).toMatch(/2 answers sent, 3 received\.$/);
    expect(await laptopStatus.textContent()).toContain('3 answers added from your other devices');
    expect(await syncNow(phone.page)).toMatch(/0 answers sent, 2 received\.$/);
    expect(await phoneStatus.textContent()).toContain('2 answers added from your other devices');

    // Each device shows the union, on home and in the statistics.
    for (const { page } of [phone, laptop]) {
      expect(await answeredToday(page)).toBe('5');
      expect(await reviewsInStatistics(page)).toBe('5');
    }
    expect(await liveDocIds('rapport-jane', 'log:')).toHaveLength(5);

    // A third, fresh device gets everything, the imported pack included.
    const tablet = await device();
    await connectSync(tablet.page, E2E_URL, database, 'jane', 'correct horse');
    expect(await tablet.page.getByRole('region', { name: 'Sync' }).getByRole('status').textContent()).toMatch(/0 answers sent, 5 received\.$/);
    expect(await answeredToday(tablet.page)).toBe('5');
    await go(tablet.page, 'Packs');
    await tablet.page.getByRole('heading', { name: 'Field notes' }).waitFor();

    // The server goes down; the laptop studies on, and its automatic sync says it cannot reach the server.
    await relay.stop();
    await practise(laptop.page, 'trust-alliance', 2);
    await go(laptop.page, 'Settings');
    await syncNow(laptop.page);
    expect(await laptopStatus.getByRole('alert').textContent()).toContain('cannot be reached');
    expect(await laptopStatus.getByRole('alert').textContent()).not.toContain('correct horse');
    await screenshot(laptop.page, 'sync-unreachable');

    // It comes back: sync catches up, with nothing lost or doubled.
    await relay.start();
    expect(await syncNow(laptop.page)).toMatch(/2 answers sent, 0 received\.$/);
    expect(await laptopStatus.getByRole('alert').count()).toBe(0);
    await go(tablet.page, 'Settings');
    expect(await syncNow(tablet.page)).toMatch(/0 answers sent, 2 received\.$/);
    await go(phone.page, 'Settings');
    expect(await syncNow(phone.page)).toMatch(/0 answers sent, 2 received\.$/);
    expect(await liveDocIds('rapport-jane', 'log:')).toHaveLength(7);
    for (const { page } of [phone, laptop, tablet]) expect(await answeredToday(page)).toBe('7');

    for (const { page, context } of [phone, laptop, tablet]) {
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }
  }, 240_000);

  it('takes an undo and a reset to the other devices, and the next sync never brings those answers back', async () => {
    await createCandidate('rapport-sam', 'sam', 'sam-secret');
    const database = `${relay.url}/rapport-sam`;
    const phone = await device();
    const laptop = await device();
    await practise(phone.page, 'assessment', 2);
    await phone.page.getByText(/^Question 3 of/).waitFor();
    await phone.page.keyboard.press('1');
    await phone.page.keyboard.press('Enter');
    await phone.page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    await connectSync(phone.page, E2E_URL, database, 'sam', 'sam-secret');
    await connectSync(laptop.page, E2E_URL, database, 'sam', 'sam-secret');
    expect(await answeredToday(laptop.page)).toBe('3');

    // The phone takes its third answer back after it was synced.

    await phone.page.goto(`${E2E_URL}/practice/assessment`);
    await phone.page.getByText(/^Question 4 of/).waitFor();
    await phone.page.keyboard.press('u');
    await phone.page.getByText(/^Question 3 of/).waitFor();
    await go(phone.page, 'Settings');
    await syncNow(phone.page);
    await go(laptop.page, 'Settings');
    await syncNow(laptop.page);
    expect(await answeredToday(laptop.page)).toBe('2');

    // A reset on the laptop erases everything everywhere; syncing again brings nothing back.
    await go(laptop.page, 'Settings');
    await laptop.page.getByRole('button', { name: 'Reset progress…' }).click();
    await laptop.page.getByLabel('I understand my answers will be erased').check();
    await laptop.page.getByRole('button', { name: 'Erase my progress' }).click();
    await laptop.page.getByText('Your progress was erased.').waitFor();
    await syncNow(laptop.page);
    await go(phone.page, 'Settings');
    await syncNow(phone.page);
    await syncNow(phone.page);
    await go(laptop.page, 'Settings');
    await syncNow(laptop.page);
    expect(await answeredToday(phone.page)).toBe('0');
    expect(await answeredToday(laptop.page)).toBe('0');
    expect(await liveDocIds('rapport-sam', 'log:')).toEqual([]);
    await phone.context.close();
    await laptop.context.close();
  }, 180_000);

  it('loses and doubles nothing when the server goes away part way through a sync, and the next sync finishes the job', async () => {
    await createCandidate('rapport-lee', 'lee', 'lee-secret');
    // A long history already on the server, from another device.
    const answers = Array.from({ length: 4000 }, (_, index) => ({ question: index % 5, hour: index, grade: 3 as const, desiredRetention: 0.9, heldBy: 1, deletedBy: 0 }));
    const docs = logOf(answers).map(({ heldBy: _h, deletedBy: _d, ...entry }) => answerDoc(entry));
    await asAdmin('/rapport-lee/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs }) });

    const { page, context } = await device();
    await page.goto(`${E2E_URL}/settings`);
    await page.getByLabel('Database address').fill(`${relay.url}/rapport-lee`);
    await page.getByLabel('User name').fill('lee');
    await page.getByLabel('Password').fill('lee-secret');
    const received = relay.bytesFromServer;
    const region = page.getByRole('region', { name: 'Sync' });
    await afterSync(page, async () => {
      await page.getByRole('button', { name: 'Turn on sync' }).click();
      // The server goes away once part of the history has come down.
      while (relay.bytesFromServer - received < 40_000) await new Promise((wait) => setTimeout(wait, 20));
      await relay.stop();
    });
    expect(await region.getByRole('alert').textContent()).toMatch(/Sync stopped part way|cannot be reached/);

    await relay.start();
    expect(await syncNow(page)).toMatch(/0 answers sent, [\d,]+ received\.$/);
    const stored = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          indexedDB.open('rapport').onsuccess = (event) => {
            const db = (event.target as IDBOpenDBRequest).result;
            const request = db.transaction('reviewLog').objectStore('reviewLog').getAll();
            request.onsuccess = () => resolve(request.result.map((entry: { uid: string }) => entry.uid));
          };
        }),
    );
    expect(stored).toHaveLength(4000);
    expect(new Set(stored).size).toBe(4000);
    expect(await liveDocIds('rapport-lee', 'log:')).toHaveLength(4000);
    await context.close();
  }, 180_000);

  it('says in plain words what is wrong: password, missing database, CORS, and an address that is not https', async () => {
    await createCandidate('rapport-kim', 'kim', 'right-password');
    const { page, context } = await device(360);
    await connectSync(page, E2E_URL, `${relay.url}/rapport-kim`, 'kim', 'wrong-password');
    const region = page.getByRole('region', { name: 'Sync' });
    const alert = region.getByRole('alert');
    expect(await alert.textContent()).toBe('The server did not accept this user name and password. Check both (they are case-sensitive) and press Sync now again.');
    expect(await region.textContent()).not.toContain('wrong-password');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'sync-wrong-password-360');

    await page.getByRole('button', { name: 'Turn off sync' }).click();
    await connectSync(page, E2E_URL, `${relay.url}/rapport-nobody`, 'kim', 'right-password');
    expect(await alert.textContent()).toContain('There is no database at this address');

    await setCors(false);
    try {
      await page.getByRole('button', { name: 'Turn off sync' }).click();
      await connectSync(page, E2E_URL, `${relay.url}/rapport-kim`, 'kim', 'right-password');
      expect(await alert.textContent()).toContain(`CORS is not enabled there for ${E2E_URL}`);
    } finally {
      await setCors(true);
    }

    await page.getByRole('button', { name: 'Turn off sync' }).click();
    await page.getByLabel('Database address').fill('http://couch.example.org/rapport-kim');
    await page.getByRole('button', { name: 'Turn on sync' }).click();
    expect(await region.getByRole('alert').textContent()).toContain('Use an https:// address');
    // The password stays in this browser only: not in a backup.
    expect(inject('couch').url).not.toBe('');
    await context.close();
  }, 120_000);
});
