/**
 * `npm run pack:build -- PACK-FOLDER [OUT]`: checks one pack and writes it as a single shareable
 * JSON file that candidates import in the app. Principles come from the content folder that holds
 * the pack (PACK-FOLDER/../../principles).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatProblem } from '../src/domain/content/compile';
import { buildPackFile, packSources } from '../src/domain/content/packFile';
import { checkContent, summaryLine } from '../src/domain/content/check';
import { readContentFolder } from './read-content';

const [packFolder, out] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!packFolder || !existsSync(join(packFolder, 'pack.yaml'))) {
  console.error('Usage: npm run pack:build -- content/packs/PACK-ID [OUT.json]\nThe folder must hold a pack.yaml.');
  process.exit(2);
}
const packId = basename(resolve(packFolder));
const contentRoot = dirname(dirname(resolve(packFolder)));
const files = readContentFolder(contentRoot).filter(
  (file) => file.path.startsWith('principles/') || file.path.startsWith(`packs/${packId}/`),
);
const report = checkContent(files);
const relevant = report.problems.filter((item) => item.file.startsWith(`packs/${packId}/`) || item.severity === 'error');
for (const item of relevant) console.log(formatProblem(item, `${contentRoot}/`));
if (report.counts.errors > 0) {
  console.log(summaryLine(report.counts));
  console.error(`pack:build: not written, because the pack has errors.`);
  process.exit(1);
}
const pack = report.compiled.packs.find((candidate) => candidate.id === packId);
if (!pack) {
  console.error(`pack:build: no pack "${packId}" was found in ${packFolder}.`);
  process.exit(1);
}
const target = out ?? `${pack.id}-${pack.version}.rapport.json`;
writeFileSync(target, `${JSON.stringify(buildPackFile(pack, packSources(pack.id, files, pack, report.compiled.principles)))}\n`);
console.log(`Wrote ${target}: ${pack.title} ${pack.version}, ${pack.questions.length} questions.`);
