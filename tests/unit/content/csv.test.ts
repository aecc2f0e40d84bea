import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../src/domain/content/compile';
import { CSV_COLUMNS, importCsv } from '../../../src/domain/content/csv';
import { decodeImportedFile, inImportedFile, type ImportedQuestion } from '../../../src/domain/content/importing';
import { PACK_YAML, principleText } from '../../fixtures/content';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const messages = (problems: { line: number; severity: string; message: string }[]) => problems.map((item) => `${item.line} ${item.severity} ${item.message}`);

/** The checker's errors for imported question files, pointed at the spreadsheet. */
function checkerErrors(questions: ImportedQuestion[], file: string, principleIds: string[] = []): string[] {
  const files = [
    ...principleIds.map((id) => ({ path: `principles/${id}.md`, text: principleText(id) })),
    { path: 'packs/demo/pack.yaml', text: PACK_YAML },
    ...questions.map((question) => ({ path: `packs/demo/${question.fileName}`, text: question.text })),
  ];
  return compileContent(files)
    .problems.filter((item) => item.severity === 'error')
    .map((item) => {
      const question = questions.find((candidate) => `packs/demo/${candidate.fileName}` === item.file) as ImportedQuestion;
      const located = inImportedFile(item, question, file);
      return `${located.file}:${located.line} ${located.message}`;
    });
}

describe('a spreadsheet saved by Excel as "CSV UTF-8"', () => {
  const result = importCsv('excel.csv', fixture('excel.csv'), { packId: 'confidentiality' });

  it('is read with its byte-order mark, CRLF rows, line breaks and doubled quotes inside cells, and columns in any order', () => {
    expect(fixture('excel.csv').startsWith('\uFEFF')).toBe(true);
    expect(fixture('excel.csv')).toContain('\r\n');
    expect(result.questions.map((question) => question.id)).toEqual(['cf-101', 'cf-102', 'cf-103']);
    expect(result.questions[0]?.text).toBe(
      [
        '---',
        'id: cf-101',
        'area: values-ethics',
        'qualifier: FIRST',
        'difficulty: 2',
        'answer: B',
        'principles: [rebuilding-trust, transparency-consistency]',
        'tags: [engagement, prior-breach]',
        '---',
        'A 42-year-old man comes to a community mental health center after his previous therapist shared details of his drinking with his employer.',
        'He sits with his arms crossed and says, "Whatever I say here ends up somewhere else anyway."',
        '',
        '## What should the social worker do FIRST?',
        '',
        '### A. Tell him the agency follows strict privacy rules, so he can relax.',
        'A bare assurance is what he heard before; it asks for trust without earning it.',
        '',
        '### B. Explain who will see what he shares, and what stays between them.',
        'Being concrete about how information is handled answers the fear behind his remark.',
        '',
        'Honesty about limits is more credible than promises.',
        '',
        '### C. Ask him to sign a release so the earlier records can be reviewed.',
        'Paperwork first puts procedure before the relationship.',
        '',
        '### D. Suggest he file a complaint against the previous therapist, today.',
        'A complaint may be his right, but steering him there now moves away from the trust he needs here.',
        '',
      ].join('\n'),
    );
  });

  it('makes a three-option item of an empty option D, and reads a lower-case qualifier and answer', () => {
    const text = result.questions[1]?.text ?? '';
    expect(text).toContain('qualifier: BEST\ndifficulty: 1\nanswer: B\n');
    expect(text).toContain('### C. "A support group could help with this."\nReferring before listening leaves her alone with the feeling.\n');
    expect(text).not.toContain('### D.');
  });

  it('skips empty rows and says which columns it does not read', () => {
    expect(messages(result.problems)).toEqual([
      '1 warning column R "Notes" is not a column Rapport reads, so it is left out (the columns are id, stem, lead_in, option_a, rationale_a, option_b, rationale_b, option_c, rationale_c, option_d, rationale_d, answer, principles, area, qualifier, difficulty, tags)',
    ]);
  });

  it('leaves missing rationales, principles, area, qualifier and difficulty to the checker, which names the row and cell', () => {
    expect(checkerErrors(result.questions, 'excel.csv', ['rebuilding-trust', 'transparency-consistency', 'empathy-active-listening'])).toEqual([
      'excel.csv:7 row 4, column B "area": cf-103: "area" is empty: fill in one of development-diversity, assessment-planning, intervention-practice, values-ethics',
      'excel.csv:7 row 4, column C "qualifier": cf-103: "qualifier" is empty: fill in one of FIRST, NEXT, BEST, MOST, PRIMARY',
      'excel.csv:7 row 4, column D "difficulty": cf-103: "difficulty" is empty: fill in 1 (easy), 2 (medium) or 3 (hard)',
      'excel.csv:7 row 4, column P "Principles": cf-103: "principles": link at least one principle',
      'excel.csv:7 row 4, column I "Option B": cf-103: option B has no rationale: explain under it why it is right or wrong',
      'excel.csv:7 row 4, column K "Option C": cf-103: option C has no rationale: explain under it why it is right or wrong',
      'excel.csv:7 row 4, column M "Option D": cf-103: option D has no rationale: explain under it why it is right or wrong',
    ]);
  });

  it('gives the line of a row below a cell that spans several lines', () => {
    expect(result.questions.map((question) => question.at.line)).toEqual([2, 6, 7]);
  });
});

describe('spreadsheets from LibreOffice and Google Sheets', () => {
  it('reads semicolons, quoted cells and spelled-out headers (LibreOffice)', () => {
    const result = importCsv('libreoffice.csv', fixture('libreoffice.csv'), { packId: 'demo' });
    expect(result.problems).toEqual([]);
    expect(result.questions).toHaveLength(1);
    expect(result.questions[0]?.text).toContain('---\nA veteran at a clinic says the last worker shared his file with his employer; he asks whether you will do the same.\n\n## What should the social worker do FIRST?');
    expect(checkerErrors(result.questions, 'libreoffice.csv', ['transparency-consistency'])).toEqual([]);
  });

  it('reads LF rows, no byte-order mark and an unnamed empty column (Google Sheets)', () => {
    const result = importCsv('google-sheets.csv', fixture('google-sheets.csv'), { packId: 'demo' });
    expect(result.problems).toEqual([]);
    expect(result.questions.map((question) => question.id)).toEqual(['gs-001']);
    expect(result.questions[0]?.text).toContain('tags: [safety, shelter]');
    expect(checkerErrors(result.questions, 'google-sheets.csv', ['records-client-access'])).toEqual([]);
  });
});

describe('the template in docs/', () => {
  it('names every column Rapport reads and imports without a single checker error', () => {
    const template = readFileSync('docs/import-template.csv', 'utf8');
    expect(template.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(CSV_COLUMNS.join(','));
    const result = importCsv('import-template.csv', template, { packId: 'demo' });
    expect(result.problems).toEqual([]);
    expect(checkerErrors(result.questions, 'import-template.csv', ['transparency-consistency', 'confidentiality-limits'])).toEqual([]);
  });
});

describe('spreadsheets that cannot be read', () => {
  it('need a header row with the question columns', () => {
    const result = importCsv('no-header.csv', 'A client says little.,What FIRST?,Ask,Wait,Refer,A\n', { packId: 'demo' });
    expect(result.questions).toEqual([]);
    expect(messages(result.problems)).toEqual([
      '1 error the first row must name the columns; "stem", "lead_in", "option_a", "option_b", "option_c", "answer" are missing (see docs/import-template.csv)',
    ]);
  });

  it('are refused when not UTF-8, with how to save them as UTF-8', () => {
    const latin1 = Uint8Array.from(Buffer.from('stem,lead_in\nCaf\xe9 client,What FIRST?\n', 'latin1'));
    expect(decodeImportedFile('sheet.csv', latin1)).toEqual({
      problem: expect.objectContaining({ line: 1, message: expect.stringContaining('"sheet.csv" is not UTF-8 text. In Excel choose Save As > "CSV UTF-8 (Comma delimited)"') }),
    });
    expect(decodeImportedFile('sheet.csv', new TextEncoder().encode('stem\nCafé\n'))).toEqual({ text: 'stem\nCafé\n' });
  });

  it('report a quote that is never closed at its line', () => {
    const text = `${CSV_COLUMNS.join(',')}\n,Fine,What FIRST?,a,,b,,c,,,,A,,,,,\n,"Never closed,What FIRST?,a,,b,,c,,,,A,,,,,\n`;
    const result = importCsv('open-quote.csv', text, { packId: 'demo' });
    expect(result.questions).toEqual([]);
    expect(messages(result.problems)).toEqual(['3 error a cell opened with a quote (") is never closed, so the rest of the file reads as one cell: add the closing quote']);
  });

  it('report a repeated column and warn about a rationale without its option', () => {
    const text = 'stem,lead_in,option_a,option_b,option_c,answer,Answer\nA,B FIRST?,x,y,z,A,B\n';
    expect(messages(importCsv('twice.csv', text, { packId: 'demo' }).problems)).toEqual(['1 error column G "Answer" repeats the column "answer": keep one']);
    const orphan = 'stem,lead_in,option_a,option_b,option_c,answer,rationale_d\nA client.,What FIRST?,x,y,z,A,Why D\n';
    expect(messages(importCsv('orphan.csv', orphan, { packId: 'demo' }).problems)).toContainEqual(
      '2 warning row 2, column G "rationale_d": has a rationale but option D is empty, so it is left out',
    );
  });
});
