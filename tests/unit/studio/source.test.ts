import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/domain/content/check';
import { compileContent } from '../../../src/domain/content/compile';
import { packSourceFiles, principleSource } from '../../../src/domain/content/source';
import { readContentFolder } from '../../../scripts/read-content';
import { contentFolder, PACK_YAML, questionText } from '../../fixtures/content';

describe('content written back as files', () => {
  it('gives back every built-in pack and principle exactly when parsed again', () => {
    const bank = compileContent(readContentFolder('content'));
    expect(bank.packs.length).toBe(readdirSync('content/packs').length);
    for (const pack of bank.packs) {
      const again = compileContent([...packSourceFiles(pack), ...bank.principles.map((principle) => ({ path: `principles/${principle.id}.md`, text: principleSource(principle) }))]);
      expect(again.problems.filter((item) => item.severity === 'error')).toEqual([]);
      const copy = again.packs[0];
      expect(copy?.questions.map(({ file: _file, ...question }) => question)).toEqual(pack.questions.map(({ file: _file, ...question }) => question));
      expect(again.principles.map(({ file: _file, ...principle }) => principle)).toEqual(bank.principles.map(({ file: _file, ...principle }) => principle));
    }
  });

  it('quotes what YAML would misread: colons, commas in a flow list, numbers as text', () => {
    const files = contentFolder({ 'q-001': questionText() });
    const pack = compileContent(files).packs[0];
    if (!pack) throw new Error('fixture');
    const edited = { ...pack, title: 'Trust: the basics', authors: ['Lee, J.', 'Ortiz'], version: '1.0.0', description: '123' };
    const again = compileContent([...packSourceFiles(edited), files[0] as (typeof files)[number]]).packs[0];
    expect(again).toMatchObject({ title: 'Trust: the basics', authors: ['Lee, J.', 'Ortiz'], description: '123' });
  });
});

describe('the order of questions in pack.yaml', () => {
  const questions = { 'q-001': questionText(), 'q-002': questionText({ id: 'q-002' }), 'q-003': questionText({ id: 'q-003' }) };
  const withOrder = (order: string) => contentFolder(questions).map((file) => (file.path.endsWith('pack.yaml') ? { ...file, text: `${PACK_YAML}order: ${order}\n` } : file));

  it('puts the listed questions first, in that order, and the rest after them by file name', () => {
    const pack = compileContent(withOrder('[q-003, q-001]')).packs[0];
    expect(pack?.questions.map((question) => question.id)).toEqual(['q-003', 'q-001', 'q-002']);
  });

  it('warns about an id it lists that is no question of the pack, or one listed twice', () => {
    const report = checkContent(withOrder('[q-002, q-009, q-002]'));
    expect(report.problems.filter((item) => item.file === 'packs/demo/pack.yaml').map((item) => `${item.line} ${item.severity} ${item.message}`)).toEqual([
      '6 warning "order" lists "q-009", which is not a question of this pack',
      '6 warning "order" lists "q-002" twice: list each question once',
    ]);
  });
});
