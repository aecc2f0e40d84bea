import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionTemplate } from '../../../src/domain/content/authoring';
import { compileContent } from '../../../src/domain/content/compile';
import { SMALLEST_PACK_FOR_BALANCE } from '../../../src/domain/content/lint';
import { contentFolder, PACK_YAML, principleText, questionBody, questionText } from '../../fixtures/content';

const errorsIn = (files: { path: string; text: string }[]) =>
  compileContent(files)
    .problems.filter((item) => item.severity === 'error')
    .map((item) => `${item.file}:${item.line}:${item.column} ${item.message}`);

describe('a file whose name differs from its id', () => {
  it('is an error for a question, at its id line', () => {
    expect(errorsIn(contentFolder({ 'q-001': questionText({ id: 'q-009' }) }))).toEqual([
      'packs/demo/q-001.md:2:1 the question\'s id is "q-009" but the file is named "q-001.md": rename the file to "q-009.md", or change the id',
    ]);
  });

  it('is an error for a principle, at its id line', () => {
    const files = contentFolder({ 'q-001': questionText() }, [{ path: 'principles/group-norms.md', text: principleText('group-work') }]);
    expect(errorsIn(files)).toContain('principles/group-norms.md:2:1 the principle\'s id is "group-work" but the file is named "group-norms.md": rename the file to "group-work.md", or change the id');
  });

  it('is an error even when the file has other errors', () => {
    expect(errorsIn(contentFolder({ 'q-001': questionText({ id: 'q-009', area: 'ethics' }) }))).toEqual([
      'packs/demo/q-001.md:2:1 the question\'s id is "q-009" but the file is named "q-001.md": rename the file to "q-009.md", or change the id',
      'packs/demo/q-001.md:3:7 "area" must be one of development-diversity, assessment-planning, intervention-practice, values-ethics; found "ethics"',
    ]);
  });
});

describe('the content:new template left unchanged', () => {
  it('is an error at every placeholder, so a half-written question cannot be shared', () => {
    const text = questionTemplate('q-002').replace('principles: []', 'principles: [trust-foundation]');
    const errors = errorsIn(contentFolder({ 'q-001': questionText(), 'q-002': text })).map((line) => line.replace(/^packs\/demo\/q-002\.md:/, ''));
    expect(errors).toEqual([
      "10:1 the scenario is still the template's placeholder: write the scenario in its place",
      "15:1 option A is still the template's placeholder: write the option in its place",
      "16:1 the rationale of option A is still the template's placeholder: explain why this option is right or wrong",
      "18:1 option B is still the template's placeholder: write the option in its place",
      "19:1 the rationale of option B is still the template's placeholder: explain why this option is right or wrong",
      "21:1 option C is still the template's placeholder: write the option in its place",
      "22:1 the rationale of option C is still the template's placeholder: explain why this option is right or wrong",
      "24:1 option D is still the template's placeholder: write the option in its place",
      "25:1 the rationale of option D is still the template's placeholder: explain why this option is right or wrong",
    ]);
  });

  it('is no longer an error once each placeholder is replaced', () => {
    const written = questionTemplate('q-002')
      .replace('principles: []', 'principles: [trust-foundation]')
      .replace(/Write the scenario here[^]*?matter\./, 'A 40-year-old woman asks whether her employer will learn what she says in sessions.')
      .replace('Write the best option here.', 'Explain what is shared, with whom, and when.')
      .replace('Explain why this option is the best answer.', 'Honest limits build trust.')
      .replace('Write a plausible but worse option here.', 'Promise that nothing will ever be shared.')
      .replace('Write another plausible option here.', 'Ask why she is worried about her employer.')
      .replace(/### D\.[^]*$/, '')
      .replaceAll('Explain why this option is worse than A in this situation.', 'A worse choice here.');
    expect(errorsIn(contentFolder({ 'q-001': questionText(), 'q-002': written }))).toEqual([]);
  });
});

describe('a principle file that fails to parse', () => {
  it('reports its own error once, and the questions that link to it do not each report it missing', () => {
    const broken = principleText('group-norms').replace('sources:\n  - Understanding', 'sources: [Understanding');
    const files = contentFolder(
      {
        'q-001': questionText({ principles: '[trust-foundation, group-norms]' }),
        'q-002': questionText({ id: 'q-002', principles: '[group-norms]' }),
      },
      [{ path: 'principles/group-norms.md', text: broken }],
    );
    expect(errorsIn(files)).toEqual(['principles/group-norms.md:5:10 a list opened with [ on line 5 is never closed: add ] at its end, such as [a, b]']);
  });

  it('still lets a link to a principle that truly does not exist be reported', () => {
    const files = contentFolder({ 'q-001': questionText({ principles: '[group-norms]' }) });
    expect(errorsIn(files)).toEqual(['packs/demo/q-001.md:7:1 links to the principle "group-norms", which does not exist']);
  });
});

describe('all problems of a file in one run', () => {
  it('reports a wrong field, a missing principle, a missing lead-in and a missing rationale together', () => {
    const body = questionBody().replace('## What', 'What').replace('Engagement comes first.\n', '');
    const text = questionText({ area: 'ethics', principles: '[no-such-principle]' }, body);
    expect(errorsIn(contentFolder({ 'q-001': text }))).toEqual([
      'packs/demo/q-001.md:3:7 "area" must be one of development-diversity, assessment-planning, intervention-practice, values-ethics; found "ethics"',
      'packs/demo/q-001.md:7:1 links to the principle "no-such-principle", which does not exist',
      'packs/demo/q-001.md:14:1 no lead-in: write the question to answer on a line starting with "## ", before the options',
      'packs/demo/q-001.md:17:1 option B has no rationale: explain under it why it is right or wrong',
    ]);
  });

  it('reports an answer with no option and too few options beside other errors', () => {
    const body = questionBody().replace(/### C\.[^]*$/, '');
    const text = questionText({ answer: 'D', difficulty: 7 }, body);
    expect(errorsIn(contentFolder({ 'q-001': text }))).toEqual([
      'packs/demo/q-001.md:5:13 "difficulty": must be 1 (easy), 2 (medium) or 3 (hard); found 7',
      'packs/demo/q-001.md:6:9 the answer is D, but there is no option D',
      'packs/demo/q-001.md:12:1 only 2 options: a question needs three or four, each on a line starting with "### A. "',
    ]);
  });

  it('checks a principle’s body even when its front matter is broken', () => {
    const text = ['---', 'id: group-norms', 'title: Group norms', 'summary: One sentence.', 'sources: [a', '---', ''].join('\n');
    const files = contentFolder({ 'q-001': questionText() }, [{ path: 'principles/group-norms.md', text }]);
    expect(errorsIn(files)).toEqual([
      'principles/group-norms.md:5:10 a list opened with [ on line 5 is never closed: add ] at its end, such as [a, b]',
      'principles/group-norms.md:7:1 the principle has no text below its front matter',
    ]);
  });

  it('still finds a duplicate id in a question with other errors', () => {
    const files = contentFolder({ 'q-001': questionText(), 'q-002': questionText({ id: 'q-002', area: 'ethics' }), 'q-003': questionText({ id: 'q-002' }) });
    expect(errorsIn(files).filter((line) => line.includes('already used'))).toEqual([
      'packs/demo/q-003.md:2:1 the id "q-002" is already used by the question in packs/demo/q-002.md: every id must be unique',
    ]);
  });
});

describe('YAML mistakes in plain words, at the line of the mistake', () => {
  const frontMatterError = (extra: string) => errorsIn(contentFolder({ 'q-001': questionText({ extra }) }))[0];

  it('points an unclosed list at the line that opens it, not the line below', () => {
    const pack = PACK_YAML.replace('authors: [Tester]', 'authors: [Tester, Other\nlicence: CC BY 4.0');
    const files = contentFolder({ 'q-001': questionText() }).map((file) => (file.path.endsWith('pack.yaml') ? { ...file, text: pack } : file));
    expect(errorsIn(files)).toEqual(['packs/demo/pack.yaml:5:10 a list opened with [ on line 5 is never closed: add ] at its end, such as [a, b]']);
  });

  it('says to use spaces, not tabs', () => {
    expect(frontMatterError('sources:\n\t- one')).toBe('packs/demo/q-001.md:10:1 use spaces, not tabs, to indent');
  });

  it('explains a colon inside a value', () => {
    expect(frontMatterError('note: Trust: the basics')).toBe(
      'packs/demo/q-001.md:9:1 a value holds a colon followed by a space, which YAML reads as a new field: put the whole value in double quotes, such as title: "Trust: the basics"',
    );
  });

  it('points an unclosed quote at its opening line', () => {
    expect(frontMatterError('note: "open\nother: 1')).toBe('packs/demo/q-001.md:9:7 a text opened with " on line 9 is never closed: add the closing "');
  });

  it('names a field given twice', () => {
    expect(frontMatterError('area: values-ethics')).toBe('packs/demo/q-001.md:9:1 the field "area" appears twice: keep one');
  });

  it('explains a line without a colon and a line indented too far', () => {
    expect(frontMatterError('note the client')).toBe('packs/demo/q-001.md:9:1 expected "field: value" on this line: the field\'s name, a colon, a space, then the value');
    const indented = errorsIn([
      { path: 'principles/trust-foundation.md', text: principleText('trust-foundation').replace('summary: One sentence.', 'summary: One sentence.\n  more: words') },
    ]);
    expect(indented).toEqual([
      'principles/trust-foundation.md:5:1 this line is indented more than the field above it, which already has a value: start fields of the same level at the same column',
    ]);
  });

  it('says which field is empty and what it takes', () => {
    const errors = errorsIn(contentFolder({ 'q-001': questionText({ area: '', difficulty: '' }) }));
    expect(errors).toEqual([
      'packs/demo/q-001.md:3:7 "area" is empty: fill in one of development-diversity, assessment-planning, intervention-practice, values-ethics',
      'packs/demo/q-001.md:5:13 "difficulty" is empty: fill in 1 (easy), 2 (medium) or 3 (hard)',
    ]);
  });
});

describe('the key-longest warning in a small pack', () => {
  it('is described in the guide with the pack size the checker uses', () => {
    const guide = readFileSync('docs/authoring.md', 'utf8');
    expect(guide).toContain(`fewer than ${SMALLEST_PACK_FOR_BALANCE} questions`);
  });
});
