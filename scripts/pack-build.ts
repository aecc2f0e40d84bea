/**
 * `npm run pack:build -- PACK-FOLDER [OUT]`: checks one pack and writes it as a single shareable
 * JSON file that candidates import in the app. Links resolve to the principles of the content folder
 * that holds the pack (PACK-FOLDER/../../principles), if any, and to the app's built-in principles;
 * the file carries every principle the pack links to, so it works in an app that lacks one.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/domain/content/compile';
import { buildPackFile, packSources } from '../src/domain/content/packFile';
import { checkContent, summaryLine } from '../src/domain/content/check';
import { builtInPrincipleFiles, builtInPrinciples, readFolderToCheck } from './read-content';

const [packFolder, out] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!packFolder || !existsSync(join(packFolder, 'pack.yaml'))) {
  console.error('Usage: npm run pack:build -- content/packs/PACK-ID [OUT.json]\nThe folder must hold a pack.yaml.');
  process.exit(2);
}
const target = readFolderToCheck(packFolder);
const packId = target.packId as string;
const builtIn = target.isAppContent ? [] : builtInPrinciples();
const report = checkContent(target.files, { knownPrinciples: builtIn });
const relevant = report.problems.filter((item) => item.file.startsWith(`packs/${packId}/`) || item.severity === 'error');
for (const item of relevant) console.log(formatProblem({ ...item, file: target.onDisk(item.file) }));
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
// A principle of the pack's own content folder wins over a built-in one with the same id.
const own = new Set(report.compiled.principles.map((principle) => principle.id));
const principles = [...report.compiled.principles, ...builtIn.filter((principle) => !own.has(principle.id))];
const ownPaths = new Set(target.files.map((file) => file.path));
const files = [...target.files, ...(target.isAppContent ? [] : builtInPrincipleFiles().filter((file) => !ownPaths.has(file.path)))];
const outFile = out ?? `${pack.id}-${pack.version}.rapport.json`;
writeFileSync(outFile, `${JSON.stringify(buildPackFile(pack, packSources(pack.id, files, pack, principles)))}\n`);
console.log(`Wrote ${outFile}: ${pack.title} ${pack.version}, ${pack.questions.length} questions.`);
