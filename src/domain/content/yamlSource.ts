import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
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
  const allProblems: Problem[] = doc.errors.map((error) => {
    const [start] = error.linePos ?? [{ line: 1, col: 1 }];
    return {
      file: placement.file,
      line: start.line + placement.lineOffset,
      column: start.col,
      severity: 'error',
      message: `YAML: ${plainYamlMessage(error.message)}`,
    };
  });
  // Past the parser's depth every later node fails too, and the other messages are side effects: say it once.
  const tooDeep = allProblems.find((item) => item.message === `YAML: ${NESTED_TOO_DEEPLY}`);
  const problems = tooDeep ? [tooDeep] : allProblems;
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 20 });
    } catch (error) {
      // Some faults (an alias to an anchor that does not exist) surface only when building values.
      problems.push({ file: placement.file, line: 1 + placement.lineOffset, column: 1, severity: 'error', message: `YAML: ${error instanceof Error ? plainYamlMessage(error.message) : String(error)}` });
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
