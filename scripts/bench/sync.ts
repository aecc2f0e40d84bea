/**
 * `npm run bench:sync`: measures sync against a local CouchDB-compatible server (pouchdb-server in
 * memory): the size of one answer as a document, and the time and bytes to bring a long history
 * to a fresh device in Chromium, then one day's answers from another device. Prints the figures
 * docs/sync.md quotes. Not part of `npm test`: it takes minutes. Set SYNC_ANSWERS to change the size.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rating } from 'ts-fsrs';
import { startCouchServer } from '../couch-server';
import { localDay } from '../../src/domain/dates';
import type { StoredReview } from '../../src/domain/progress';
import { newCard, schedule, type Card, type Grade } from '../../src/domain/scheduling';
import { answerDoc } from '../../src/sync/documents';
import { launchChromiumProfile } from '../../tests/e2e/browser';
import { E2E_PORT, E2E_URL } from '../../tests/e2e/config';
import { Relay } from '../../tests/e2e/couch';
import serveBuild from '../../tests/e2e/serve-build';

const ANSWERS = Number(process.env.SYNC_ANSWERS ?? 200_000);
const QUESTIONS = 2_000;
const PACKS = ['assessment', 'confidentiality', 'ethics-boundaries', 'lifespan-diversity', 'trust-alliance'];
const DAY = 86_400_000;

/** A long history as a device records it: answers spread over a year, each card scheduled from the one before. */
function history(count: number): StoredReview[] {
  const cards = new Map<number, Card>();
  const start = Date.now() - 365 * DAY;
  return Array.from({ length: count }, (_, index) => {
    const question = (index * 7919) % QUESTIONS;
    const review = new Date(start + Math.floor((index / count) * 364 * DAY) + (index % 600) * 60_000);
    const before = cards.get(question) ?? newCard(review);
    const grade = (index % 5 === 0 ? Rating.Again : Rating.Good) as Grade;
    const { card, log } = schedule(before, grade, review, { desiredRetention: 0.9 });
    cards.set(question, card);
    const packId = PACKS[question % PACKS.length] ?? 'assessment';
    return {
      ...log,
      uid: `bench${index.toString(16).padStart(20, '0')}`,
      packId,
      questionId: `${packId.slice(0, 2)}-${String(question).padStart(3, '0')}`,
      day: localDay(review),
      chosen: grade === Rating.Again ? 'B' : 'A',
      correct: grade !== Rating.Again,
      confidence: 'normal',
      desiredRetention: 0.9,
      examDate: undefined,
      contentHash: '1a2b3c4d',
      previousDue: before.due,
    };
  });
}

async function admin(server: { url: string; admin: { name: string; password: string } }, path: string, init: RequestInit = {}) {
  const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  const response = await fetch(`${server.url}${path}`, { ...init, headers: { 'Content-Type': 'application/json', Authorization: auth } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function main() {
  // Generated first: a long synchronous task between requests leaves undici a kept-alive socket the server has closed.
  const all = history(ANSWERS + 150).map(answerDoc);
  const docs = all.slice(0, ANSWERS);
  const day = all.slice(ANSWERS);
  const server = await startCouchServer();
  const stopPreview = await serveBuild();
  const relay = new Relay(server.url);
  try {
    await admin(server, '/rapport-bench', { method: 'PUT' });
    await admin(server, '/_users/org.couchdb.user:bench', { method: 'PUT', body: JSON.stringify({ name: 'bench', password: 'bench', roles: [], type: 'user' }) });
    await admin(server, '/rapport-bench/_security', { method: 'PUT', body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: ['bench'], roles: [] } }) });

    const docBytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(JSON.stringify(doc)), 0);
    console.log(`answers: ${ANSWERS.toLocaleString('en-US')} on ${QUESTIONS} questions over a year`);
    console.log(`one answer as a document: ${(docBytes / ANSWERS).toFixed(0)} bytes of JSON`);
    const uploadStart = performance.now();
    for (let start = 0; start < docs.length; start += 2000) {
      await admin(server, '/rapport-bench/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: docs.slice(start, start + 2000) }) });
      if (start % 50_000 === 0) console.log(`  ${start.toLocaleString('en-US')} uploaded`);
    }
    console.log(`server filled in ${((performance.now() - uploadStart) / 1000).toFixed(1)} s`);

    await relay.start();
    const profile = mkdtempSync(join(tmpdir(), 'rapport-sync-bench-'));
    const context = await launchChromiumProfile(profile);
    const page = await context.newPage();
    await page.goto(`${E2E_URL}/settings`);
    await page.getByLabel('Database address').fill(`${relay.url}/rapport-bench`);
    await page.getByLabel('User name').fill('bench');
    await page.getByLabel('Password').fill('bench');
    const started = performance.now();
    await page.getByRole('button', { name: 'Turn on sync' }).click();
    await page.waitForFunction(() => /Last synced|cannot|failed|stopped/.test(document.querySelector('[data-ended-at]')?.textContent ?? ''), undefined, { timeout: 3_600_000, polling: 1000 });
    const seconds = (performance.now() - started) / 1000;
    const status = await page.locator('[data-ended-at]').textContent();
    console.log(`fresh device: ${status}`);
    console.log(`fresh device: ${seconds.toFixed(0)} s; ${(relay.bytesFromServer / 1_048_576).toFixed(1)} MiB received, ${(relay.bytesToServer / 1_048_576).toFixed(1)} MiB sent`);
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          indexedDB.open('rapport').onsuccess = (event) => {
            const db = (event.target as IDBOpenDBRequest).result;
            const request = db.transaction('reviewLog').objectStore('reviewLog').count();
            request.onsuccess = () => resolve(request.result);
          };
        }),
    );
    console.log(`fresh device holds ${stored.toLocaleString('en-US')} answers`);
    const usage = await page.evaluate(() => navigator.storage.estimate());
    console.log(`fresh device storage: ${((usage.usage ?? 0) / 1_048_576).toFixed(0)} MB (the app's database and the sync copy)`);

    // A day's answers from another device, then a sync on this one.
    await admin(server, '/rapport-bench/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: day }) });
    const before = { from: relay.bytesFromServer, to: relay.bytesToServer };
    const dayStart = performance.now();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.waitForFunction(() => /150 received/.test(document.querySelector('[data-ended-at]')?.textContent ?? ''), undefined, { timeout: 600_000, polling: 200 });
    console.log(
      `a day's 150 answers from another device: ${((performance.now() - dayStart) / 1000).toFixed(1)} s; ${((relay.bytesFromServer - before.from) / 1024).toFixed(0)} KiB received, ${((relay.bytesToServer - before.to) / 1024).toFixed(0)} KiB sent`,
    );
    await context.close();
  } finally {
    await relay.stop();
    stopPreview();
    server.stop();
  }
  console.log(`(vite preview on port ${E2E_PORT})`);
}

await main();
