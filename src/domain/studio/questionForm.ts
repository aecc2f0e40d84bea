import { splitFrontMatter } from '../content/frontMatter';
import { questionBodySource } from '../content/source';
import type { Problem } from '../content/types';
import { scalar, setYamlFields } from './fieldForms';

/**
 * A question file read into the fields of the studio's form, and a form written back into the
 * file. The file's text stays the one truth: the form is a view of it, so the source view, the
 * checker and an export always agree. A file the form cannot show without losing text (broken
 * YAML, text between the lead-in and the options, options lettered out of order) is edited in the
 * source view, and the form says why.
 */

export const QUESTION_FIELDS = ['id', 'area', 'qualifier', 'difficulty', 'answer', 'principles', 'tags'] as const;
export type QuestionField = (typeof QUESTION_FIELDS)[number];

export interface OptionForm {
  text: string;
  rationale: string;
}

export interface QuestionForm {
  id: string;
  area: string;
  qualifier: string;
  difficulty: string;
  answer: string;
  principles: string[];
  tags: string[];
  stem: string;
  leadIn: string;
  options: OptionForm[];
}

/** Where each part of the form sits in the file, to point the checker's messages at a field. */
export type FormPart = QuestionField | 'stem' | 'leadIn' | `option-${number}-text` | `option-${number}-rationale` | 'options' | 'file';

export type QuestionReading = { form: QuestionForm; partAt: (problem: Pick<Problem, 'line' | 'message'>) => FormPart } | { reason: string; line: number };

const LEAD_IN = /^##(?!#)\s*(.*)$/;
const OPTION = /^###(?!#)\s*(.*)$/;
const OPTION_HEADING = /^([A-Za-z])[.)](?:\s+(.*))?$/;
const LETTERS = 'ABCDEFGHIJ';

export function readQuestionForm(text: string): QuestionReading {
  const split = splitFrontMatter('question.md', text);
  if (!split.parsed) {
    const first = split.problems[0];
    return { reason: first?.message ?? 'the file cannot be read', line: first?.line ?? 1 };
  }
  const { yaml, body, openingLine } = split.parsed;
  const yamlProblem = yaml.problems[0];
  if (yamlProblem) return { reason: yamlProblem.message, line: yamlProblem.line };
  if (yaml.data !== null && yaml.data !== undefined && (typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
    return { reason: 'the front matter must be a set of "field: value" lines', line: openingLine };
  }
  const data = (yaml.data ?? {}) as Record<string, unknown>;
  const field = (name: string) => (Object.hasOwn(data, name) ? data[name] : undefined);

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const closingLine = (body[0]?.line ?? lines.length + 1) - 1;
  const fieldLines = new Map<number, QuestionField>();
  for (let index = openingLine; index < closingLine - 1; index++) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[index] ?? '')?.[1];
    const known = QUESTION_FIELDS.find((name) => name === key);
    if (known) fieldLines.set(index + 1, known);
  }

  const stemLines: string[] = [];
  const options: (OptionForm & { line: number })[] = [];
  let leadIn: { text: string; line: number } | undefined;
  for (const line of body) {
    const leadInMatch = LEAD_IN.exec(line.text);
    if (leadInMatch) {
      if (leadIn || options.length > 0) return { reason: 'the file has a second "## " lead-in, or one after the options', line: line.line };
      leadIn = { text: (leadInMatch[1] ?? '').trim(), line: line.line };
      continue;
    }
    const optionMatch = OPTION.exec(line.text);
    if (optionMatch) {
      if (!leadIn) return { reason: 'an option comes before the "## " lead-in', line: line.line };
      const heading = OPTION_HEADING.exec((optionMatch[1] ?? '').trim());
      const expected = LETTERS[options.length];
      if (!heading || heading[1]?.toUpperCase() !== expected) {
        return { reason: `the options are not lettered A, B, C, D in order with a full stop ("### ${expected ?? 'A'}. …")`, line: line.line };
      }
      options.push({ text: (heading[2] ?? '').trim(), rationale: '', line: line.line });
      continue;
    }
    const current = options.at(-1);
    if (current) current.rationale += `${line.text}\n`;
    else if (!leadIn) stemLines.push(line.text);
    else if (line.text.trim()) return { reason: 'text between the lead-in and the first option', line: line.line };
  }
  if (!leadIn) return { reason: 'no "## " lead-in: write the question to answer on a line starting with "## "', line: body.at(-1)?.line ?? openingLine };
  const leadInLine = leadIn.line;

  const form: QuestionForm = {
    id: scalar(field('id')),
    area: scalar(field('area')),
    qualifier: scalar(field('qualifier')),
    difficulty: scalar(field('difficulty')),
    answer: scalar(field('answer')),
    principles: list(field('principles')),
    tags: list(field('tags')),
    stem: stemLines.join('\n').trim(),
    leadIn: leadIn.text,
    options: options.map(({ text: optionText, rationale }) => ({ text: optionText, rationale: rationale.trim() })),
  };

  const partAt = ({ line, message }: Pick<Problem, 'line' | 'message'>): FormPart => {
    if (/^no stem\b|scenario/.test(message)) return 'stem';
    const named = /^option ([A-J]) has no rationale|rationale of option ([A-J])/.exec(message);
    if (named) return `option-${LETTERS.indexOf((named[1] ?? named[2]) as string)}-rationale`;
    if (/^only \d+ option|more than four options/.test(message)) return 'options';
    if (line <= closingLine) {
      const mentioned = QUESTION_FIELDS.find((name) => message.includes(`"${name}"`));
      if (line === openingLine || line === closingLine) return mentioned ?? 'file';
      for (let at = line; at > openingLine; at--) {
        const found = fieldLines.get(at);
        if (found) return found;
      }
      return mentioned ?? 'file';
    }
    if (line === leadInLine) return 'leadIn';
    if (line < leadInLine) return 'stem';
    for (let index = options.length - 1; index >= 0; index--) {
      const option = options[index] as { line: number };
      if (line === option.line) return `option-${index}-text`;
      if (line > option.line) return `option-${index}-rationale`;
    }
    return 'file';
  };
  return { form, partAt };
}

/**
 * The file with the form's values: changed front-matter fields are set in place (comments and
 * other fields stay as written) and the body below it is written out whole when any of it changed.
 */
export function writeQuestionForm(text: string, next: QuestionForm): string {
  const reading = readQuestionForm(text);
  if (!('form' in reading)) throw new Error(`the form cannot write this file: ${reading.reason}`);
  const current = reading.form;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const opening = lines.findIndex((line) => line.trim() !== '');
  const closing = lines.findIndex((line, index) => index > opening && /^---\s*$/.test(line));
  const changed = QUESTION_FIELDS.filter((name) => JSON.stringify(next[name]) !== JSON.stringify(current[name]));
  let frontMatter = lines.slice(opening + 1, closing).join('\n');
  if (changed.length > 0) {
    frontMatter = setYamlFields(frontMatter, Object.fromEntries(changed.map((name) => [name, name === 'difficulty' && /^\d+$/.test(next.difficulty) ? Number(next.difficulty) : next[name]])));
  }
  const bodyChanged = (['stem', 'leadIn', 'options'] as const).some((name) => JSON.stringify(next[name]) !== JSON.stringify(current[name]));
  const body = bodyChanged ? questionBodySource(next) : `${lines.slice(closing + 1).join('\n')}`;
  return `${lines.slice(0, opening + 1).join('\n')}\n${frontMatter ? `${frontMatter}\n` : ''}---\n${body}`;
}

function list(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map((item) => scalar(item)).filter(Boolean);
  return [scalar(value)].filter(Boolean);
}
