/**
 * Questions from a spreadsheet saved as CSV (Excel, LibreOffice, Google Sheets): a header row names
 * the columns, in any order; each further row is one question. Cells may hold line breaks and
 * doubled quotes; the file may start with a byte-order mark and use CRLF line ends, commas,
 * semicolons or tabs. papaparse reads the cells; this module knows the columns.
 */
import Papa from 'papaparse';
import { problem } from './frontMatter';
import { writeDrafts, where, type DraftQuestion, type ImportOptions, type ImportResult, type Located, type SourceSpot } from './importing';
import type { Problem } from './types';
import { OPTION_LETTERS } from './vocabulary';

/** The columns a question spreadsheet may have, in the order of docs/import-template.csv. */
export const CSV_COLUMNS = [
  'id',
  'stem',
  'lead_in',
  'option_a',
  'rationale_a',
  'option_b',
  'rationale_b',
  'option_c',
  'rationale_c',
  'option_d',
  'rationale_d',
  'answer',
  'principles',
  'area',
  'qualifier',
  'difficulty',
  'tags',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['stem', 'lead_in', 'option_a', 'option_b', 'option_c', 'answer'];
/** Columns whose absence leaves a field to fill in in every question, worth one warning up front. */
const EXPECTED: readonly Column[] = ['rationale_a', 'rationale_b', 'rationale_c', 'principles', 'area', 'qualifier', 'difficulty'];

/** A header as written by a person: "Option A", "lead-in" and "LEAD_IN" all name `option_a` and `lead_in`. */
function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/^leadin$/, 'lead_in');
}

/** A, B, …, Z, AA: how a spreadsheet names its columns. */
function columnLetter(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

interface Row {
  cells: string[];
  /** Offset of the row's first character in the text. */
  offset: number;
}

export function importCsv(file: string, text: string, options: ImportOptions): ImportResult {
  const problems: Problem[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let index = body.indexOf('\n'); index !== -1; index = body.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  const rows: Row[] = [];
  let offset = 0;
  Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      for (const error of result.errors) {
        const message =
          error.code === 'MissingQuotes' ? 'a cell opened with a quote (") is never closed, so the rest of the file reads as one cell: add the closing quote' : `the file cannot be read here: ${error.message}`;
        problems.push(problem(file, lineAt(error.index ?? offset), message));
      }
      rows.push({ cells: result.data, offset });
      offset = result.meta.cursor;
    },
  });
  if (problems.some((item) => item.severity === 'error')) return { questions: [], problems };

  const isBlank = (row: Row) => row.cells.every((cell) => cell.trim() === '');
  const headerRow = rows.find((row) => !isBlank(row));
  if (!headerRow) return { questions: [], problems: [problem(file, 1, 'the file is empty: the first row must name the columns, such as stem, lead_in, option_a …')] };
  const headerLine = lineAt(headerRow.offset);
  const columns = new Map<Column, number>();
  headerRow.cells.forEach((header, index) => {
    const name = columnName(header);
    if (!header.trim()) return;
    const cell = `column ${columnLetter(index)} "${header.trim()}"`;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push(problem(file, headerLine, `${cell} is not a column Rapport reads, so it is left out (the columns are ${CSV_COLUMNS.join(', ')})`, 'warning'));
    } else if (columns.has(name as Column)) {
      problems.push(problem(file, headerLine, `${cell} repeats the column "${name}": keep one`));
    } else columns.set(name as Column, index);
  });
  const missing = REQUIRED.filter((column) => !columns.has(column));
  // A first row that names no column at all is a question, not a header: its cells are not worth a warning each.
  if (columns.size === 0) problems.splice(0, problems.length);
  if (missing.length > 0) {
    problems.push(
      problem(file, headerLine, `the first row must name the columns; ${missing.map((column) => `"${column}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (see docs/import-template.csv)`),
    );
  }
  if (problems.some((item) => item.severity === 'error')) return { questions: [], problems };
  for (const column of EXPECTED.filter((name) => !columns.has(name))) {
    problems.push(problem(file, headerLine, `there is no "${column}" column, so every question's ${column.replace('_', ' ')} is left to fill in`, 'warning'));
  }

  const drafts: DraftQuestion[] = [];
  rows.slice(rows.indexOf(headerRow) + 1).forEach((row, index) => {
    if (isBlank(row)) return;
    const rowNumber = rows.indexOf(headerRow) + index + 2;
    drafts.push(draftOf(file, row, rowNumber, lineAt(row.offset), columns, headerRow.cells, problems));
  });
  if (drafts.length === 0) problems.push(problem(file, headerLine, 'no questions: the rows under the header are empty'));
  const written = writeDrafts(file, drafts, options);
  return { questions: written.questions, problems: [...problems, ...written.problems] };
}

function draftOf(file: string, row: Row, rowNumber: number, line: number, columns: Map<Column, number>, headers: string[], problems: Problem[]): DraftQuestion {
  const at: SourceSpot = { line, column: 1, cell: `row ${rowNumber}` };
  const cellAt = (index: number): SourceSpot => {
    const linesBefore = row.cells.slice(0, index).reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: line + linesBefore, column: 1, cell: `row ${rowNumber}, column ${columnLetter(index)} "${headers[index]?.trim() ?? ''}"` };
  };
  /** A cell's text, or an empty value at the empty cell, so a message about it points there; undefined without the column. */
  const cell = (column: Column): Located | undefined => {
    const index = columns.get(column);
    if (index === undefined) return undefined;
    return { value: (row.cells[index] ?? '').replace(/\r\n?/g, '\n').trim(), at: cellAt(index) };
  };
  const read = (column: Column): Located | undefined => {
    const found = cell(column);
    return found?.value ? found : undefined;
  };
  const list = (column: Column): Located<string[]> | undefined => {
    const found = cell(column);
    return found && { value: found.value.replace(/^\[|\]$/g, '').split(/[\s,;]+/).filter(Boolean), at: found.at };
  };
  const extra = row.cells.slice(headers.length).findIndex((cell) => cell.trim() !== '');
  if (extra !== -1) {
    problems.push(problem(file, line, `${at.cell}: column ${columnLetter(headers.length + extra)} has no header, so it is left out`, 'warning'));
  }
  const options: DraftQuestion['options'] = [];
  const lastOption = Math.max(...OPTION_LETTERS.map((letter, index) => (read(`option_${letter.toLowerCase()}` as Column) ? index : -1)), 2);
  OPTION_LETTERS.forEach((letter, index) => {
    const key = letter.toLowerCase();
    const text = read(`option_${key}` as Column);
    const rationale = read(`rationale_${key}` as Column);
    if (index > lastOption) {
      // An empty last option makes a three-option item; a rationale without its option would be lost.
      if (rationale) problems.push(problem(file, rationale.at.line, `${where(rationale.at)}has a rationale but option ${letter} is empty, so it is left out`, 'warning'));
      return;
    }
    const fallback = cellAt(columns.get(`option_${key}` as Column) ?? 0);
    options.push({ text: text ?? { value: '', at: fallback }, ...(rationale ? { rationale } : {}) });
  });
  const stem = cell('stem');
  const leadIn = cell('lead_in');
  const answer = cell('answer');
  const qualifier = cell('qualifier');
  const area = cell('area');
  const id = read('id');
  const difficulty = cell('difficulty');
  const principles = list('principles');
  return {
    at,
    label: `row ${rowNumber}`,
    ...(id ? { idWish: id } : {}),
    ...(area ? { area: { ...area, value: area.value.toLowerCase() } } : {}),
    ...(qualifier ? { qualifier: { ...qualifier, value: qualifier.value.toUpperCase() } } : {}),
    ...(difficulty ? { difficulty } : {}),
    ...(answer ? { answer: { ...answer, value: answer.value.toUpperCase() } } : {}),
    ...(principles ? { principles } : {}),
    tags: list('tags')?.value ?? [],
    stem: stem ?? { value: '', at: cellAt(columns.get('stem') ?? 0) },
    leadIn: leadIn ?? { value: '', at: cellAt(columns.get('lead_in') ?? 0) },
    options,
  };
}
