import type { Problem } from './types.ts';
import { parseYaml, type LocatedYaml } from './yamlSource.ts';

export interface MarkdownWithFrontMatter {
  yaml: LocatedYaml;
  /** Lines after the closing `---`, with their 1-based line numbers in the file. */
  body: { text: string; line: number }[];
  /** Line of the opening `---`, where messages about missing fields point. */
  openingLine: number;
}

const FENCE = /^---\s*$/;

export function splitFrontMatter(
  file: string,
  text: string,
): { parsed?: MarkdownWithFrontMatter; problems: Problem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const opening = lines.findIndex((line) => line.trim() !== '');
  if (opening === -1) {
    return { problems: [problem(file, 1, 'the file is empty')] };
  }
  if (!FENCE.test(lines[opening] ?? '')) {
    return {
      problems: [problem(file, opening + 1, 'the file must start with a line of three dashes (---) that opens the front matter')],
    };
  }
  const closing = lines.findIndex((line, index) => index > opening && FENCE.test(line));
  if (closing === -1) {
    return {
      problems: [
        problem(file, opening + 1, 'the front matter is never closed: add a line of three dashes (---) after its last field'),
      ],
    };
  }
  const yaml = parseYaml(lines.slice(opening + 1, closing).join('\n'), { file, lineOffset: opening + 1, fallbackLine: opening + 1 });
  const body = lines.slice(closing + 1).map((line, index) => ({ text: line, line: closing + index + 2 }));
  return { parsed: { yaml, body, openingLine: opening + 1 }, problems: [] };
}

export function problem(file: string, line: number, message: string, severity: Problem['severity'] = 'error', column = 1): Problem {
  return { file, line, column, severity, message };
}
