/**
 * `npm run content:import -- FILE --pack ID [--out DIR]`: turns a Moodle GIFT file (.gift, .txt) or
 * a spreadsheet saved as CSV (.csv, .tsv) into one question file per item in a pack folder (DIR,
 * by default content/packs/ID), creating its pack.yaml if there is none. Prints what it skipped and
 * why, at the imported file's lines, then what the checker asks to fill in, at the question files'
 * lines with the imported file's line beside each. Never overwrites a file. Exits 1 when nothing
 * could be imported or the file has errors, 2 on a wrong command.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { checkContent } from '../src/domain/content/check';
import { formatProblem } from '../src/domain/content/compile';
import { importCsv } from '../src/domain/content/csv';
import { importGift } from '../src/domain/content/gift';
import { decodeImportedFile, originOf, where, type ImportedQuestion } from '../src/domain/content/importing';
import { idSchema } from '../src/domain/content/schema';
import { plural } from '../src/domain/format';
import { APP_CONTENT, builtInPrincipleFiles, builtInPrinciples, idsIn, readContentFolder, readFolderToCheck } from './read-content';

const USAGE = 'Usage: npm run content:import -- FILE.gift|FILE.csv --pack PACK-ID [--out PACK-FOLDER]';
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const arg = args[index] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
};
const packId = option('pack');
const given = option('out');
const file = args.find((arg, index) => !arg.startsWith('--') && !['--pack', '--out'].includes(args[index - 1] ?? ''));

function fail(message: string, code = 2): never {
  console.error(`content:import: ${message}`);
  process.exit(code);
}

if (!file || !packId) fail(`${USAGE}\nFor example: npm run content:import -- questions.gift --pack ethics-review`);
if (!idSchema.safeParse(packId).success) fail(`"${packId}" cannot be a pack id: use lower-case letters, digits and single hyphens, such as "ethics-review"`);
if (!existsSync(file)) fail(`there is no file "${file}"`);
const format = /^\.(gift|txt)$/i.test(extname(file)) ? 'gift' : /^\.(csv|tsv)$/i.test(extname(file)) ? 'csv' : undefined;
if (!format) fail(`"${file}" is neither GIFT (.gift, .txt) nor CSV (.csv, .tsv)`);

const decoded = decodeImportedFile(file, readFileSync(file));
if ('problem' in decoded) fail(decoded.problem.message, 1);
const { text } = decoded;

const outDir = given ?? join('content', 'packs', packId);
if (given && basename(outDir.replace(/\/+$/, '')) !== packId) fail(`the pack folder must be named after the pack id: --out ${join(outDir, '..', packId)}`);
mkdirSync(outDir, { recursive: true });
const inFolder = readContentFolder(outDir).filter((source) => !source.path.includes('/') && source.path.endsWith('.md'));
// Ids are unique across a whole content folder, built-in principles included.
const contentRoot = basename(dirname(resolve(outDir))) === 'packs' ? dirname(dirname(resolve(outDir))) : undefined;
const elsewhere = contentRoot ? readContentFolder(contentRoot).filter((source) => !source.path.startsWith(`packs/${packId}/`)) : [];
const otherIds = [...new Set([...idsIn(elsewhere), ...idsIn(builtInPrincipleFiles())])];
const options = { packId, packIds: idsIn(inFolder), otherIds };
const result = format === 'gift' ? importGift(file, text, options) : importCsv(file, text, options);

for (const item of result.problems) console.log(formatProblem(item));

const packYaml = join(outDir, 'pack.yaml');
if (!existsSync(packYaml) && !existsSync(join(outDir, 'pack.yml')) && result.questions.length > 0) {
  writeFileSync(
    packYaml,
    [
      `id: ${packId}`,
      'title:   # to fill in: the title shown on the home screen',
      'version: 1.0.0',
      'description:   # to fill in: one or two sentences about the pack',
      'authors: []   # to fill in: a list of names, such as [Your Name]',
      '',
    ].join('\n'),
  );
  console.log(`Created ${packYaml}: fill in its title, description and authors.`);
}
const written = new Map<string, ImportedQuestion>();
for (const question of result.questions) {
  const path = join(outDir, question.fileName);
  try {
    writeFileSync(path, question.text, { flag: 'wx' });
    written.set(`packs/${packId}/${question.fileName}`, question);
  } catch {
    console.log(`${path}: already exists, so ${file}:${question.at.line} was not written`);
  }
}

const target = readFolderToCheck(outDir);
const report = checkContent(target.files, { knownPrinciples: target.isAppContent ? [] : builtInPrinciples() });
const findings = report.problems.filter((item) => written.has(item.file) || item.file === `packs/${packId}/pack.yaml`);
for (const item of findings) {
  const question = written.get(item.file);
  const at = question && originOf(question, item.line);
  const from = at ? `  (${file}:${at.line}${at.cell ? `, ${where(at).replace(/: $/, '')}` : ''})` : '';
  console.log(`${formatProblem({ ...item, file: target.onDisk(item.file) })}${from}`);
}

const skipped = result.problems.filter((item) => item.message.startsWith('skipped ')).length;
const errors = findings.filter((item) => item.severity === 'error').length;
console.log(
  `Imported ${plural(written.size, 'question')} from ${file} into ${outDir}${skipped ? `, skipped ${skipped}` : ''}. ` +
    (errors > 0
      ? `The checker lists ${plural(errors, 'error')} to fix: fill in what is empty (area, qualifier, difficulty, principles, rationales), then run npm run content:check -- ${outDir}`
      : 'The checker found no errors.') +
    (contentRoot === APP_CONTENT ? '' : `\nWhen it is clean, npm run pack:build -- ${outDir} writes the pack as one file to share.`),
);
process.exitCode = written.size === 0 || result.problems.some((item) => item.severity === 'error') ? 1 : 0;
