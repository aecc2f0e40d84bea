/**
 * `npm run bench`: measures bundle size, content tooling, the app in Chromium on a heavy database,
 * and Lighthouse, then writes docs/performance.md. Not part of `npm test`: it takes minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromiumProfile } from '../../tests/e2e/browser';
import { E2E_URL } from '../../tests/e2e/config';
import serveBuild, { servePreview } from '../../tests/e2e/serve-build';
import { generateContent, generatePackFile } from './generate';
import { awaitMeasure, BENCH_PACKS, benchPackId, lastMeasure, percentile, seedProgress } from './seed';

const CARDS = 20_000;
const REVIEWS = 200_000;
const ANSWERS = 200;
// Single runs of home and session start vary by ±70 ms on a 2-core machine: nine give a steadier median.
const RUNS = 9;

type Row = { measure: string; value: string; target?: string; met?: boolean };
const rows: Row[] = [];
const record = (measure: string, value: string, target?: string, met?: boolean) => {
  rows.push({ measure, value, target, met });
  console.log(`${measure}: ${value}${target ? ` (target ${target}${met === undefined ? '' : met ? ', met' : ', MISSED'})` : ''}`);
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const spread = (values: readonly number[]) => `runs ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms`;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  if (result.status !== 0 && !(command === 'npx' && args[1]?.includes('content-check'))) throw new Error(`${command} ${args.join(' ')} failed`);
  return (performance.now() - start) / 1000;
}

async function bundleSizes() {
  execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((match) => match[1] as string);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((match) => match[1] as string);
  const js = scripts.reduce((sum, file) => sum + gz(join('dist', file)), 0);
  const css = styles.reduce((sum, file) => sum + gz(join('dist', file)), 0);

  // The floor: React and ReactDOM alone, rendering one element, built the same way.
  const floor = mkdtempSync(join(tmpdir(), 'react-floor-'));
  writeFileSync(join(floor, 'index.html'), '<div id="root"></div><script type="module" src="./main.js"></script>');
  writeFileSync(join(floor, 'main.js'), "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(createElement('p', null, 'hi'));\n");
  await build({ root: floor, configFile: false, logLevel: 'silent', resolve: { alias: { react: join(process.cwd(), 'node_modules/react'), 'react-dom': join(process.cwd(), 'node_modules/react-dom') } }, build: { outDir: join(floor, 'dist') } });
  const floorHtml = readFileSync(join(floor, 'dist/index.html'), 'utf8');
  const floorJs = [...floorHtml.matchAll(/src="\/?([^"]+\.js)"/g)].reduce((sum, match) => sum + gz(join(floor, 'dist', match[1] as string)), 0);
  record('First visit: JavaScript (gzip)', kib(js), '≤ 150 KiB', js <= 150 * 1024);
  record('First visit: CSS (gzip)', kib(css));
  record('React + ReactDOM floor (gzip)', kib(floorJs));
}

function contentTooling() {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-2000-'));
  generateContent(folder, 2000);
  record('content:check, 2,000 questions', `${timed('npx', ['tsx', 'scripts/content-check.ts', folder]).toFixed(2)} s`);
  record('Build with 2,000 questions', `${timed('npx', ['vite', 'build', '--outDir', join(folder, 'dist')], { RAPPORT_CONTENT: folder }).toFixed(2)} s`);
}

/** Ends the stored session, so the next visit to the study screen starts a new one. */
async function clearSession(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        indexedDB.open('rapport').onsuccess = (event) => {
          const db = (event.target as IDBOpenDBRequest).result;
          const transaction = db.transaction('session', 'readwrite');
          transaction.objectStore('session').clear();
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
  );
}

async function inChromium() {
  const stop = await serveBuild();
  // A profile on disk, as a candidate's browser keeps its data.
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-profile-'));
  let context = await launchChromiumProfile(profile);
  try {
    // 20,000 real questions: generated packs imported through the app, one card for each question.
    const packFolder = mkdtempSync(join(tmpdir(), 'rapport-packs-'));
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${E2E_URL}/packs`);
    for (let pack = 0; pack < BENCH_PACKS; pack++) {
      const file = join(packFolder, `${benchPackId(pack)}.rapport.json`);
      writeFileSync(file, generatePackFile(CARDS / BENCH_PACKS, benchPackId(pack), `Bench pack ${pack}`));
      await page.getByLabel('Choose a pack file…').setInputFiles(file);
      await page.getByText(`Imported Bench pack ${pack} (${(CARDS / BENCH_PACKS).toLocaleString('en-US')} questions).`).waitFor({ timeout: 120_000 });
    }
    await seedProgress(page, CARDS, REVIEWS, { newPerDay: 500 });
    // Measured in a browser started afresh, as a candidate opens the app on another day: the page that
    // imported and seeded holds hundreds of megabytes of garbage, which slowed every measure after it.
    await context.close();
    context = await launchChromiumProfile(profile);
    page = context.pages()[0] ?? (await context.newPage());

    const homes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${E2E_URL}/`);
      homes.push(await awaitMeasure(page, 'rapport:home-ready'));
      await page.locator('.today[aria-busy="false"]').waitFor({ timeout: 60_000 });
      // Each run opens home on a quiet database: leaving before the weakest principles (read after the
      // figures) have loaded would leave that read running into the next run's.
      await page.getByRole('heading', { name: 'Where to focus' }).waitFor({ timeout: 60_000 });
    }
    record(`Home ready (seeded database, median of ${RUNS})`, `${ms(percentile(homes, 0.5))} (${spread(homes)})`, '≤ 500 ms', percentile(homes, 0.5) <= 500);

    const starts: number[] = [];
    const fromNavigation: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await clearSession(page);
      await page.goto(`${E2E_URL}/study`);
      starts.push(await awaitMeasure(page, 'rapport:session-ready'));
      fromNavigation.push(await page.evaluate(() => performance.getEntriesByName('rapport:session-ready').reduce((_, entry) => entry.startTime + entry.duration, 0)));
      await page.getByText(/^Question 1 of \d+/).waitFor({ timeout: 60_000 });
    }
    record(`Session start: queue built and first question ready (median of ${RUNS})`, `${ms(percentile(starts, 0.5))} (${spread(starts)})`, '≤ 100 ms', percentile(starts, 0.5) <= 100);
    record(`The same, counted from the page's navigation: loading the app included (median of ${RUNS})`, `${ms(percentile(fromNavigation, 0.5))} (${spread(fromNavigation)})`);

    // As a candidate mostly starts: from home's button, with the app and its database already open.
    const fromHome: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${E2E_URL}/`);
      await page.getByRole('heading', { name: 'Where to focus' }).waitFor({ timeout: 60_000 });
      await clearSession(page);
      await page.getByRole('region', { name: 'Today' }).getByRole('link', { name: 'Study now' }).click();
      fromHome.push(await awaitMeasure(page, 'rapport:session-ready'));
      await page.getByText(/^Question 1 of \d+/).waitFor({ timeout: 60_000 });
    }
    record(`Session start from home's Study now, in the open app (median of ${RUNS})`, `${ms(percentile(fromHome, 0.5))} (${spread(fromHome)})`);

    const toFeedback: number[] = [];
    const toNext: number[] = [];
    const recorded: number[] = [];
    for (let index = 0; index < ANSWERS; index++) {
      const progress = await page.getByText(/^Question \d+ of \d+/).textContent();
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
      toFeedback.push(await lastMeasure(page, 'rapport:answer-to-feedback'));
      recorded.push(await lastMeasure(page, 'rapport:answer-recorded'));
      await page.keyboard.press('Enter');
      await page.waitForFunction((before) => !document.body.textContent?.includes(before ?? ''), progress);
      toNext.push(await lastMeasure(page, 'rapport:next-question'));
    }
    record(`Answer → feedback on screen, p50 / p95 over ${ANSWERS}`, `${ms(percentile(toFeedback, 0.5))} / ${ms(percentile(toFeedback, 0.95))}`, 'p95 ≤ 50 ms', percentile(toFeedback, 0.95) <= 50);
    record(`Next → next question on screen, p50 / p95 over ${ANSWERS}`, `${ms(percentile(toNext, 0.5))} / ${ms(percentile(toNext, 0.95))}`, 'p95 ≤ 50 ms', percentile(toNext, 0.95) <= 50);
    record(`Recording one answer (card + log + session, one transaction), p50 / p95`, `${ms(percentile(recorded, 0.5))} / ${ms(percentile(recorded, 0.95))}`);

    const statsStart = Date.now();
    await page.goto(`${E2E_URL}/stats`);
    await page.getByRole('heading', { name: /Reviews per day/i }).waitFor({ timeout: 60_000 });
    record('Statistics page ready (wall clock from navigation)', ms(Date.now() - statsStart));
    await page.getByRole('heading', { name: 'Accuracy by principle', exact: true }).waitFor({ timeout: 60_000 });
    record('Statistics: accuracy by principle and area ready (wall clock)', ms(Date.now() - statsStart));

    const browseStart = Date.now();
    await page.goto(`${E2E_URL}/browse`);
    await page.getByText(/^[\d,]+ questions$/).waitFor({ timeout: 60_000 });
    record('Browse: every question listed, searchable (wall clock)', ms(Date.now() - browseStart));

    const packFile = join(packFolder, 'imported-bench.rapport.json');
    writeFileSync(packFile, generatePackFile(1000));
    await page.goto(`${E2E_URL}/packs`);
    await page.getByRole('heading', { name: 'Import a pack' }).waitFor();
    const importStart = Date.now();
    await page.getByLabel('Choose a pack file…').setInputFiles(packFile);
    await page.getByText('Imported Imported bench pack (1,000 questions).').waitFor({ timeout: 120_000 });
    record('Import of a 1,000-question pack (wall clock)', ms(Date.now() - importStart));
  } finally {
    await context.close();
    stop();
  }
}

async function lighthouse() {
  const port = 4341;
  const stop = await servePreview('dist', port);
  const runs: { performance: number; accessibility: number; bestPractices: number; lcp: number; tbt: number; cls: number }[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const out = join(tmpdir(), `lighthouse-${run}.json`);
      execFileSync('npx', ['lighthouse', `http://localhost:${port}/`, '--chrome-path=/usr/bin/chromium', '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync', '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${out}`, '--quiet'], { stdio: 'ignore' });
      const report = JSON.parse(readFileSync(out, 'utf8'));
      runs.push({
        performance: report.categories.performance.score * 100,
        accessibility: report.categories.accessibility.score * 100,
        bestPractices: report.categories['best-practices'].score * 100,
        lcp: report.audits['largest-contentful-paint'].numericValue,
        tbt: report.audits['total-blocking-time'].numericValue,
        cls: report.audits['cumulative-layout-shift'].numericValue,
      });
    }
  } finally {
    stop();
  }
  const median = (pick: (run: (typeof runs)[number]) => number) => percentile(runs.map(pick), 0.5);
  record('Lighthouse performance (mobile, median of 5)', median((run) => run.performance).toFixed(0), '≥ 95', median((run) => run.performance) >= 95);
  record('Lighthouse accessibility', median((run) => run.accessibility).toFixed(0), '100', median((run) => run.accessibility) === 100);
  record('Lighthouse best practices', median((run) => run.bestPractices).toFixed(0), '100', median((run) => run.bestPractices) === 100);
  record('Largest Contentful Paint (simulated mobile)', ms(median((run) => run.lcp)));
  record('Total Blocking Time', ms(median((run) => run.tbt)));
  record('Cumulative Layout Shift', median((run) => run.cls).toFixed(3));
}

function machine(): string {
  const chromium = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromium}`;
}

// `npm run bench -- --chromium-only` prints the in-app figures alone, for profiling; it writes nothing.
const chromiumOnly = process.argv.includes('--chromium-only');
if (!chromiumOnly) await bundleSizes();
await inChromium();
if (chromiumOnly) process.exit(0);
// After the measures in the app: the figures taken in Chromium right after building 2,000 questions
// came out 50–120 ms slower (home 524.6 ms against 404.0 ms in a run without it).
contentTooling();
await lighthouse();

const table = rows.map((row) => `| ${row.measure} | ${row.value} | ${row.target ?? ''} | ${row.met === undefined ? '' : row.met ? 'met' : '**missed**'} |`).join('\n');
const previous = (() => {
  try {
    return readFileSync('docs/performance.md', 'utf8').split('<!-- history -->')[1] ?? '';
  } catch {
    return '';
  }
})();
writeFileSync(
  'docs/performance.md',
  `# Performance

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine()}.
Chromium figures use ${BENCH_PACKS} imported packs of ${(CARDS / BENCH_PACKS).toLocaleString('en')} generated questions and a database seeded with ${CARDS.toLocaleString('en')} cards (one per question) and ${REVIEWS.toLocaleString('en')} review-log entries, in a browser profile on disk opened afresh after seeding; times inside the app are read from its own \`performance.measure\` marks.

| measure | figure | target | |
| --- | --- | --- | --- |
${table}

<!-- history -->${previous || '\n## Changes made to meet the targets\n'}`,
);
console.log('wrote docs/performance.md');
