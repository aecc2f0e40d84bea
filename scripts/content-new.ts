/** `npm run content:new -- PACK [DIR]`: writes a new question file with a fresh id into a pack. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineOf } from '../src/domain/content/compile';
import { nextQuestionId, questionTemplate } from '../src/domain/content/authoring';

const [packId, root = 'content'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!packId) {
  console.error('Usage: npm run content:new -- PACK-ID [CONTENT-FOLDER]');
  process.exit(2);
}
const folder = join(root, 'packs', packId);
if (!existsSync(join(folder, 'pack.yaml'))) {
  console.error(`content:new: there is no pack "${packId}": ${folder}/pack.yaml does not exist.`);
  process.exit(2);
}
const ids = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    return /^id:\s*(\S+)/m.exec(text)?.[1] ?? name.replace(/\.md$/, '');
  });
const id = nextQuestionId(packId, ids);
const path = join(folder, `${id}.md`);
writeFileSync(path, questionTemplate(id), { flag: 'wx' });
console.log(`Created ${path} (id ${id}). Fill in the scenario, options and rationales, link a principle on line ${lineOf(questionTemplate(id), 'principles')}, then run npm run content:check.`);
