import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/domain/content';
import { checkContent } from '../../../src/domain/content/check';
import { compileContent } from '../../../src/domain/content/compile';
import { contentFolder, questionBody, questionText } from '../../fixtures/content';

const FILE = 'packs/demo/q-001.md';

function problemsFor(text: string): Problem[] {
  return compileContent(contentFolder({ 'q-001': text })).problems.filter((item) => item.severity === 'error');
}

describe('a valid question file', () => {
  it('becomes a question with stem, lead-in, options, rationales and answer', () => {
    const { packs, problems } = compileContent(contentFolder({ 'q-001': questionText() }));
    expect(problems).toEqual([]);
    const question = packs[0]?.questions[0];
    expect(question).toMatchObject({
      id: 'q-001',
      area: 'values-ethics',
      qualifier: 'FIRST',
      difficulty: 2,
      answer: 'B',
      principles: ['trust-foundation'],
      tags: ['engagement'],
      stem: 'A 30-year-old client arrives for a first session at a clinic and says little.',
      leadIn: 'What should the social worker do FIRST?',
    });
    expect(question?.options.map((option) => option.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(question?.options[1]).toEqual({ letter: 'B', text: 'Invite her to say what brings her in.', rationale: 'Engagement comes first.' });
  });

  it('gets a new content hash when its wording changes, and keeps it when only tags change', () => {
    const hash = (text: string) => compileContent(contentFolder({ 'q-001': text })).packs[0]?.questions[0]?.contentHash;
    const original = hash(questionText());
    expect(original).toMatch(/^[0-9a-f]{8}$/);
    expect(hash(questionText({ tags: '[other-tag]' }))).toBe(original);
    expect(hash(questionText({}, questionBody('A 31-year-old client arrives for a first session at a clinic and says little.')))).not.toBe(original);
  });

  it('accepts three options', () => {
    const body = questionBody().replace(/### D\.[^]*$/, '');
    expect(problemsFor(questionText({}, body))).toEqual([]);
  });
});

describe('front matter errors point at the line and say what is wrong', () => {
  it('reports a missing field at the opening line', () => {
    const text = questionText().replace('area: values-ethics\n', '');
    expect(problemsFor(text)).toEqual([expect.objectContaining({ file: FILE, line: 1, message: 'missing field "area" in the front matter' })]);
  });

  it('reports an unknown field at its own line', () => {
    const [error] = problemsFor(questionText({ extra: 'difficult: 2' }));
    expect(error).toMatchObject({ line: 9, message: 'unknown field "difficult" in the front matter' });
  });

  it('lists the allowed content areas', () => {
    const [error] = problemsFor(questionText({ area: 'ethics' }));
    expect(error?.line).toBe(3);
    expect(error?.message).toBe('"area" must be one of development-diversity, assessment-planning, intervention-practice, values-ethics; found "ethics"');
  });

  it('rejects an unknown qualifier and an out-of-range difficulty', () => {
    const errors = problemsFor(questionText({ qualifier: 'EXCEPT', difficulty: 5 }));
    expect(errors.map((error) => [error.line, error.message.split(';')[0]])).toEqual([
      [4, '"qualifier" must be one of FIRST, NEXT, BEST, MOST, PRIMARY'],
      [5, '"difficulty": must be 1 (easy), 2 (medium) or 3 (hard)'],
    ]);
  });

  it('rejects two keys', () => {
    const [error] = problemsFor(questionText({ answer: '[B, C]' }));
    expect(error?.line).toBe(6);
    expect(error?.message).toContain('"answer": must be exactly one letter');
  });

  it('reports broken YAML in plain words at the line of the mistake', () => {
    const [error] = problemsFor(questionText({ tags: '[engagement' }));
    expect(error).toMatchObject({ line: 8, column: 7, message: 'a list opened with [ on line 8 is never closed: add ] at its end, such as [a, b]' });
  });

  it('reports front matter that is never closed', () => {
    const text = questionText().replace(/\n---\n/, '\n');
    expect(problemsFor(text)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('never closed') })]);
  });

  it('reports a file without front matter', () => {
    expect(problemsFor(questionBody())[0]?.message).toContain('must start with a line of three dashes');
  });
});

describe('question body errors', () => {
  it('needs three or four options', () => {
    const body = questionBody().replace(/### C\.[^]*$/, '');
    const [error] = problemsFor(questionText({}, body));
    expect(error).toMatchObject({ line: 12, message: expect.stringContaining('only 2 options') });
  });

  it('rejects a fifth option at its line', () => {
    const body = `${questionBody()}\n### E. One more.\nWhy.\n`;
    const [error] = problemsFor(questionText({}, body));
    expect(error?.message).toContain('more than four options');
    expect(error?.line).toBe(26);
  });

  it('needs a rationale under every option', () => {
    const body = questionBody().replace('Referring out instead of engaging.\n', '');
    const [error] = problemsFor(questionText({}, body));
    expect(error).toMatchObject({ line: 20, message: 'option C has no rationale: explain under it why it is right or wrong' });
  });

  it('needs the options lettered in order', () => {
    const body = questionBody().replace('### C.', '### D.');
    expect(problemsFor(questionText({}, body))[0]?.message).toBe('expected option C here, found D: letter the options A, B, C, D in order');
  });

  it('needs a lead-in', () => {
    const body = questionBody().replace('## What', 'What');
    expect(problemsFor(questionText({}, body))[0]?.message).toContain('no lead-in');
  });

  it('reports an answer letter with no option', () => {
    const body = questionBody().replace(/### D\.[^]*$/, '');
    const [error] = problemsFor(questionText({ answer: 'D' }, body));
    expect(error).toMatchObject({ line: 6, message: 'the answer is D, but there is no option D' });
  });

  it('warns when the lead-in lacks the qualifier', () => {
    const { problems } = compileContent(contentFolder({ 'q-001': questionText({ qualifier: 'BEST' }) }));
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 12, message: expect.stringContaining('does not contain "BEST"') })]);
  });
});

describe('checks across files', () => {
  it('reports a link to a principle that does not exist, with a suggestion', () => {
    const [error] = problemsFor(questionText({ principles: '[trust-fundation]' }));
    expect(error).toMatchObject({ line: 7, message: 'links to the principle "trust-fundation", which does not exist (did you mean "trust-foundation"?)' });
  });

  it('reports duplicate ids anywhere in the folder', () => {
    const files = contentFolder({ 'q-001': questionText(), 'q-002': questionText() });
    expect(compileContent(files).problems).toEqual([
      expect.objectContaining({ file: 'packs/demo/q-002.md', line: 2, message: 'the question\'s id is "q-001" but the file is named "q-002.md": rename the file to "q-001.md", or change the id' }),
      expect.objectContaining({ file: 'packs/demo/q-002.md', line: 2, message: expect.stringContaining('the id "q-001" is already used by the question in packs/demo/q-001.md') }),
    ]);
  });

  it('reports a pack folder without pack.yaml and a pack.yaml whose id does not match', () => {
    const files = [
      { path: 'principles/trust-foundation.md', text: contentFolder({})[0]?.text ?? '' },
      { path: 'packs/orphan/q-001.md', text: questionText() },
      { path: 'packs/other/pack.yaml', text: 'id: not-other\ntitle: T\nversion: 1.0.0\ndescription: D\nauthors: [A]\n' },
      { path: 'packs/other/q-002.md', text: questionText({ id: 'q-002' }) },
    ];
    const messages = compileContent(files).problems.map((item) => `${item.file}:${item.line} ${item.message}`);
    expect(messages).toContain('packs/orphan/pack.yaml:1 the pack folder "orphan" has no pack.yaml: add one with its id, title, version, description and authors');
    expect(messages).toContain('packs/other/pack.yaml:1 the pack\'s id is "not-other" but its folder is "other": they must match');
  });
});

describe('hostile YAML', () => {
  it('says in plain words, once, that lists nested tens of thousands deep are too deep', () => {
    const deep = `tags: ${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const report = checkContent(contentFolder({ 'q-001': questionText({ extra: deep }) }));
    const errors = report.problems.filter((item) => item.severity === 'error');
    expect(errors.map((item) => `${item.file}:${item.line} ${item.message}`)).toEqual([
      'packs/demo/q-001.md:9 YAML: lists or groups are nested inside each other too deeply to read; no real pack needs more than a few levels',
    ]);
  });
});
