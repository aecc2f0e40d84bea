import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/domain/content/compile';
import { importGift, parseGift } from '../../../src/domain/content/gift';
import { inImportedFile, type ImportResult } from '../../../src/domain/content/importing';
import { PACK_YAML, principleText } from '../../fixtures/content';

const FILE = 'moodle-examples.gift';
const EXAMPLES = readFileSync('tests/fixtures/import/moodle-examples.gift', 'utf8');
const imported = importGift(FILE, EXAMPLES, { packId: 'moodle-examples' });
const byId = (result: ImportResult, id: string) => result.questions.find((question) => question.id === id);

describe('reading GIFT as Moodle reads it', () => {
  const { questions, problems } = parseGift(FILE, EXAMPLES);
  const at = (line: number) => questions.find((question) => question.at.line === line);

  it('tells each documented question type apart', () => {
    expect(problems).toEqual([]);
    expect(questions.map((question) => `${question.at.line} ${question.kind}`)).toEqual([
      '7 multiple-choice',
      '9 multiple-choice',
      '11 multiple-choice',
      '17 multiple-choice',
      '25 short-answer',
      '27 short-answer',
      '31 true-false',
      '33 true-false',
      '37 matching',
      '45 numerical',
      '47 numerical',
      '49 numerical',
      '54 essay',
      '58 short-answer',
      '61 multiple-choice',
      '65 multiple-choice',
      '71 multiple-choice',
      '76 multiple-choice',
      '82 true-false',
      '84 multiple-choice',
      '86 multiple-choice',
      '92 short-answer',
      '99 multiple-answer',
      '106 multiple-choice',
      '111 multiple-choice',
      '120 multiple-choice',
      '124 multiple-choice',
      '136 multiple-choice',
      '142 multiple-choice',
      '146 description',
      '149 true-false',
      '151 multiple-choice',
    ]);
  });

  it('reads per-answer feedback, weights and the line and column of every answer', () => {
    expect(at(65)?.answers.map((answer) => [answer.right, answer.text.text, answer.feedback?.text, `${answer.at.line}:${answer.at.column}`])).toEqual([
      [false, 'Promise that nothing will be shared', 'A promise without limits may have to be broken.', '66:1'],
      [false, 'Change the subject to her goals', 'Avoiding the question erodes trust.', '67:1'],
      [true, 'Explain what stays private and what may not', 'Honest limits build trust.', '68:1'],
    ]);
    expect(at(86)?.answers.map((answer) => answer.weight)).toEqual([undefined, 25, 50, undefined]);
  });

  it('resolves escaped characters and keeps multi-line feedback', () => {
    expect(at(106)?.answers.map((answer) => answer.text.text)).toEqual(['= 2 + 2', '= 2 + 3', '= 2 + 4']);
    const control = at(111);
    expect(control?.title).toBe('GIFT control characters');
    expect(control?.answers.map((answer) => [answer.text.text, answer.right])).toEqual([
      ['~', false],
      ['=', false],
      ['#', false],
      ['\\', true],
    ]);
    expect(control?.answers[3]?.feedback?.text).toBe('Correct! \\ (backslash) is not a control character. BUT,\nit is used to escape the control characters.');
    const colons = at(120);
    expect(colons?.title).toBe('Colon: escaped in a title');
    expect(colons?.text.text).toBe('Session notes: who reads them? Which answer is BEST?');
    expect(colons?.answers[0]?.text.text).toBe('The worker and {authorised} staff');
    expect(colons?.answers[0]?.feedback?.text).toBe('Right: access is limited.');
  });

  it('takes an unescaped = in the question text as text, as Moodle does', () => {
    expect(at(149)?.text.text).toBe('2+2=4');
    expect(at(151)?.text.text).toBe("A worker's caseload = 30 families, and two new referrals arrive today. What should the social worker do FIRST?");
    expect(at(151)?.answers.map((answer) => answer.text.text)).toEqual(['Review the caseload with a supervisor', 'Accept both at once', 'Refuse both']);
  });

  it('reads text formats, general feedback, the missing-word blank and categories', () => {
    expect(at(71)?.text.format).toBe('markdown');
    expect(at(76)?.text.format).toBe('html');
    expect(at(76)?.answers[0]?.feedback?.format).toBe('html');
    expect(at(124)?.generalFeedback?.text).toBe("Clients' access to records rests on self-determination and transparency.");
    expect(at(11)?.text.text).toBe('The duty to warn was shaped by a court case decided in the _____ in California.');
    expect(at(136)?.category).toBe('$course$/top/Ethics/Dual relationships');
    expect(at(7)?.category).toBeUndefined();
  });
});

describe('importing GIFT', () => {
  it('writes single-answer multiple choice with per-answer feedback as rationales', () => {
    expect(byId(imported, 'feedback-example')?.text).toBe(
      [
        '---',
        'id: feedback-example',
        'area:   # to fill in: development-diversity, assessment-planning, intervention-practice, values-ethics',
        'qualifier: FIRST',
        'difficulty:   # to fill in: 1 (easy), 2 (medium) or 3 (hard)',
        'answer: C',
        'principles: []   # to fill in: the ids of the principles the question rests on, such as [trust-foundation]',
        'tags: []',
        '---',
        'A client asks whether her therapist will tell her mother what she says.',
        '',
        '## What should the social worker do FIRST?',
        '',
        '### A. Promise that nothing will be shared',
        'A promise without limits may have to be broken.',
        '',
        '### B. Change the subject to her goals',
        'Avoiding the question erodes trust.',
        '',
        '### C. Explain what stays private and what may not',
        'Honest limits build trust.',
        '',
      ].join('\n'),
    );
  });

  it('skips every other kind of question with a warning that names its line and title', () => {
    const skipped = imported.problems.filter((item) => item.message.startsWith('skipped'));
    expect(skipped.map((item) => `${item.line} ${item.message.replace(': Rapport imports single-answer multiple choice only', '')}`)).toEqual([
      '25 skipped the question "Which profession\'s code lists "service" among its…" (short answer)',
      '27 skipped the question "Two plus two equals _____." (short answer)',
      '31 skipped the question "A social worker may share records with a client\'s…" (true/false)',
      '33 skipped the question "Informed consent is an ongoing process." (true/false)',
      '37 skipped the question "Match each standard with its topic." (matching)',
      '45 skipped the question "In what year was the NASW founded?" (numerical)',
      '47 skipped the question "How many core values does the NASW Code name? ____…" (numerical)',
      '49 skipped the question "In what year was the current NASW Code first appro…" (numerical)',
      '54 skipped the question "How would you explain the limits of confidentialit…" (essay)',
      '58 skipped "Code origins" (short answer)',
      '82 skipped the question "A client is discharged from hospital." (true/false)',
      '92 skipped "Weights in short answer" (short answer)',
      '99 skipped the question "Which two people may see a minor\'s record?" (multiple answers with weights)',
      '146 skipped the question "You are about to read five case scenarios about co…" (a description, with no answers)',
      '149 skipped "Sum" (true/false)',
    ]);
    expect(skipped.every((item) => item.severity === 'warning' && item.file === FILE)).toBe(true);
    expect(imported.questions).toHaveLength(17);
  });

  it('says which partial credit it leaves out, at the answer', () => {
    expect(imported.problems.filter((item) => item.message.includes('the weight')).map((item) => `${item.line}:${item.column} ${item.message}`)).toEqual([
      '84:82 the question "Which step comes FIRST after a disclosure of abuse…": the weight 50% on the answer "Write a case note" is left out: an option is the best answer or a wrong one',
      '88:5 "Hometown": the weight 25% on the answer "Chicago" is left out: an option is the best answer or a wrong one',
      '89:5 "Hometown": the weight 50% on the answer "Illinois" is left out: an option is the best answer or a wrong one',
    ]);
  });

  it('converts HTML to Markdown and never keeps raw HTML', () => {
    const html = byId(imported, 'html-text')?.text ?? '';
    expect(html).toContain('A man in a **community clinic** keeps his coat on and checks the door.\n\n## What should the social worker do FIRST?');
    expect(html).toContain('### A. *Ask* how it feels to be here today\nIt invites him to **say** what he feels.');
    expect(html).toContain('### C. Assure him everything stays confidential\nConfidentiality has limits.\\\nPromising more misleads him.');
    const tagged = byId(imported, 'moodle-format-with-tags')?.text ?? '';
    expect(tagged).toContain('A client writes: **I can\'t come back.**\n\n## What should the social worker do NEXT?');
    for (const question of imported.questions) expect(question.text, question.id).not.toMatch(/<\/?[a-z]+[^>]*>/i);
  });

  it('drops scripts and images from HTML, and says an image was left out', () => {
    const gift = '::Pictured::[html]<p>A client shows a drawing.<img src="@@PLUGINFILE@@/drawing.png"><script>alert(1)</script></p><p>What should the social worker do FIRST?</p>{=Ask about it#Yes. ~Ignore it#No. ~Praise it#No.}';
    const result = importGift('pictured.gift', gift, { packId: 'demo' });
    expect(result.questions[0]?.text).toContain('A client shows a drawing.\n\n## What should');
    expect(result.questions[0]?.text).not.toContain('alert');
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('an image is left out') })]);
  });

  it('keeps escaped characters as text, escaping only what Markdown would misread', () => {
    const control = byId(imported, 'gift-control-characters')?.text ?? '';
    expect(control).toContain('### A. ~\n~ is a control character.');
    expect(control).toContain('### C. #\n\\# is a control character.');
    expect(control).toContain('### D. \\\nCorrect! \\ (backslash) is not a control character. BUT,\nit is used to escape the control characters.');
    expect(byId(imported, 'colon-escaped-in-a-title')?.text).toContain('### A. The worker and {authorised} staff\nRight: access is limited.');
  });

  it('makes ids from titles that fit the id rules, from Moodle [id:], else the next free id', () => {
    expect(imported.questions.map((question) => question.id)).toEqual([
      'me-001',
      'me-002',
      'me-003',
      'me-004',
      'consent-age',
      'feedback-example',
      'markdown-text',
      'html-text',
      'me-005',
      'hometown',
      'me-006',
      'gift-control-characters',
      'colon-escaped-in-a-title',
      'general-feedback',
      'dr-001',
      'moodle-format-with-tags',
      'caseload',
    ]);
    const again = importGift(FILE, EXAMPLES, { packId: 'moodle-examples', packIds: imported.questions.map((question) => question.id) });
    expect(again.questions.map((question) => question.id).slice(0, 6)).toEqual(['me-007', 'me-008', 'me-009', 'me-010', 'me-011', 'me-012']);
    expect(again.problems).toContainEqual(expect.objectContaining({ line: 61, message: '"Consent age": the id "consent-age" is already used, so this question is "me-011"' }));
  });

  it('keeps category levels and Moodle tags as tags, and general feedback in the best answer’s rationale', () => {
    expect(byId(imported, 'dr-001')?.text).toContain('tags: [ethics, dual-relationships, boundaries, small-towns]');
    expect(byId(imported, 'me-001')?.text).toContain('tags: []');
    expect(byId(imported, 'general-feedback')?.text).toContain(
      '### C. Review the request and the agency\'s access policy with her\nA planned, supported review.\n\nClients\' access to records rests on self-determination and transparency.',
    );
  });

  it('leaves what GIFT does not hold to the checker, which points back at the GIFT line', () => {
    const question = byId(imported, 'me-003');
    const files = [
      { path: 'principles/trust-foundation.md', text: principleText('trust-foundation') },
      { path: 'packs/moodle-examples/pack.yaml', text: PACK_YAML.replace('demo', 'moodle-examples') },
      { path: 'packs/moodle-examples/me-003.md', text: question?.text ?? '' },
    ];
    const errors = compileContent(files).problems.filter((item) => item.severity === 'error');
    expect(errors.map((item) => inImportedFile(item, question!, FILE)).map((item) => `${item.file}:${item.line} ${item.message}`)).toEqual([
      'moodle-examples.gift:11 me-003: "area" is empty: fill in one of development-diversity, assessment-planning, intervention-practice, values-ethics',
      'moodle-examples.gift:11 me-003: "qualifier" is empty: fill in one of FIRST, NEXT, BEST, MOST, PRIMARY',
      'moodle-examples.gift:11 me-003: "difficulty" is empty: fill in 1 (easy), 2 (medium) or 3 (hard)',
      'moodle-examples.gift:11 me-003: "principles": link at least one principle',
      'moodle-examples.gift:11 me-003: no stem: describe the scenario above the "## " lead-in',
      'moodle-examples.gift:12 me-003: option A has no rationale: explain under it why it is right or wrong',
      'moodle-examples.gift:13 me-003: option B has no rationale: explain under it why it is right or wrong',
      'moodle-examples.gift:14 me-003: option C has no rationale: explain under it why it is right or wrong',
    ]);
  });

  it('reports broken syntax at its line and column, and goes on with the next question', () => {
    const gift = [
      'First question?{=a ~b ~c',
      '',
      'Stray brace} here.',
      '',
      '::Unclosed title Who? {=a ~b ~c}',
      '',
      'Loose words?{ words ~a =b ~c}',
      '',
      'Fine question? {=a#yes ~b#no ~c#no}',
    ].join('\r\n');
    const result = importGift('broken.gift', `\uFEFF${gift}`, { packId: 'demo' });
    expect(result.problems.map((item) => `${item.line}:${item.column} ${item.severity} ${item.message}`)).toEqual([
      '1:16 error the question "First question?": the answers opened with { on line 1 are never closed: end them with } before the next blank line (a blank line ends a question in GIFT)',
      '3:12 error the question "Stray brace} here.": this } closes no {: write \\} for a brace in the text',
      '5:1 error the title opened with :: is never closed: end it with ::, or write \\: for a colon',
      '7:15 error the question "Loose words?": "words" stands before the first answer: start every answer with = (right) or ~ (wrong)',
    ]);
    expect(result.questions.map((question) => question.text.split('\n').find((line) => line.startsWith('## ')))).toEqual(['## Fine question?']);
  });
});
