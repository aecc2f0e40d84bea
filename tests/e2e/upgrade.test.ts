import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContent } from '../fixtures/packs';
import { launchChromium } from './browser';
import { E2E_URL } from './config';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** An imported pack as version 4 stored it: the listing held four facts per question, the questions lay apart. */
function version4Of(pack: ReturnType<typeof demoContent>['pack']) {
  const { questions, ...meta } = pack;
  return { meta, questions, oldFacts: questions.map(({ id, principles, area, contentHash }) => ({ id, principles, area, contentHash })) };
}

describe('an install of the previous version', () => {
  it('upgrades in Chromium’s own IndexedDB: imported packs keep their questions, the streak, today’s answers and the accuracy by principle carry over', async () => {
    const { pack } = demoContent();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A file of the app's origin that runs none of its code, so nothing opens the database first.
    await page.goto(`${E2E_URL}/manifest.webmanifest`);
    // The database as version 4 left it, laid out as Dexie lays it out (its version 4 is IndexedDB's 40),
    // with answers yesterday and today.
    await page.evaluate(async ({ meta, questions, oldFacts }) => {
      const request = indexedDB.open('rapport', 40);
      request.onupgradeneeded = () => {
        const db = request.result;
        const compound = ['packId', 'questionId'];
        const cards = db.createObjectStore('cards', { keyPath: compound });
        cards.createIndex('packId', 'packId');
        cards.createIndex('due', 'due');
        const log = db.createObjectStore('reviewLog', { keyPath: 'id', autoIncrement: true });
        log.createIndex('[packId+questionId]', compound);
        log.createIndex('review', 'review');
        log.createIndex('day', 'day');
        for (const name of ['session', 'settings', 'importedPacks', 'importedPackFiles', 'exam']) db.createObjectStore(name, { keyPath: 'id' });
        db.createObjectStore('packPreferences', { keyPath: 'packId' });
        db.createObjectStore('answeredQuestions', { keyPath: 'packId' });
        db.createObjectStore('examAttempts', { keyPath: 'id', autoIncrement: true }).createIndex('submittedAt', 'submittedAt');
        db.createObjectStore('importedQuestions', { keyPath: compound }).createIndex('packId', 'packId');
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const now = new Date();
      const day = (offset: number) => {
        const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - offset, 12);
        return { date, day: `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}` };
      };
      const entry = (offset: number, state: number) => ({
        ...{ packId: meta.id, questionId: 'q-001', chosen: 'B', correct: true, confidence: 'normal', desiredRetention: 0.9, contentHash: questions[0]?.contentHash },
        ...{ rating: 3, state, due: day(offset).date, stability: 3, difficulty: 5, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 3, learning_steps: 0 },
        review: day(offset).date,
        previousDue: day(offset).date,
        day: day(offset).day,
      });
      const transaction = db.transaction(['importedPacks', 'importedQuestions', 'importedPackFiles', 'reviewLog', 'cards', 'answeredQuestions'], 'readwrite');
      transaction.objectStore('importedPacks').put({ id: meta.id, meta, questions: oldFacts, principles: [], importedAt: now });
      for (const question of questions) transaction.objectStore('importedQuestions').put({ packId: meta.id, questionId: question.id, question });
      transaction.objectStore('importedPackFiles').put({ id: meta.id, files: [] });
      transaction.objectStore('reviewLog').add(entry(1, 0));
      transaction.objectStore('reviewLog').add(entry(0, 2));
      transaction.objectStore('cards').put({
        ...{ packId: meta.id, questionId: 'q-001', contentHash: questions[0]?.contentHash, lastCorrect: true },
        ...{ due: day(-3).date, stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 3, learning_steps: 0, reps: 2, lapses: 0, state: 2, last_review: day(0).date },
      });
      transaction.objectStore('answeredQuestions').put({ packId: meta.id, questionIds: ['q-001'] });
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    }, version4Of(pack));

    await page.goto(`${E2E_URL}/`);
    await page.locator('.today[aria-busy="false"]').waitFor();
    const figure = (name: string) => page.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd').textContent();
    expect(await figure('Answered today')).toBe('1');
    expect(await figure('Streak')).toBe('2 days');
    await page.getByRole('heading', { name: 'Demo pack' }).waitFor();

    // The imported pack's questions are studied and drawn from the new listing.
    await page.goto(`${E2E_URL}/practice/demo`);
    await page.getByText('Question 1 of 2').waitFor();
    const listing = await page.evaluate(
      () =>
        new Promise<{ qualifiers: string[]; days: number; answerDays: number }>((resolve) => {
          indexedDB.open('rapport').onsuccess = (event) => {
            const db = (event.target as IDBOpenDBRequest).result;
            const transaction = db.transaction(['importedPacks', 'studyDays', 'dayAnswers']);
            const row = transaction.objectStore('importedPacks').get('demo');
            const days = transaction.objectStore('studyDays').count();
            const answerDays = transaction.objectStore('dayAnswers').count();
            transaction.oncomplete = () => resolve({ qualifiers: row.result.facts.qualifiers, days: days.result, answerDays: answerDays.result });
          };
        }),
    );
    expect(listing).toEqual({ qualifiers: pack.questions.map((question) => question.qualifier), days: 2, answerDays: 2 });
    // Accuracy by principle counts the answers given before the upgrade.
    await page.goto(`${E2E_URL}/stats`);
    await page.getByRole('table', { name: 'Accuracy by principle, weakest first' }).getByText('2 of 2 right').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
