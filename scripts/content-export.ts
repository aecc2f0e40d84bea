/**
 * `npm run content:export -- PACK-FOLDER [OUT]`: writes a checked pack as Moodle GIFT (OUT, by
 * default PACK-ID.gift), for instructors who also teach in Moodle. Rationales become per-answer
 * feedback. A pack with errors is not written; exits 1 then, 2 on a wrong command.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, summaryLine } from '../src/domain/content/check';
import { formatProblem } from '../src/domain/content/compile';
import { exportGift } from '../src/domain/content/giftExport';
import { builtInPrinciples, readFolderToCheck } from './read-content';

const [packFolder, out] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!packFolder || !existsSync(join(packFolder, 'pack.yaml'))) {
  console.error('Usage: npm run content:export -- content/packs/PACK-ID [OUT.gift]\nThe folder must hold a pack.yaml.');
  process.exit(2);
}
const target = readFolderToCheck(packFolder);
const packId = target.packId as string;
const report = checkContent(target.files, { knownPrinciples: target.isAppContent ? [] : builtInPrinciples() });
const errors = report.problems.filter((item) => item.severity === 'error');
if (errors.length > 0) {
  for (const item of errors) console.log(formatProblem({ ...item, file: target.onDisk(item.file) }));
  console.log(summaryLine(report.counts));
  console.error('content:export: not written, because the pack has errors.');
  process.exit(1);
}
const pack = report.compiled.packs.find((candidate) => candidate.id === packId);
if (!pack) {
  console.error(`content:export: no pack "${packId}" was found in ${packFolder}.`);
  process.exit(1);
}
const outFile = out ?? `${pack.id}.gift`;
writeFileSync(outFile, exportGift(pack));
console.log(`Wrote ${outFile}: ${pack.title} ${pack.version}, ${pack.questions.length} questions as Moodle GIFT.`);
