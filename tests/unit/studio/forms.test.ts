import { describe, expect, it } from 'vitest';
import { questionTemplate } from '../../../src/domain/content/authoring';
import { checkContent } from '../../../src/domain/content/check';
import { readPackForm, readPrincipleForm, writePackForm, writePrincipleForm } from '../../../src/domain/studio/fieldForms';
import { readQuestionForm, writeQuestionForm, type QuestionForm } from '../../../src/domain/studio/questionForm';
import { contentFolder, PACK_YAML, principleText, questionText } from '../../fixtures/content';

function formOf(text: string): QuestionForm {
  const reading = readQuestionForm(text);
  if (!('form' in reading)) throw new Error(reading.reason);
  return reading.form;
}

describe('the question form', () => {
  it('reads every field of a question file', () => {
    expect(formOf(questionText())).toEqual({
      id: 'q-001',
      area: 'values-ethics',
      qualifier: 'FIRST',
      difficulty: '2',
      answer: 'B',
      principles: ['trust-foundation'],
      tags: ['engagement'],
      stem: 'A 30-year-old client arrives for a first session at a clinic and says little.',
      leadIn: 'What should the social worker do FIRST?',
      options: [
        { text: 'Start the intake forms straight away.', rationale: 'Procedure before the relationship.' },
        { text: 'Invite her to say what brings her in.', rationale: 'Engagement comes first.' },
        { text: 'Refer her to a specialist clinic.', rationale: 'Referring out instead of engaging.' },
        { text: 'Tell her the limits of the service in writing.', rationale: 'Paper before people.' },
      ],
    });
  });

  it('writes a changed field in place, keeping comments and the rest of the file as written', () => {
    const text = questionText({ extra: '# reviewed by J. Lee' });
    const written = writeQuestionForm(text, { ...formOf(text), area: 'intervention-practice', principles: ['trust-foundation', 'open-communication'], difficulty: '3' });
    expect(written).toContain('area: intervention-practice\n');
    expect(written).toContain('principles: [trust-foundation, open-communication]\n');
    expect(written).toContain('difficulty: 3\n');
    expect(written).toContain('# reviewed by J. Lee');
    expect(written.split('---')[2]).toBe(text.split('---')[2]);
  });

  it('writes the scenario, lead-in and options back so the checker reads what the form shows', () => {
    const text = questionText();
    const form = formOf(text);
    const next = { ...form, stem: 'A 40-year-old nurse asks for help after a night shift.\n\nShe is tired.', options: form.options.slice(0, 3), answer: 'C' };
    const written = writeQuestionForm(text, next);
    expect(formOf(written)).toEqual(next);
    const report = checkContent(contentFolder({ 'q-001': written }));
    expect(report.counts.errors).toBe(0);
    expect(report.compiled.packs[0]?.questions[0]?.options.map((option) => option.letter)).toEqual(['A', 'B', 'C']);
  });

  it('leaves to the source view a file it could not show without losing text, and says why', () => {
    const stray = questionText().replace('### A.', 'A note to myself.\n\n### A.');
    expect(readQuestionForm(stray)).toEqual({ reason: 'text between the lead-in and the first option', line: 14 });
    const outOfOrder = questionText().replace('### B.', '### C.').replace('### C. Refer', '### B. Refer');
    expect(readQuestionForm(outOfOrder)).toMatchObject({ reason: expect.stringContaining('not lettered A, B, C, D in order') });
    expect(readQuestionForm('---\nid: [a\n---\n')).toEqual({ reason: 'a list opened with [ on line 2 is never closed: add ] at its end, such as [a, b]', line: 2 });
  });

  it('points each of the checker’s messages at the field it is about', () => {
    const parts = (text: string) => {
      const reading = readQuestionForm(text);
      if (!('form' in reading)) throw new Error(reading.reason);
      const { problems } = checkContent(contentFolder({ 'q-001': text }));
      return problems.filter((item) => item.file.endsWith('q-001.md')).map((item) => reading.partAt(item));
    };
    expect(parts(questionText({ area: 'ethics' }).replace('Referring out instead of engaging.\n', ''))).toEqual(['area', 'option-2-rationale']);
    expect(parts(questionText({ principles: '[trust-fundation]' }))).toEqual(['principles']);
    expect(parts(questionText({ qualifier: 'BEST' }))).toEqual(['leadIn']);
    const reading = readQuestionForm(questionText());
    if (!('form' in reading)) throw new Error(reading.reason);
    expect(reading.partAt({ line: 1, message: 'missing field "qualifier" in the front matter' })).toBe('qualifier');
  });

  it('drops an importer’s “to fill in” hint once the field is filled', () => {
    const text = questionText({ area: '  # to fill in: development-diversity, assessment-planning, intervention-practice, values-ethics' });
    const written = writeQuestionForm(text, { ...formOf(text), area: 'values-ethics' });
    expect(written).toContain('\narea: values-ethics\n');
  });

  it('reads the template a new question starts from', () => {
    expect(formOf(questionTemplate('my-001'))).toMatchObject({ id: 'my-001', principles: [], options: [{}, {}, {}, {}] });
  });
});

describe('the pack and principle forms', () => {
  it('set changed fields of pack.yaml in place', () => {
    const text = `# my pack\n${PACK_YAML}`;
    const reading = readPackForm(text);
    if (!('form' in reading)) throw new Error(reading.reason);
    expect(reading.form).toEqual({ id: 'demo', title: 'Demo pack', version: '1.0.0', description: 'A small pack.', authors: ['Tester'], licence: '' });
    const written = writePackForm(text, { ...reading.form, authors: ['Tester', 'Lee, J.'], licence: 'CC BY 4.0' });
    expect(written).toBe('# my pack\nid: demo\ntitle: Demo pack\nversion: 1.0.0\ndescription: A small pack.\nauthors: [Tester, "Lee, J."]\nlicence: CC BY 4.0\n');
    expect(reading.partAt({ line: 1, message: 'the pack has no questions: add question files beside pack.yaml' })).toBe('file');
    expect(reading.partAt({ line: 4, message: '"version": write the version as three numbers' })).toBe('version');
  });

  it('set a principle’s fields and body', () => {
    const text = principleText('open-communication', 'Open communication');
    const reading = readPrincipleForm(text);
    if (!('form' in reading)) throw new Error(reading.reason);
    expect(reading.form).toMatchObject({ id: 'open-communication', sources: ['Understanding why trust is vital in social work'], body: '## What it says\n\nSome words.' });
    const written = writePrincipleForm(text, { ...reading.form, summary: 'Say what you will share.', body: 'New text.' });
    expect(written).toContain('summary: Say what you will share.\nsources:\n  - Understanding why trust is vital in social work\n---\nNew text.\n');
    expect(reading.partAt({ line: 9, message: 'something in the body' })).toBe('body');
  });
});
