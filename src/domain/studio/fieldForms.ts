import { Document, isMap, isScalar, parseDocument } from 'yaml';
import { splitFrontMatter } from '../content/frontMatter';
import { parseYaml } from '../content/yamlSource';
import type { Problem } from '../content/types';

/**
 * pack.yaml and principle files read into the studio's forms and written back. As with questions,
 * the text is the truth: a field the form changes is set in place, keeping comments and the fields
 * the form does not show.
 */

export const PACK_FIELDS = ['id', 'title', 'version', 'description', 'authors', 'licence'] as const;
export type PackField = (typeof PACK_FIELDS)[number];
export type PackForm = Record<Exclude<PackField, 'authors'>, string> & { authors: string[] };

export const PRINCIPLE_FIELDS = ['id', 'title', 'summary', 'sources'] as const;
export type PrincipleField = (typeof PRINCIPLE_FIELDS)[number] | 'body';
export type PrincipleForm = Record<Exclude<PrincipleField, 'sources'>, string> & { sources: string[] };

const LIST_FIELDS = new Set(['authors', 'sources', 'principles', 'tags', 'order']);
/** Short lists read best on one line; sources are long and each gets its own. */
const FLOW_LISTS = new Set(['authors', 'principles', 'tags', 'order']);

export type FormReading<Form, Part extends string> = { form: Form; partAt: (problem: Pick<Problem, 'line' | 'message'>) => Part | 'file' } | { reason: string; line: number };

export function readPackForm(text: string): FormReading<PackForm, PackField> {
  const yaml = parseYaml(text, { file: 'pack.yaml', lineOffset: 0 });
  const first = yaml.problems[0];
  if (first) return { reason: first.message, line: first.line };
  const data = record(yaml.data);
  if (!data) return { reason: 'pack.yaml must be a set of "field: value" lines', line: 1 };
  const form = Object.fromEntries(PACK_FIELDS.map((name) => [name, valueOf(data, name)])) as PackForm;
  const keys = keyLines(text.split(/\r?\n/), 0, PACK_FIELDS);
  // Whole-pack findings (no questions, the cues across questions) point at line 1 without naming a field.
  return { form, partAt: (problem) => (problem.line === 1 && !PACK_FIELDS.some((name) => problem.message.includes(`"${name}"`)) ? 'file' : partAt(problem, keys, PACK_FIELDS, 1)) };
}

export function writePackForm(text: string, next: PackForm): string {
  const reading = readPackForm(text);
  if (!('form' in reading)) throw new Error(`the form cannot write pack.yaml: ${reading.reason}`);
  const changes = changedFields(reading.form, next, PACK_FIELDS);
  return changes.length === 0 ? text : `${setYamlFields(text, Object.fromEntries(changes))}\n`;
}

export function readPrincipleForm(text: string): FormReading<PrincipleForm, PrincipleField> {
  const split = splitFrontMatter('principle.md', text);
  if (!split.parsed) {
    const first = split.problems[0];
    return { reason: first?.message ?? 'the file cannot be read', line: first?.line ?? 1 };
  }
  const { yaml, body, openingLine } = split.parsed;
  const first = yaml.problems[0];
  if (first) return { reason: first.message, line: first.line };
  const data = yaml.data === null || yaml.data === undefined ? {} : record(yaml.data);
  if (!data) return { reason: 'the front matter must be a set of "field: value" lines', line: openingLine };
  const form = {
    ...Object.fromEntries(PRINCIPLE_FIELDS.map((name) => [name, valueOf(data, name)])),
    body: body
      .map((line) => line.text)
      .join('\n')
      .trim(),
  } as PrincipleForm;
  const closingLine = (body[0]?.line ?? 2) - 1;
  const keys = keyLines(text.split(/\r?\n/), openingLine, PRINCIPLE_FIELDS);
  return {
    form,
    partAt: (problem) => (problem.line > closingLine || /no text below/.test(problem.message) ? 'body' : partAt(problem, keys, PRINCIPLE_FIELDS, openingLine + 1)),
  };
}

export function writePrincipleForm(text: string, next: PrincipleForm): string {
  const reading = readPrincipleForm(text);
  if (!('form' in reading)) throw new Error(`the form cannot write this principle: ${reading.reason}`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const opening = lines.findIndex((line) => line.trim() !== '');
  const closing = lines.findIndex((line, index) => index > opening && /^---\s*$/.test(line));
  const changes = changedFields(reading.form, next, PRINCIPLE_FIELDS);
  const original = lines.slice(opening + 1, closing).join('\n');
  const frontMatter = changes.length === 0 ? original : setYamlFields(original, Object.fromEntries(changes));
  const body = next.body === reading.form.body ? lines.slice(closing + 1).join('\n') : `${next.body.trim()}\n`;
  return `${lines.slice(0, opening + 1).join('\n')}\n${frontMatter ? `${frontMatter}\n` : ''}---\n${body}`;
}

/** YAML text with these fields set (or, for undefined, removed), everything else as it was. */
export function setYamlFields(yamlText: string, fields: Record<string, unknown>): string {
  const parsed = parseDocument(yamlText);
  // An empty front matter parses to no map at all: start one.
  const doc = isMap(parsed.contents) ? parsed : new Document({});
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && !LIST_FIELDS.has(name))) {
      doc.delete(name);
    } else if (Array.isArray(value)) {
      const node = doc.createNode(value);
      node.flow = FLOW_LISTS.has(name);
      doc.set(name, node);
    } else {
      doc.set(name, value);
      // The importers' "to fill in: …" hints have served their purpose once the field is filled.
      const node = doc.get(name, true);
      if (isScalar(node) && /^\s*to fill in/.test(node.comment ?? '')) node.comment = undefined;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

function changedFields<Form extends object>(before: Form, after: Form, names: readonly (keyof Form & string)[]): [string, unknown][] {
  return names.filter((name) => JSON.stringify(after[name]) !== JSON.stringify(before[name])).map((name) => [name, after[name]]);
}

function record(data: unknown): Record<string, unknown> | undefined {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

function valueOf(data: Record<string, unknown>, name: string): string | string[] {
  const value = Object.hasOwn(data, name) ? data[name] : undefined;
  if (LIST_FIELDS.has(name)) {
    if (Array.isArray(value)) return value.map(scalar).filter(Boolean);
    return [scalar(value)].filter(Boolean);
  }
  return scalar(value);
}

export function scalar(value: unknown): string {
  if (value === undefined || value === null || typeof value === 'object') return '';
  return String(value);
}

/** The 1-based line of each top-level key among `names`, from `from` (0-based) on. */
function keyLines(lines: readonly string[], from: number, names: readonly string[]): Map<number, string> {
  const found = new Map<number, string>();
  for (let index = from; index < lines.length; index++) {
    if (index > from && /^---\s*$/.test(lines[index] ?? '')) break;
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[index] ?? '')?.[1];
    if (key && names.includes(key)) found.set(index + 1, key);
  }
  return found;
}

function partAt<Part extends string>(problem: Pick<Problem, 'line' | 'message'>, keys: Map<number, string>, names: readonly Part[], firstLine: number): Part | 'file' {
  const mentioned = names.find((name) => problem.message.includes(`"${name}"`));
  if (mentioned) return mentioned;
  for (let line = problem.line; line >= firstLine; line--) {
    const key = keys.get(line);
    if (key) return key as Part;
  }
  return 'file';
}
