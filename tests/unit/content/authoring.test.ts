import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextQuestionId, questionTemplate } from '../../../src/domain/content/authoring';
import { contentJsonSchemas } from '../../../src/domain/content/jsonSchemas';
import { contentFolder, questionText } from '../../fixtures/content';

function writeFolder(files: { path: string; text: string }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'rapport-content-'));
  for (const file of files) {
    mkdirSync(join(root, file.path, '..'), { recursive: true });
    writeFileSync(join(root, file.path), file.text);
  }
  return root;
}

const run = (script: string, args: string[]) => spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8' });

describe('fresh question ids', () => {
  it('continue the numbering a pack already uses', () => {
    expect(nextQuestionId('trust-alliance', ['ta-001', 'ta-002', 'ta-010'])).toBe('ta-011');
    expect(nextQuestionId('trust-alliance', ['ta-0099'])).toBe('ta-0100');
  });

  it('start from the pack initials in an empty pack', () => {
    expect(nextQuestionId('ethics-and-boundaries', [])).toBe('eab-001');
  });
});

// Each spawns tsx, which takes seconds on a busy machine.
describe('content:check on the command line', { timeout: 30_000 }, () => {
  it('prints each problem with path:line:column and a summary, and fails on errors', () => {
    const root = writeFolder(contentFolder({ 'q-001': questionText({ area: 'ethics' }) }));
    const result = run('content-check', [root]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${root}/packs/demo/q-001.md:3:7  error  "area" must be one of development-diversity, assessment-planning, intervention-practice, values-ethics; found "ethics"`);
    expect(lines.at(-1)).toBe('content: 1 principle, 0 questions in 1 pack, 1 error, 1 warning');
  });

  it('passes a clean folder and reports counts as JSON', () => {
    const root = writeFolder(contentFolder({ 'q-001': questionText() }));
    expect(run('content-check', [root]).stdout.trim()).toBe('content: 1 principle, 1 question in 1 pack, 0 errors, 0 warnings');
    const json = JSON.parse(run('content-check', [root, '--json']).stdout);
    expect(json.counts).toEqual({ principles: 1, questions: 1, packs: 1, errors: 0, warnings: 0 });
    expect(json.perPack.demo).toMatchObject({ questions: 1, keyPositions: { A: 0, B: 1, C: 0, D: 0 } });
    expect(json.perPrinciple).toEqual({ 'trust-foundation': 1 });
    expect(json.perArea).toEqual({ 'values-ethics': 1 });
    expect(json.perQualifier).toEqual({ FIRST: 1 });
  });
});

describe('content:new and pack:build', { timeout: 30_000 }, () => {
  it('scaffolds a question with the next id that the checker then asks to complete', () => {
    const root = writeFolder(contentFolder({ 'q-001': questionText() }));
    const output = execFileSync('npx', ['tsx', 'scripts/content-new.ts', 'demo', root], { encoding: 'utf8' });
    expect(output).toContain('(id q-002)');
    expect(readFileSync(join(root, 'packs/demo/q-002.md'), 'utf8')).toBe(questionTemplate('q-002'));
    const check = run('content-check', [root]);
    expect(check.stdout).toContain('packs/demo/q-002.md:7:1  error  "principles": link at least one principle\n');
  });

  it('writes a checked pack as one file with a format version, its sources and the principles it links', () => {
    const root = writeFolder(contentFolder({ 'q-001': questionText() }));
    const out = join(root, 'demo.json');
    const result = run('pack-build', [join(root, 'packs/demo'), out]);
    expect(result.status).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ format: 'rapport-pack', formatVersion: 1, id: 'demo', title: 'Demo pack', version: '1.0.0' });
    expect(file.files.map((source: { path: string }) => source.path).sort()).toEqual(['packs/demo/pack.yaml', 'packs/demo/q-001.md', 'principles/trust-foundation.md']);
  });

  it('refuses to write a pack with errors', () => {
    const root = writeFolder(contentFolder({ 'q-001': questionText({ answer: 'E' }) }));
    const out = join(root, 'demo.json');
    const result = run('pack-build', [join(root, 'packs/demo'), out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not written');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('JSON Schemas for editors', () => {
  it('are up to date in docs/schema (run npm run schema after changing the content schema)', () => {
    for (const [name, schema] of Object.entries(contentJsonSchemas())) {
      expect(JSON.parse(readFileSync(`docs/schema/${name}`, 'utf8')), name).toEqual(schema);
    }
  });
});
