/**
 * Checks a content folder, or one pack's folder, as an instructor would run it:
 * `npm run content:check [-- DIR] [--json] [--without-built-in]`. Links to the app's built-in
 * principles resolve unless --without-built-in is given. Prints `path:line:column  error|warning  message`
 * lines and a one-line summary; exits 1 on any error.
 */
import { existsSync, statSync } from 'node:fs';
import { checkContent, summaryLine } from '../src/domain/content/check';
import { formatProblem } from '../src/domain/content/compile';
import { builtInPrinciples, readFolderToCheck } from './read-content';

const args = process.argv.slice(2);
const json = args.includes('--json');
const folder = args.find((arg) => !arg.startsWith('--')) ?? 'content';
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`content:check: "${folder}" is not a folder. Give a content folder (principles/, packs/, exams/) or one pack's folder (with its pack.yaml).`);
  process.exit(2);
}

const target = readFolderToCheck(folder);
const knownPrinciples = target.isAppContent || args.includes('--without-built-in') ? [] : builtInPrinciples();
const { compiled: _compiled, ...full } = checkContent(target.files, { knownPrinciples });
// One pack's folder: its own findings, and errors in the principles it is checked with; not warnings about principles other packs link.
const problems = target.packId ? full.problems.filter((item) => item.file.startsWith(`packs/${target.packId}/`) || item.severity === 'error') : full.problems;
const report = {
  ...full,
  problems,
  counts: { ...full.counts, errors: problems.filter((item) => item.severity === 'error').length, warnings: problems.filter((item) => item.severity === 'warning').length },
};
if (json) {
  process.stdout.write(`${JSON.stringify({ ...report, problems: report.problems.map((item) => ({ ...item, file: target.onDisk(item.file) })) }, null, 2)}\n`);
} else {
  for (const item of report.problems) process.stdout.write(`${formatProblem({ ...item, file: target.onDisk(item.file) })}\n`);
  process.stdout.write(`${summaryLine(report.counts)}\n`);
}
// exitCode, not exit(): a piped stdout must drain before the process ends.
process.exitCode = report.counts.errors > 0 ? 1 : 0;
