import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../../src/domain/content/gift';
import { PACK_YAML, principleText, questionText } from '../../fixtures/content';

/** A stand-in for the app's content folder, so these tests do not depend on the packs being written in content/. */
function builtInContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'rapport-built-in-'));
  mkdirSync(join(root, 'principles'));
  for (const id of ['trust-foundation', 'confidentiality-limits', 'transparency-consistency']) writeFileSync(join(root, 'principles', `${id}.md`), principleText(id));
  return root;
}

const BUILT_IN = builtInContent();
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
/** Runs a command-line script as `npm run` would, from `cwd`, the folder an instructor works in. */
const run = (script: string, args: string[], cwd = process.cwd()) =>
  spawnSync(TSX, [join(process.cwd(), `scripts/${script}.ts`), ...args], { encoding: 'utf8', cwd, env: { ...process.env, RAPPORT_CONTENT: BUILT_IN } });

/** An instructor's own folder, outside the app's content folder. */
function ownFolder(): string {
  return mkdtempSync(join(tmpdir(), 'rapport-own-'));
}

describe('content:import', { timeout: 60_000 }, () => {
  it('writes one question file per item and a pack.yaml, prints what it skipped, and what the checker asks to fill in with the GIFT line beside it', () => {
    const root = ownFolder();
    copyFileSync('tests/fixtures/import/moodle-examples.gift', join(root, 'moodle.gift'));
    const result = run('content-import', ['moodle.gift', '--pack', 'ethics-review', '--out', 'packs/ethics-review'], root);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain('moodle.gift:31:1  warning  skipped the question "A social worker may share records with a client\'s…" (true/false): Rapport imports single-answer multiple choice only');
    expect(lines).toContain('Created packs/ethics-review/pack.yaml: fill in its title, description and authors.');
    expect(lines).toContain('packs/ethics-review/feedback-example.md:3:9  error  "area" is empty: fill in one of development-diversity, assessment-planning, intervention-practice, values-ethics  (moodle.gift:65)');
    expect(lines).toContain('packs/ethics-review/er-003.md:14:1  error  option B has no rationale: explain under it why it is right or wrong  (moodle.gift:13)');
    expect(lines.at(-2)).toMatch(/^Imported 17 questions from moodle\.gift into packs\/ethics-review, skipped 15\. The checker lists \d+ errors to fix/);
    expect(lines.at(-1)).toBe('When it is clean, npm run pack:build -- packs/ethics-review writes the pack as one file to share.');
    const written = readdirSync(join(root, 'packs/ethics-review')).sort();
    expect(written).toHaveLength(18);
    expect(written).toContain('pack.yaml');

    const again = run('content-import', ['moodle.gift', '--pack', 'ethics-review', '--out', 'packs/ethics-review'], root);
    expect(again.stdout).toContain('"Feedback example": the id "feedback-example" is already used, so this question is "er-012"');
    expect(readdirSync(join(root, 'packs/ethics-review'))).toHaveLength(35);
  });

  it('imports a spreadsheet, and refuses one that is not UTF-8 with a way to save it as UTF-8', () => {
    const root = ownFolder();
    copyFileSync('tests/fixtures/import/google-sheets.csv', join(root, 'sheet.csv'));
    const imported = run('content-import', ['sheet.csv', '--pack', 'shelter', '--out', 'shelter'], root);
    expect(imported.status).toBe(0);
    expect(readFileSync(join(root, 'shelter/gs-001.md'), 'utf8')).toContain('principles: [records-client-access]');
    writeFileSync(join(root, 'latin1.csv'), Buffer.from('stem,lead_in\nCaf\xe9 client,What FIRST?\n', 'latin1'));
    const refused = run('content-import', ['latin1.csv', '--pack', 'shelter', '--out', 'shelter'], root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('"latin1.csv" is not UTF-8 text. In Excel choose Save As > "CSV UTF-8 (Comma delimited)"');
  });

  it('explains a wrong command', () => {
    const result = run('content-import', ['questions.gift']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run content:import -- FILE.gift|FILE.csv --pack PACK-ID [--out PACK-FOLDER]');
  });
});

describe('authoring in a folder of one’s own', { timeout: 60_000 }, () => {
  const pack = (root: string, questions: Record<string, string>) => {
    mkdirSync(join(root, 'packs/demo'), { recursive: true });
    writeFileSync(join(root, 'packs/demo/pack.yaml'), PACK_YAML);
    for (const [name, text] of Object.entries(questions)) writeFileSync(join(root, `packs/demo/${name}.md`), text);
  };

  it('content:check resolves links to the built-in principles, in a content folder or one pack’s folder', () => {
    const root = ownFolder();
    pack(root, { 'q-001': questionText({ principles: '[trust-foundation, confidentiality-limits]' }) });
    expect(existsSync(join(root, 'principles'))).toBe(false);
    expect(run('content-check', [root]).stdout.trim().split('\n').at(-1)).toBe('content: 0 principles, 1 question in 1 pack, 0 errors, 0 warnings');
    expect(run('content-check', [join(root, 'packs/demo')]).stdout.trim()).toBe('content: 0 principles, 1 question in 1 pack, 0 errors, 0 warnings');
    const without = run('content-check', [root, '--without-built-in']);
    expect(without.status).toBe(1);
    expect(without.stdout).toContain(`${root}/packs/demo/q-001.md:7:1  error  links to the principle "trust-foundation", which does not exist`);
  });

  it('content:check of one pack’s folder prints paths as typed', () => {
    const root = ownFolder();
    pack(root, { 'q-001': questionText({ area: 'ethics' }) });
    const result = run('content-check', ['packs/demo'], root);
    expect(result.stdout).toContain('packs/demo/q-001.md:3:7  error  "area" must be one of');
  });

  it('pack:build carries the built-in principles the pack links to', () => {
    const root = ownFolder();
    pack(root, { 'q-001': questionText({ principles: '[confidentiality-limits]' }) });
    const out = join(root, 'demo.json');
    const result = run('pack-build', [join(root, 'packs/demo'), out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.files.map((source: { path: string }) => source.path).sort()).toEqual(['packs/demo/pack.yaml', 'packs/demo/q-001.md', 'principles/confidentiality-limits.md']);
  });
});

describe('content:export', { timeout: 60_000 }, () => {
  it('writes a clean pack as GIFT whose feedback is each option’s rationale', () => {
    const root = ownFolder();
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'demo/pack.yaml'), PACK_YAML);
    writeFileSync(join(root, 'demo/q-001.md'), questionText());
    const result = run('content-export', ['demo', 'demo.gift'], root);
    expect(result.stdout.trim()).toBe('Wrote demo.gift: Demo pack 1.0.0, 1 questions as Moodle GIFT.');
    const [question] = parseGift('demo.gift', readFileSync(join(root, 'demo.gift'), 'utf8')).questions;
    expect(question?.title).toBe('q-001');
    expect(question?.answers.map((answer) => [answer.right, answer.feedback?.text])).toEqual([
      [false, 'Procedure before the relationship.'],
      [true, 'Engagement comes first.'],
      [false, 'Referring out instead of engaging.'],
      [false, 'Paper before people.'],
    ]);
  });

  it('refuses a pack with errors and lists them', () => {
    const root = ownFolder();
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'demo/pack.yaml'), PACK_YAML);
    writeFileSync(join(root, 'demo/q-001.md'), questionText({ answer: 'E' }));
    const result = run('content-export', ['demo'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('demo/q-001.md:6:9  error  "answer": must be exactly one letter');
    expect(result.stderr).toContain('not written');
    expect(existsSync(join(root, 'demo.gift'))).toBe(false);
  });
});
