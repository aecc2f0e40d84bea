/**
 * Checks a content folder as an instructor would run it: `npm run content:check [-- DIR] [--json]`.
 * Prints `path:line:column  error|warning  message` lines and a one-line summary; exits 1 on any error.
 */
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { checkContent, summaryLine } from '../src/domain/content/check';
import { formatProblem } from '../src/domain/content/compile';
import { readContentFolder } from './read-content';

const args = process.argv.slice(2);
const json = args.includes('--json');
const folder = args.find((arg) => !arg.startsWith('--')) ?? 'content';
const root = resolve(folder);
if (!existsSync(root) || !statSync(root).isDirectory()) {
  console.error(`content:check: "${folder}" is not a folder. Give the folder that holds principles/, packs/ and exams/.`);
  process.exit(2);
}

const { compiled: _compiled, ...report } = checkContent(readContentFolder(root));
const prefix = folder.replace(/\/?$/, '/');
if (json) {
  process.stdout.write(`${JSON.stringify({ ...report, problems: report.problems.map((item) => ({ ...item, file: prefix + item.file })) }, null, 2)}\n`);
} else {
  for (const item of report.problems) process.stdout.write(`${formatProblem(item, prefix)}\n`);
  process.stdout.write(`${summaryLine(report.counts)}\n`);
}
// exitCode, not exit(): a piped stdout must drain before the process ends.
process.exitCode = report.counts.errors > 0 ? 1 : 0;
