import { parseBlueprint } from './blueprint.ts';
import { problem } from './frontMatter.ts';
import { parseYaml, validateYaml } from './yamlSource.ts';
import { parsePrinciple } from './principle.ts';
import { parseQuestion } from './question.ts';
import { packMetaSchema, type PackMeta } from './schema.ts';
import type { Blueprint, CompileResult, Pack, Principle, Problem, Question, SourceFile } from './types.ts';

const PRINCIPLE_FILE = /^principles\/([^/]+)\.md$/;
const PACK_META_FILE = /^packs\/([^/]+)\/pack\.ya?ml$/;
const QUESTION_FILE = /^packs\/([^/]+)\/([^/]+)\.md$/;
const BLUEPRINT_FILE = /^exams\/([^/]+)\.ya?ml$/;

export interface CompileOptions {
  /** Principles that exist outside these files (the built-in library, for an imported pack). */
  knownPrinciples?: readonly Principle[];
}

/**
 * Parses and cross-checks a whole content folder. Pure: the caller reads the files,
 * so the build, the command line and the in-app importer share every rule and message.
 */
export function compileContent(files: readonly SourceFile[], options: CompileOptions = {}): CompileResult {
  const state = new CompileState(options);
  for (const file of inPathOrder(files)) addFile(state, file);
  return finish(state, files, options);
}

/** The same, a few files at a time with a pause between, so a page can show progress on a large pack. */
export async function compileContentInSteps(
  files: readonly SourceFile[],
  options: CompileOptions,
  onProgress: (done: number, total: number) => void,
  filesPerStep = 40,
): Promise<CompileResult> {
  const state = new CompileState(options);
  const ordered = inPathOrder(files);
  for (let index = 0; index < ordered.length; index++) {
    addFile(state, ordered[index] as SourceFile);
    if ((index + 1) % filesPerStep === 0) {
      onProgress(index + 1, ordered.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  onProgress(ordered.length, ordered.length);
  return finish(state, files, options);
}

function inPathOrder(files: readonly SourceFile[]): SourceFile[] {
  return [...files].sort((a, b) => a.path.localeCompare(b.path));
}

class CompileState {
  constructor(options: CompileOptions) {
    this.knownPrinciples = new Set((options.knownPrinciples ?? []).map((principle) => principle.id));
  }
  /** Principles from outside these files: a copy of one is replaced by it in the app, whatever the copy's file is called. */
  readonly knownPrinciples: ReadonlySet<string>;
  readonly problems: Problem[] = [];
  readonly principles: Principle[] = [];
  readonly blueprints: Blueprint[] = [];
  readonly packMetas = new Map<string, { meta?: PackMeta; file: string }>();
  readonly questionsByPack = new Map<string, Question[]>();
  readonly ids = new IdRegistry(this.problems);
  /** Every question file's principle links, including files with other errors. */
  readonly links: { file: string; line: number; principles: string[] }[] = [];
  /** Ids of principle files that exist but have errors: they report those errors, and links to them are not "missing". */
  readonly brokenPrinciples = new Set<string>();
}

function addFile(state: CompileState, { path, text }: SourceFile): void {
  const { problems, principles, blueprints, packMetas, questionsByPack, ids } = state;
  let match: RegExpExecArray | null;
  if ((match = PRINCIPLE_FILE.exec(path))) {
    const name = match[1] as string;
    const result = parsePrinciple(path, text);
    problems.push(...result.problems);
    if (result.id && !state.knownPrinciples.has(result.id)) nameMatchesId(state, path, text, 'principle', name, result.id);
    const claimed = result.id === undefined || ids.claim(result.id, 'principle', path, lineOf(text, 'id'));
    if (result.principle && claimed) principles.push(result.principle);
    else if (!result.principle) for (const id of [name, result.id]) if (id) state.brokenPrinciples.add(id);
  } else if ((match = PACK_META_FILE.exec(path))) {
    const folder = match[1] as string;
    const yaml = parseYaml(text, { file: path, lineOffset: 0 });
    problems.push(...yaml.problems);
    const meta = yaml.problems.length === 0 ? validateYaml(packMetaSchema, yaml, path, 'pack.yaml') : undefined;
    if (meta) problems.push(...meta.problems);
    if (meta?.value && meta.value.id !== folder) {
      const { line, column } = yaml.positionOf(['id']);
      problems.push(problem(path, line, `the pack's id is "${meta.value.id}" but its folder is "${folder}": they must match`, 'error', column));
    }
    if (meta?.value) ids.claim(meta.value.id, 'pack', path, lineOf(text, 'id'));
    packMetas.set(folder, { meta: meta?.value, file: path });
  } else if ((match = QUESTION_FILE.exec(path))) {
    const folder = match[1] as string;
    const result = parseQuestion(path, text);
    problems.push(...result.problems);
    const list = questionsByPack.get(folder) ?? [];
    questionsByPack.set(folder, list);
    if (result.id) nameMatchesId(state, path, text, 'question', match[2] as string, result.id);
    state.links.push({ file: path, line: lineOf(text, 'principles'), principles: result.principles });
    const claimed = result.id === undefined || ids.claim(result.id, 'question', path, lineOf(text, 'id'));
    if (result.question && claimed) list.push(result.question);
  } else if ((match = BLUEPRINT_FILE.exec(path))) {
    const result = parseBlueprint(path, text);
    problems.push(...result.problems);
    if (result.blueprint) {
      if (ids.claim(result.blueprint.id, 'exam blueprint', path, lineOf(text, 'id'))) blueprints.push(result.blueprint);
    }
  } else if (/\.(md|ya?ml)$/.test(path) && !/(^|\/)README\.md$/i.test(path)) {
    problems.push(problem(path, 1, 'this file is not in a place Rapport reads: principles go in principles/, questions in packs/<pack-id>/, exam formats in exams/', 'warning'));
  }
}

/** Files are found by name (links, `content:new`, sharing), so a file must be named after its id. */
function nameMatchesId(state: CompileState, path: string, text: string, kind: string, name: string, id: string): void {
  if (name === id) return;
  state.problems.push(problem(path, lineOf(text, 'id'), `the ${kind}'s id is "${id}" but the file is named "${name}.md": rename the file to "${id}.md", or change the id`));
}

function finish(state: CompileState, files: readonly SourceFile[], options: CompileOptions): CompileResult {
  const { problems, principles, blueprints, packMetas, questionsByPack } = state;
  const knownPrinciples = new Set([...principles, ...(options.knownPrinciples ?? [])].map((principle) => principle.id));
  for (const { file, line, principles: links } of state.links) {
    for (const link of links) {
      if (!knownPrinciples.has(link) && !state.brokenPrinciples.has(link)) {
        problems.push(problem(file, line, `links to the principle "${link}", which does not exist${suggest(link, knownPrinciples)}`));
      }
    }
  }
  const packs: Pack[] = [];
  for (const folder of new Set([...packMetas.keys(), ...questionsByPack.keys()])) {
    const questions = questionsByPack.get(folder) ?? [];
    const entry = packMetas.get(folder);
    if (!entry) {
      problems.push(problem(`packs/${folder}/pack.yaml`, 1, `the pack folder "${folder}" has no pack.yaml: add one with its id, title, version, description and authors`));
      continue;
    }
    if (!entry.meta) continue;
    if (questions.length === 0 && !hasQuestionFiles(files, folder)) {
      problems.push(problem(entry.file, 1, 'the pack has no questions: add question files beside pack.yaml'));
      continue;
    }
    const text = files.find((file) => file.path === entry.file)?.text ?? '';
    packs.push({ ...entry.meta, questions: inAuthoredOrder(questions, entry.meta.order, entry.file, text, problems) });
  }

  return {
    principles,
    packs: packs.sort((a, b) => a.id.localeCompare(b.id)),
    blueprints,
    problems: sortProblems(problems),
  };
}

/** The questions in the order pack.yaml's `order` lists, then the ones it leaves out in file-name order. */
function inAuthoredOrder(questions: Question[], order: readonly string[] | undefined, packFile: string, text: string, problems: Problem[]): Question[] {
  if (!order) return questions;
  const byId = new Map(questions.map((question) => [question.id, question]));
  const listed: Question[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const question = byId.get(id);
    if (seen.has(id)) {
      problems.push(problem(packFile, lineOf(text, 'order'), `"order" lists "${id}" twice: list each question once`, 'warning'));
    } else if (!question) {
      problems.push(problem(packFile, lineOf(text, 'order'), `"order" lists "${id}", which is not a question of this pack`, 'warning'));
    } else listed.push(question);
    seen.add(id);
  }
  return [...listed, ...questions.filter((question) => !seen.has(question.id))];
}

function hasQuestionFiles(files: readonly SourceFile[], folder: string): boolean {
  return files.some((file) => QUESTION_FILE.exec(file.path)?.[1] === folder);
}

class IdRegistry {
  private readonly seen = new Map<string, { kind: string; file: string }>();
  constructor(private readonly problems: Problem[]) {}

  /** Records an id; returns false (and reports) when another file already uses it. */
  claim(id: string, kind: string, file: string, line: number): boolean {
    const earlier = this.seen.get(id);
    if (earlier) {
      this.problems.push(problem(file, line, `the id "${id}" is already used by the ${earlier.kind} in ${earlier.file}: every id must be unique`));
      return false;
    }
    this.seen.set(id, { kind, file });
    return true;
  }
}

/** The 1-based line of a top-level field in YAML or front matter, or 1. */
export function lineOf(text: string, field: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => new RegExp(`^${field}\\s*:`).test(line));
  return index === -1 ? 1 : index + 1;
}

function suggest(id: string, known: Set<string>): string {
  const close = [...known].find((candidate) => candidate.includes(id) || id.includes(candidate) || editDistance(candidate, id) <= 2);
  return close ? ` (did you mean "${close}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function formatProblem(item: Problem, root = ''): string {
  return `${root}${item.file}:${item.line}:${item.column}  ${item.severity}  ${item.message}`;
}
