import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack, SourceFile } from '../../../src/domain/content';
import { compileContent } from '../../../src/domain/content/compile';
import { importGift, parseGift, type GiftQuestion } from '../../../src/domain/content/gift';
import { escapeGift, exportGift } from '../../../src/domain/content/giftExport';
import { contentFolder, PACK_YAML, principleText, questionText } from '../../fixtures/content';

/** What a reader sees of a text, whatever its markup: no tags, no emphasis marks, one space between words. */
const visible = (text: string | undefined) =>
  (text ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\\\n/g, ' ')
    .replace(/[*_]{1,2}/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function compiledPack(files: SourceFile[]): Pack {
  const result = compileContent(files);
  expect(result.problems.filter((item) => item.severity === 'error')).toEqual([]);
  return result.packs[0] as Pack;
}

/** Imported question files in a pack folder beside pack.yaml and the principle they will link. */
function packFiles(questions: { fileName: string; text: string }[]): SourceFile[] {
  return [
    { path: 'principles/trust-foundation.md', text: principleText('trust-foundation') },
    { path: 'packs/demo/pack.yaml', text: PACK_YAML },
    ...questions.map((question) => ({ path: `packs/demo/${question.fileName}`, text: question.text })),
  ];
}

/** What an instructor does after an import: fill in what GIFT does not hold. */
function fillIn(text: string): string {
  return text
    .replace(/^area:.*$/m, 'area: values-ethics')
    .replace(/^difficulty:.*$/m, 'difficulty: 2')
    .replace(/^principles:.*$/m, 'principles: [trust-foundation]');
}

describe('GIFT → pack → GIFT', () => {
  const original = readFileSync('tests/fixtures/import/moodle-export.gift', 'utf8');
  const imported = importGift('moodle-export.gift', original, { packId: 'demo' });
  const pack = compiledPack(packFiles(imported.questions.map((question) => ({ ...question, text: fillIn(question.text) }))));
  const exported = exportGift(pack);
  const before = parseGift('moodle-export.gift', original).questions;
  const after = parseGift('demo.gift', exported).questions;

  it('reads a file as Moodle exports it (CRLF, question comments, tab-indented answers, [html])', () => {
    expect(original).toContain('\r\n');
    expect(imported.problems).toEqual([]);
    expect(imported.questions.map((question) => question.id)).toEqual(['cf-intake-limits', 'session-notes', 'court-order']);
  });

  it('keeps every question, its answers, which answer is right, and every feedback', () => {
    expect(after).toHaveLength(before.length);
    before.forEach((question: GiftQuestion, index) => {
      // A pack lists its questions by file name, so they come back ordered by id.
      const back = after.find((candidate) => candidate.title === imported.questions[index]?.id) as GiftQuestion;
      expect(back.kind).toBe('multiple-choice');
      expect(visible(back.text.text)).toBe(visible(question.text.text));
      expect(back.answers.map((answer) => [visible(answer.text.text), answer.right])).toEqual(question.answers.map((answer) => [visible(answer.text.text), answer.right]));
      back.answers.forEach((answer, which) => {
        const source = question.answers[which];
        // General feedback has no field of its own in a pack: it joins the best answer's rationale, and comes back there.
        const expected = [source?.feedback?.text, source?.right ? question.generalFeedback?.text : undefined].filter(Boolean).join(' ');
        expect(visible(answer.feedback?.text)).toBe(visible(expected));
      });
    });
    expect(after.every((question) => question.generalFeedback === undefined)).toBe(true);
  });

  it('keeps line breaks and escaped characters in feedback', () => {
    const notes = after.find((question) => question.title === 'session-notes');
    expect(notes?.answers.find((answer) => answer.right)?.feedback?.text).toBe('Specific and honest {no jargon}.\n\nIt answers the question she asked.');
    expect(notes?.text.text).toContain('who reads her session notes: her insurer');
    expect(notes?.text.text).toContain('"I want a straight answer = no jargon."\n\nWhich response is BEST?');
  });

  it('writes Moodle GIFT: ids as titles and [id:], tags as [tag:], Markdown text, = for the best answer', () => {
    expect(exported).toContain('// [id:cf-intake-limits] [tag:confidentiality]\n// rapport: area: values-ethics; qualifier: FIRST; difficulty: 2; principles: trust-foundation\n::cf-intake-limits::[markdown]A 16-year-old');
    expect(exported).toContain('\t=Explain what stays private and what the law may require to be shared#Honest limits at the start let her choose what to say.\\n\\nMinors\' confidentiality varies by state and setting.\n');
  });
});

describe('pack → GIFT → pack', () => {
  const tricky = questionText(
    { id: 'q-002', answer: 'C', qualifier: 'BEST', difficulty: 3, tags: '[groups, online]' },
    [
      'A group member posts: "Meet at {the usual place} = 7pm ~ bring #notes: all of you."',
      'The post is in a closed online group the social worker runs.',
      '',
      'Two members reply within minutes.',
      '',
      '## Which response is BEST?',
      '',
      '### A. Delete the post without comment.',
      'Silence teaches nothing about the group\'s norms.',
      '',
      '### B. Ignore it; members are adults.',
      'It leaves the group\'s privacy to chance.',
      '',
      '### C. Remind the group, in the group, of the agreement about meeting details.',
      'It restates the norm where the breach happened.',
      '',
      'It also models how to raise a concern: calmly, and with reasons.',
      '',
    ].join('\n'),
  );
  const source = contentFolder({ 'q-001': questionText(), 'q-002': tricky });
  const pack = compiledPack(source);

  it('brings back every question exactly, with its facts, from the comments Moodle keeps', () => {
    const again = importGift('demo.gift', exportGift(pack), { packId: 'demo' });
    expect(again.problems).toEqual([]);
    const back = compiledPack(packFiles(again.questions));
    expect(back.questions.map(({ file: _file, ...question }) => question)).toEqual(pack.questions.map(({ file: _file, ...question }) => question));
  });
});

describe('GIFT escapes', () => {
  it('escape every control character and line break as Moodle does', () => {
    expect(escapeGift('a{b}c=d~e#f:g\\h\r\nnext')).toBe('a\\{b\\}c\\=d\\~e\\#f\\:g\\\\h\\nnext');
    const [question] = parseGift('x.gift', `Q?{=${escapeGift('a{b}c=d~e#f:g\\h\nnext')} ~x ~y}`).questions;
    expect(question?.answers[0]?.text.text).toBe('a{b}c=d~e#f:g\\h\nnext');
  });
});
