import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/domain/content/compile';
import { checkContent, summaryLine } from '../../../src/domain/content/check';
import { contentFolder, principleText, questionBody, questionText } from '../../fixtures/content';

const BLUEPRINT = [
  'id: short-practice',
  'title: Short practice',
  'description: Twenty items in twenty-eight minutes.',
  'outline: three-domain',
  'items: 20',
  'minutes: 28',
  'sections:',
  '  - title: Part 1',
  '    items: 10',
  '  - title: Part 2',
  '    items: 10',
  'weights:',
  '  values-ethics: 30',
  '  assessment-planning: 35',
  '  intervention-practice: 35',
  '',
].join('\n');

const withBlueprint = (text: string) => compileContent(contentFolder({ 'q-001': questionText() }, [{ path: 'exams/short-practice.yaml', text }]));

describe('exam blueprints', () => {
  it('parses a consistent blueprint', () => {
    const result = withBlueprint(BLUEPRINT);
    expect(result.problems).toEqual([]);
    expect(result.blueprints[0]).toMatchObject({ id: 'short-practice', items: 20, minutes: 28, outline: 'three-domain' });
  });

  it('reports weights that do not add up to 100', () => {
    const [error] = withBlueprint(BLUEPRINT.replace('values-ethics: 30', 'values-ethics: 25')).problems;
    expect(error).toMatchObject({ file: 'exams/short-practice.yaml', line: 12, message: 'the weights add up to 95, not 100' });
  });

  it('reports a domain that is not in the outline', () => {
    const [error] = withBlueprint(BLUEPRINT.replace('values-ethics: 30', 'development-diversity: 30')).problems;
    expect(error?.message).toContain('"development-diversity" is not a domain of the three-domain outline');
    expect(error?.line).toBe(13);
  });

  it('reports sections that do not hold all the items', () => {
    const [error] = withBlueprint(BLUEPRINT.replace('items: 20', 'items: 22')).problems;
    expect(error).toMatchObject({ line: 7, message: 'the sections hold 20 items, but "items" is 22' });
  });
});

function manyQuestions(count: number, make: (index: number) => string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [`q-${index}`, make(index)]));
}

const varied = (index: number) => `Client ${'abcdefghijklmnopqrstuvwxyz'[index]}${index} visits setting${index} regarding matter${index} with concern${index}.`;

describe('item-writing warnings', () => {
  it('warns when the key is usually the longest option and sits in one position', () => {
    const questions = manyQuestions(12, (index) => questionText({ id: `q-${index}` }, questionBody(varied(index)).replace('Invite her to say what brings her in.', 'Invite her to say, in her own words and at her pace, what brings her in.')));
    const report = checkContent(contentFolder(questions));
    const messages = report.problems.filter((item) => item.file === 'packs/demo/pack.yaml').map((item) => item.message);
    expect(messages.some((message) => message.startsWith('shortcut around the stem: picking the longest option finds the best answer in 100% of 12 questions, against 25% by chance (+75 points). Most telling: q-0 (packs/demo/q-0.md:17:8)'))).toBe(true);
    expect(messages).toContain('the best answer is B in 12 of 12 questions, where about 3 is balanced: spread the keys across positions');
  });

  it('warns when the key is usually the shortest option', () => {
    const questions = manyQuestions(12, (index) =>
      questionText({ id: `q-${index}`, answer: ['A', 'B', 'C', 'D'][index % 4] }, questionBody(varied(index)).replace(/### ([A-D])\. (.*)/g, (_, letter: string, text: string) => `### ${letter}. ${letter === ['A', 'B', 'C', 'D'][index % 4] ? 'Listen.' : text}`)),
    );
    const messages = checkContent(contentFolder(questions)).problems.map((item) => item.message);
    expect(messages.some((message) => message.startsWith('shortcut around the stem: picking the shortest option finds the best answer in 100% of 12 questions, against 25% by chance'))).toBe(true);
    expect(messages.some((message) => message.includes('in 3 of 12'))).toBe(false);
  });

  it('hints at quotes when a colon turned text into a field', () => {
    const files = contentFolder({ 'q-001': questionText() });
    const principle = files[0]!;
    principle.text = principle.text.replace('  - Understanding why trust is vital in social work', '  - Building Trust in Social Work: Rebuilding Client Relationships');
    const error = checkContent(files).problems.find((item) => item.file === 'principles/trust-foundation.md');
    expect(error).toMatchObject({ line: 6, message: '"sources item 1" should be text, not a group of fields (put text that contains ": " in double quotes)' });
  });

  it('warns about catch-all options and absolute words found only in distractors', () => {
    const body = questionBody().replace('Start the intake forms straight away.', 'All of the above.').replace('Refer her to a specialist clinic.', 'Always refer her to a specialist clinic.');
    const warnings = checkContent(contentFolder({ 'q-001': questionText({}, body) })).problems.map((item) => [item.line, item.message.slice(0, 40)]);
    expect(warnings).toEqual([
      [14, 'option A is a catch-all ("all/none of th'],
      [20, 'option C says "Always", and absolute wor'],
    ]);
  });

  it('warns about near-duplicate stems and unlinked principles', () => {
    const files = contentFolder(
      {
        'q-001': questionText(),
        'q-002': questionText({ id: 'q-002' }, questionBody('A 30-year-old client arrives for a first session at the clinic and says very little.')),
      },
      [{ path: 'principles/lonely.md', text: principleText('lonely') }],
    );
    const report = checkContent(files);
    expect(report.problems.map((item) => `${item.file}:${item.line} ${item.message}`)).toEqual([
      'packs/demo/q-002.md:10 the stem is nearly the same as the stem of q-001: vary the scenario or remove one',
      'principles/lonely.md:1 no question links to the principle "lonely": link it from a question, or remove it',
    ]);
    expect(summaryLine(report.counts)).toBe('content: 2 principles, 2 questions in 1 pack, 0 errors, 2 warnings');
  });
});
