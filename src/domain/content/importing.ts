/**
 * What GIFT and CSV imports share: an item read from an instructor's file becomes a question file
 * in the pack format, which the one checker then checks. Nothing is invented: a value the file does
 * not give (area, qualifier, difficulty, principles, a rationale) is left empty, and the checker
 * reports it as an error to fill in. Every line written remembers where in the imported file it came
 * from, so a message about the question file can also point at the imported file.
 */
import { nextQuestionId } from './authoring';
import { problem } from './frontMatter';
import { idSchema } from './schema';
import type { Problem } from './types';
import { CONTENT_AREA_IDS, OPTION_LETTERS, QUALIFIERS } from './vocabulary';

/** A place in the imported file. */
export interface SourceSpot {
  line: number;
  column: number;
  /** For a spreadsheet: the row and cell, such as `row 4, column F "answer"`. */
  cell?: string;
}

/** A value read from the imported file, with where it was read. */
export interface Located<T = string> {
  value: T;
  at: SourceSpot;
}

/** One single-answer multiple-choice item as read from an imported file, before it is written as a question file. */
export interface DraftQuestion {
  at: SourceSpot;
  /** How messages name the item: its title, or its first words. */
  label: string;
  /** A title or id column to make the id from. */
  idWish?: Located;
  area?: Located;
  qualifier?: Located;
  difficulty?: Located;
  answer?: Located;
  principles?: Located<string[]>;
  tags: string[];
  stem: Located;
  leadIn: Located;
  options: { text: Located; rationale?: Located }[];
}

export interface ImportedQuestion {
  id: string;
  /** The question file's name in the pack folder. */
  fileName: string;
  /** The question file, in the format the checker reads. */
  text: string;
  /** Where the item starts in the imported file. */
  at: SourceSpot;
  /** For each line of `text` (index = line - 1), where in the imported file it came from. */
  lineOrigins: SourceSpot[];
}

export interface ImportResult {
  questions: ImportedQuestion[];
  /** Problems with the imported file itself, at its own lines: items skipped and why, values left out. */
  problems: Problem[];
}

export interface ImportOptions {
  packId: string;
  /** Ids of the questions already in the pack: new ids continue their numbering and never repeat them. */
  packIds?: readonly string[];
  /** Every other id in use (other packs, principles): new ids avoid them too. */
  otherIds?: readonly string[];
}

/**
 * An imported file's bytes as text, or why they are not: GIFT and CSV are read as UTF-8, and a file
 * saved in another encoding would otherwise come through with its accented letters silently replaced.
 */
export function decodeImportedFile(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const how = /\.(csv|tsv)$/i.test(file)
      ? 'In Excel choose Save As > "CSV UTF-8 (Comma delimited)"; in LibreOffice tick "Edit filter settings" and choose Unicode (UTF-8); Google Sheets always downloads UTF-8.'
      : 'Save it as UTF-8 in your editor, or export it again from Moodle.';
    return { problem: problem(file, 1, `"${file}" is not UTF-8 text. ${how}`) };
  }
}

/** Longest id made from a title; a longer title (Moodle names questions by their first words) gets the next free id instead. */
const LONGEST_TITLE_ID = 40;

/** Lower-case words joined by hyphens, as ids and tags are written; empty when nothing is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Writes drafts as question files with fresh ids, in order. */
export function writeDrafts(file: string, drafts: readonly DraftQuestion[], options: ImportOptions): ImportResult {
  const problems: Problem[] = [];
  const packIds = [...(options.packIds ?? [])];
  const taken = new Set([...packIds, ...(options.otherIds ?? [])]);
  const questions: ImportedQuestion[] = [];
  for (const draft of drafts) {
    const wish = draft.idWish ? slugify(draft.idWish.value) : '';
    const fits = wish.length > 0 && wish.length <= LONGEST_TITLE_ID && idSchema.safeParse(wish).success;
    const id = fits && !taken.has(wish) ? wish : freeId(options.packId, packIds, taken);
    if (fits && id !== wish && draft.idWish) {
      problems.push(problem(file, draft.idWish.at.line, `${where(draft.idWish.at) || `${draft.label}: `}the id "${wish}" is already used, so this question is "${id}"`, 'warning', draft.idWish.at.column));
    }
    taken.add(id);
    packIds.push(id);
    const { text, lineOrigins } = questionSource(id, draft);
    questions.push({ id, fileName: `${id}.md`, text, at: draft.at, lineOrigins });
  }
  return { questions, problems };
}

function freeId(packId: string, packIds: string[], taken: Set<string>): string {
  const known = [...packIds];
  let id = nextQuestionId(packId, known);
  while (taken.has(id)) {
    known.push(id);
    id = nextQuestionId(packId, known);
  }
  return id;
}

/** `row 4, column F "answer": ` for a spreadsheet cell, nothing for a line of text. */
export function where(at: SourceSpot): string {
  return at.cell ? `${at.cell}: ` : '';
}

const FILL_IN = {
  area: `# to fill in: ${CONTENT_AREA_IDS.join(', ')}`,
  qualifier: `# to fill in: the capitalised key word of the lead-in, ${QUALIFIERS.join(', ')}`,
  difficulty: '# to fill in: 1 (easy), 2 (medium) or 3 (hard)',
  answer: `# to fill in: the letter of the best option, ${OPTION_LETTERS.join(', ')}`,
  principles: '# to fill in: the ids of the principles the question rests on, such as [trust-foundation]',
};

function questionSource(id: string, draft: DraftQuestion): { text: string; lineOrigins: SourceSpot[] } {
  const lines: string[] = [];
  const lineOrigins: SourceSpot[] = [];
  const add = (text: string, at: SourceSpot) => {
    for (const line of text.split('\n')) {
      lines.push(line);
      lineOrigins.push(at);
    }
  };
  const field = (name: keyof typeof FILL_IN, value: Located | undefined) => {
    const given = value?.value.trim();
    add(given ? `${name}: ${yamlScalar(given)}` : `${name}:   ${FILL_IN[name]}`, value?.at ?? draft.at);
  };
  add('---', draft.at);
  add(`id: ${id}`, draft.idWish?.at ?? draft.at);
  field('area', draft.area);
  field('qualifier', draft.qualifier);
  field('difficulty', draft.difficulty);
  field('answer', draft.answer);
  const principles = draft.principles?.value.filter(Boolean) ?? [];
  add(principles.length > 0 ? `principles: ${yamlList(principles)}` : `principles: []   ${FILL_IN.principles}`, draft.principles?.at ?? draft.at);
  add(`tags: ${yamlList([...new Set(draft.tags.map(slugify).filter(Boolean))])}`, draft.at);
  add('---', draft.at);
  const stem = markdownBlock(draft.stem.value);
  if (stem) add(`${stem}\n`, draft.stem.at);
  add(`## ${oneLine(draft.leadIn.value)}`, draft.leadIn.at);
  draft.options.forEach((option, index) => {
    add('', option.text.at);
    const text = oneLine(option.text.value);
    add(`### ${OPTION_LETTERS[index] ?? String.fromCharCode(65 + index)}.${text ? ` ${text}` : ''}`, option.text.at);
    const rationale = option.rationale ? markdownBlock(option.rationale.value) : '';
    if (rationale) add(rationale, option.rationale?.at ?? option.text.at);
  });
  add('', draft.at);
  return { text: lines.join('\n'), lineOrigins };
}

/** Where a line of an imported question file came from in the imported file. */
export function originOf(question: ImportedQuestion, line: number): SourceSpot {
  return question.lineOrigins[line - 1] ?? question.at;
}

/** A checker problem about an imported question file, pointed at the imported file instead. */
export function inImportedFile(item: Problem, question: ImportedQuestion, file: string): Problem {
  const at = originOf(question, item.line);
  return { ...item, file, line: at.line, column: at.column, message: `${where(at)}${question.id}: ${item.message}` };
}

const PLAIN_SCALAR = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A value as YAML reads it back unchanged: bare when that is safe, else in double quotes. */
function yamlScalar(value: string): string {
  return PLAIN_SCALAR.test(value) && !YAML_WORDS.test(value) && value.trim() === value ? value : JSON.stringify(value);
}

function yamlList(values: readonly string[]): string {
  return `[${values.map((value) => (PLAIN_SCALAR.test(value) && !YAML_WORDS.test(value) && !value.includes(' ') ? value : JSON.stringify(value))).join(', ')}]`;
}

/** Text that must stay on its heading line (a lead-in, an option): line breaks become spaces. */
function oneLine(text: string): string {
  return text
    .replace(/\\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A multi-line text (stem, rationale) that cannot be mistaken for the question's structure:
 * a line that starts with # would read as a lead-in or an option, so its # is escaped.
 */
function markdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, '').replace(/^(\s*)#/, '$1\\#'))
    .join('\n');
}

/** The capitalised qualifier of a lead-in when it has exactly one; never guessed from lower-case words. */
export function qualifierIn(leadIn: string): string | undefined {
  const found = new Set(QUALIFIERS.filter((word) => new RegExp(`\\b${word}\\b`).test(leadIn)));
  return found.size === 1 ? [...found][0] : undefined;
}

// A full stop, question or exclamation mark, any closing quotes, brackets or emphasis, a line break or space, then a capital.
const SENTENCE_END = /[.!?]["'”’)\]*_]*\\?\s+(?=["“‘'(*_]?[A-Z0-9])/g;

/**
 * A question text as stem and lead-in: the last paragraph when it is one sentence, else the last
 * sentence. The stem may be left empty, which the checker reports.
 */
export function splitLeadIn(text: string): { stem: string; leadIn: string } {
  const paragraphs = text.trim().split(/\n\s*\n/);
  const last = paragraphs.pop() ?? '';
  const boundaries = [...last.matchAll(SENTENCE_END)].map((match) => (match.index ?? 0) + match[0].length);
  const cut = boundaries.at(-1);
  if (cut === undefined) return { stem: paragraphs.join('\n\n'), leadIn: last.trim() };
  // A Markdown line break (a backslash at the end of the line) between stem and lead-in is dropped with it.
  const stemEnd = last.slice(0, cut).trim().replace(/\\$/, '');
  return { stem: [...paragraphs, stemEnd].join('\n\n'), leadIn: last.slice(cut).trim() };
}
