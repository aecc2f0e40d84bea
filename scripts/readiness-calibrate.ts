// Calibrates the readiness estimate against simulated candidates, at scale, and prints (or, with
// --write, puts in docs/readiness.md) the calibration table. Fails when the estimate misses its
// targets: mean absolute error at most 5 points, 80% interval covering 75–85% of the scores.
//
//   npm run readiness:calibrate [-- --candidates 1000] [--seed 1] [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { simulateCalibration, summarize, type CalibrationCheck, type CalibrationSummary } from '../src/domain/readinessSimulation';

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    write: { type: 'boolean', default: false },
  },
});
const candidates = Number(values.candidates);
const seed = Number(values.seed);
if (!Number.isInteger(candidates) || candidates < 1 || !Number.isInteger(seed)) {
  console.error('--candidates and --seed take whole numbers, --candidates at least 1.');
  process.exit(2);
}

const TARGET = { meanAbsoluteError: 5, coverage: [0.75, 0.85] } as const;
const DOC = 'docs/readiness.md';
const START = '<!-- calibration:start -->';
const END = '<!-- calibration:end -->';

const started = performance.now();
const result = simulateCalibration({ candidates, seed });
const seconds = (performance.now() - started) / 1000;

const one = (value: number) => value.toFixed(1);
const share = (value: number) => `${Math.round(value * 100)}%`;

function row(label: string, summary: CalibrationSummary, checks: readonly CalibrationCheck[]): string {
  const mean = (pick: (check: CalibrationCheck) => number) => (checks.length === 0 ? 0 : checks.reduce((sum, check) => sum + pick(check), 0) / checks.length);
  return `| ${label} | ${summary.checks} | ${one(mean((check) => check.predicted))} | ${one(mean((check) => check.actual))} | ${one(summary.meanAbsoluteError)} | ${one(summary.bias)} | ${share(summary.coverage)} | ${one(summary.meanIntervalWidth)} |`;
}

function table(title: string, groups: [string, (check: CalibrationCheck) => boolean][]): string {
  const lines = [`**${title}**`, '', '| | checks | mean predicted | mean actual | mean absolute error | bias | inside the 80% interval | mean interval width |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const [label, test] of groups) {
    const checks = result.checks.filter(test);
    if (checks.length > 0) lines.push(row(label, summarize(checks), checks));
  }
  return lines.join('\n');
}

const { summary } = result;
const meets = summary.meanAbsoluteError <= TARGET.meanAbsoluteError && summary.coverage >= TARGET.coverage[0] && summary.coverage <= TARGET.coverage[1];
const report = [
  `${candidates} simulated candidates (seed ${seed}), ${summary.checks} checkpoints with an estimate; ${result.notEnough} checkpoints came before there was enough data and are left out.`,
  `Scores and errors are in points of percent correct on the 150 scored items of a freshly drawn 170-item form.`,
  '',
  table('All checkpoints', [['all', () => true]]),
  '',
  table('By the share of the bank answered before the checkpoint', [
    ['under 25%', (check) => check.seenShare < 0.25],
    ['25–50%', (check) => check.seenShare >= 0.25 && check.seenShare < 0.5],
    ['50–75%', (check) => check.seenShare >= 0.5 && check.seenShare < 0.75],
    ['75% or more', (check) => check.seenShare >= 0.75],
  ]),
  '',
  table('By the score predicted', [
    ['under 50', (check) => check.predicted < 50],
    ['50–60', (check) => check.predicted >= 50 && check.predicted < 60],
    ['60–70', (check) => check.predicted >= 60 && check.predicted < 70],
    ['70–80', (check) => check.predicted >= 70 && check.predicted < 80],
    ['80–90', (check) => check.predicted >= 80 && check.predicted < 90],
    ['90 or more', (check) => check.predicted >= 90],
  ]),
  '',
  `Targets: mean absolute error at most ${TARGET.meanAbsoluteError} points (${meets ? 'met' : 'MISSED'}: ${one(summary.meanAbsoluteError)}); ` +
    `the 80% interval holding ${share(TARGET.coverage[0])}–${share(TARGET.coverage[1])} of the scores (${share(summary.coverage)}).`,
].join('\n');

console.log(report);
console.log(`\n(${seconds.toFixed(0)} s)`);

if (values.write) {
  const doc = readFileSync(DOC, 'utf8');
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from === -1 || to < from) {
    console.error(`${DOC} has no ${START} … ${END} markers to write the table between.`);
    process.exit(2);
  }
  writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${report}\n${doc.slice(to)}`);
  console.log(`Wrote the table to ${DOC}.`);
}
if (!meets) process.exit(1);
