import { splitFrontMatter } from './frontMatter.ts';
import { idSchema, principleFrontMatterSchema } from './schema.ts';
import type { Principle, Problem } from './types.ts';
import { validateYaml } from './yamlSource.ts';

export interface ParsedPrinciple {
  principle?: Principle;
  problems: Problem[];
  /** The id as far as it can be read, for the file-name check and duplicate ids. */
  id?: string;
}

export function parsePrinciple(file: string, text: string): ParsedPrinciple {
  const split = splitFrontMatter(file, text);
  if (!split.parsed) return { problems: split.problems };
  const { yaml, body, openingLine } = split.parsed;
  const meta = yaml.problems.length === 0 ? validateYaml(principleFrontMatterSchema, yaml, file, 'the front matter') : undefined;
  const bodyText = body
    .map((line) => line.text)
    .join('\n')
    .trim();
  const problems = [...yaml.problems, ...(meta?.problems ?? [])];
  if (!bodyText) {
    problems.push({ file, line: body[0]?.line ?? openingLine, column: 1, severity: 'error', message: 'the principle has no text below its front matter' });
  }
  const data = yaml.data !== null && typeof yaml.data === 'object' && !Array.isArray(yaml.data) ? (yaml.data as Record<string, unknown>) : {};
  const id = idSchema.safeParse(Object.hasOwn(data, 'id') ? data.id : undefined);
  if (!meta?.value || !bodyText) return { problems, id: id.success ? id.data : undefined };
  return { principle: { ...meta.value, body: bodyText, file }, problems, id: meta.value.id };
}
