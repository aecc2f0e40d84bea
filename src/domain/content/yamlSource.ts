import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './types';

/** YAML text parsed with enough position data to point a message at the offending line. */
export interface LocatedYaml {
  data: unknown;
  problems: Problem[];
  /** 1-based line and column of the field at `path`, or of the nearest enclosing field, or of `fallbackLine`. */
  positionOf(path: readonly PropertyKey[], atKey?: boolean): { line: number; column: number };
}

interface Placement {
  file: string;
  /** Line number in the file of the YAML text's first line, minus one. */
  lineOffset: number;
  /** Where to point when a top-level field is missing: the opening `---` of front matter, or line 1. */
  fallbackLine?: number;
}

export function parseYaml(text: string, placement: Placement): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + placement.lineOffset, column: col };
  };
  const problems: Problem[] = plainYamlErrors(doc.errors, text, placement.lineOffset).map(({ offset, message }) => ({
    file: placement.file,
    ...at(offset),
    severity: 'error',
    message,
  }));
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 20 });
    } catch (error) {
      // Some faults (an alias to an anchor that does not exist) surface only when building values.
      const message = error instanceof Error ? error.message : String(error);
      const alias = /Unresolved alias[^:]*: (.+)$/.exec(message)?.[1];
      const offset = alias ? Math.max(0, text.indexOf(`*${alias}`)) : 0;
      problems.push({
        file: placement.file,
        ...at(offset),
        severity: 'error',
        message: alias ? `"*${alias}" refers to nothing: a value that starts with * must be put in double quotes` : `YAML: ${plainYamlMessage(message)}`,
      });
    }
  }
  return {
    data,
    problems,
    positionOf(path, atKey = false) {
      const offset = offsetOf(doc, path, atKey);
      return offset === undefined ? { line: placement.fallbackLine ?? 1, column: 1 } : at(offset);
    },
  };
}

/**
 * The offset of the deepest node on `path` that exists: a map entry's key (so a list or group
 * is reported on the line that names it), a list item, or undefined when even the first step is missing.
 */
function offsetOf(doc: Document, path: readonly PropertyKey[], atKey: boolean): number | undefined {
  for (let depth = path.length; depth >= 1; depth--) {
    const parent: unknown = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
    const step = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === step);
      // A wrong scalar value is pointed at itself; a list, a group or an unknown field at its name.
      if (!atKey && depth === path.length && isScalar(pair?.value) && pair.value.range) return pair.value.range[0];
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    } else if (isSeq(parent) && typeof step === 'number') {
      const item = parent.items[step] as { range?: [number, number, number] } | undefined;
      if (item?.range) return item.range[0];
    }
  }
  return undefined;
}

const NESTED_TOO_DEEPLY = 'lists or groups are nested inside each other too deeply to read; no real pack needs more than a few levels';

function plainYamlMessage(message: string): string {
  if (/Maximum call stack size exceeded|too much recursion/i.test(message)) return NESTED_TOO_DEEPLY;
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * The YAML library's errors in an author's words, each at the line of the mistake: an unclosed
 * bracket or quote is reported where it opens, not where the library gives up. Only the first
 * error is kept (the rest are mostly its echoes), and any tab used to indent on another line.
 */
function plainYamlErrors(errors: readonly YAMLError[], text: string, lineOffset: number): { offset: number; message: string }[] {
  // Past the parser's depth every later node fails too, and the other messages are side effects: say it once.
  const tooDeep = errors.find((error) => plainYamlMessage(error.message) === NESTED_TOO_DEEPLY);
  if (tooDeep) return [{ offset: tooDeep.pos[0], message: `YAML: ${NESTED_TOO_DEEPLY}` }];
  const [first, ...rest] = errors;
  if (!first) return [];
  const result = [describeYamlError(first, text, lineOffset)];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const reported = new Set([lineStart(result[0]?.offset ?? 0)]);
  for (const error of rest) {
    if (error.code !== 'TAB_AS_INDENT' || reported.has(lineStart(error.pos[0]))) continue;
    reported.add(lineStart(error.pos[0]));
    result.push(describeYamlError(error, text, lineOffset));
  }
  return result;
}

function describeYamlError(error: YAMLError, text: string, lineOffset: number): { offset: number; message: string } {
  const offset = error.pos[0];
  const lineNumber = (at: number) => text.slice(0, at).split('\n').length + lineOffset;
  const lineAt = (at: number) => {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const end = text.indexOf('\n', start);
    return { start, text: text.slice(start, end === -1 ? undefined : end) };
  };
  const plain = plainYamlMessage(error.message);
  const unclosed = (kind: Opener, what: string, close: string) => {
    const opener = unclosedOpener(text, offset, kind);
    if (opener === undefined) return { offset, message: `${what} is never closed: add ${close}` };
    return { offset: opener, message: `${what} opened with ${kind} on line ${lineNumber(opener)} is never closed: add ${close}` };
  };
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { offset: lineAt(offset).start, message: 'use spaces, not tabs, to indent' };
    case 'DUPLICATE_KEY': {
      const key = /^\s*([^:#]+?)\s*:/.exec(lineAt(offset).text)?.[1] ?? 'a field';
      return { offset, message: `the field "${key}" appears twice: keep one` };
    }
    case 'UNEXPECTED_TOKEN': {
      const found = /"([^"]*)"/.exec(plain)?.[1] ?? '';
      if (found === ']' || found === '}') return { offset, message: `this ${found} closes nothing: remove it, or add the ${found === ']' ? '[' : '{'} it should close` };
      return { offset, message: `YAML cannot read "${found}" here: each line should be "field: value", or "- item" in a list` };
    }
    default:
      break;
  }
  if (/^Flow sequence/.test(plain)) return unclosed('[', 'a list', '] at its end, such as [a, b]');
  if (/^Flow map/.test(plain)) return unclosed('{', 'a group', '} at its end');
  if (/^Missing closing "quote/.test(plain)) return unclosed('"', 'a text', 'the closing "');
  if (/^Missing closing 'quote/.test(plain)) return unclosed("'", 'a text', "the closing '");
  if (/^Nested mappings are not allowed in compact mappings/.test(plain)) {
    const line = lineAt(offset);
    const value = line.text.slice(line.text.indexOf(':') + 1);
    if (/:(\s|$)/.test(value)) {
      return { offset: line.start, message: 'a value holds a colon followed by a space, which YAML reads as a new field: put the whole value in double quotes, such as title: "Trust: the basics"' };
    }
    const next = text.indexOf('\n', offset);
    return { offset: next === -1 ? offset : next + 1, message: 'this line is indented more than the field above it, which already has a value: start fields of the same level at the same column' };
  }
  if (/^A block sequence may not be used as an implicit map key/.test(plain)) {
    return { offset: lineAt(offset).start, message: 'this list item is indented differently from the items above it: start every "- " at the same column' };
  }
  if (/^All mapping items must start at the same column/.test(plain)) {
    return { offset: lineAt(offset).start, message: 'this line is indented differently from the fields above it: start fields of the same level at the same column' };
  }
  if (/^Implicit keys need to be on a single line|^Implicit map keys need to be followed by map values/.test(plain)) {
    return { offset: lineAt(offset).start, message: 'expected "field: value" on this line: the field\'s name, a colon, a space, then the value' };
  }
  return { offset, message: `YAML: ${plain}` };
}

type Opener = '[' | '{' | '"' | "'";

/**
 * Where the bracket or quote of `kind` that is still open at `end` was opened, or undefined.
 * A bracket or quote opens something only where a value starts (after "key: ", "- ", "[", "{" or ","),
 * so "it's" or "a [draft]" in plain text is not mistaken for one.
 */
function unclosedOpener(text: string, end: number, kind: Opener): number | undefined {
  const flow: { char: string; at: number }[] = [];
  let quote: { char: string; at: number } | undefined;
  const startsValue = (index: number) => {
    let before = index - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
    return before < 0 || text[before] === '\n' || ':-[{,?'.includes(text[before] as string);
  };
  for (let index = 0; index < Math.min(end, text.length); index++) {
    const char = text[index] as string;
    if (quote) {
      if (quote.char === '"' && char === '\\') index++;
      else if (quote.char === "'" && char === "'" && text[index + 1] === "'") index++;
      else if (char === quote.char) quote = undefined;
      continue;
    }
    if (char === '#' && (index === 0 || /\s/.test(text[index - 1] as string))) {
      const next = text.indexOf('\n', index);
      if (next === -1) break;
      index = next;
    } else if ((char === '"' || char === "'") && startsValue(index)) {
      quote = { char, at: index };
    } else if ((char === '[' || char === '{') && (flow.length > 0 || startsValue(index))) {
      flow.push({ char, at: index });
    } else if ((char === ']' || char === '}') && flow.length > 0) {
      flow.pop();
    }
  }
  if (kind === '"' || kind === "'") return quote?.char === kind ? quote.at : undefined;
  return flow.filter((item) => item.char === kind).at(-1)?.at;
}

/** Checks parsed YAML against a schema and turns every failure into a positioned, plain-English problem. */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  source: LocatedYaml,
  file: string,
  what: string,
): { value?: z.infer<S>; problems: Problem[] } {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const { line, column } = source.positionOf([...issue.path, key], true);
        problems.push({ file, line, column, severity: 'error', message: `unknown field "${key}" in ${what}` });
      }
      continue;
    }
    const { line, column } = source.positionOf(issue.path);
    problems.push({ file, line, column, severity: 'error', message: describeIssue(issue, what) });
  }
  return { problems };
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `item ${part + 1}` : index === 0 ? String(part) : `.${String(part)}`))
    .join(' ')
    .replace(/ \./g, '.');
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list, such as [a, b]',
  object: 'a group of fields',
  boolean: 'true or false',
};

function describeIssue(issue: z.core.$ZodIssue, what: string): string {
  const field = fieldName(issue.path);
  const subject = field ? `"${field}"` : what;
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.path.length > 0 && input === undefined) return `missing field ${subject} in ${what}`;
  if (issue.path.length > 0 && input === null) return `${subject} is empty: ${whatToFillIn(issue)}`;
  // Messages written in the schema are already in the author's terms; zod's own start with "Invalid" or "Too".
  if (!/^(Invalid|Too )/.test(issue.message)) {
    const scalar = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean';
    return `${subject}: ${issue.message}${scalar ? `; found ${describeValue(input)}` : ''}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.path.length === 0) return `${what} must be a set of "field: value" lines`;
      return `${subject} should be ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${describeValue(input)}${
        issue.expected === 'string' && input !== null && typeof input === 'object' ? ' (put text that contains ": " in double quotes)' : ''
      }`;
    case 'invalid_value':
      return `${subject} must be one of ${issue.values.map(String).join(', ')}; found ${describeValue(input)}`;
    default:
      return `${subject} ${lowerFirst(issue.message)}`;
  }
}

/** What an empty field needs, from the schema's own wording where it has one. */
function whatToFillIn(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too )/.test(issue.message)) return `fill in ${issue.message.replace(/^must be /, '')}`;
  if (issue.code === 'invalid_value') return `fill in one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.expected === 'array') return 'fill in a list, such as [a, b]';
  return 'fill it in';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
