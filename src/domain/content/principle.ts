import { splitFrontMatter } from './frontMatter.ts';
import { principleFrontMatterSchema } from './schema.ts';
import type { Principle, Problem } from './types.ts';
import { validateYaml } from './yamlSource.ts';

export function parsePrinciple(file: string, text: string): { principle?: Principle; problems: Problem[] } {
  const split = splitFrontMatter(file, text);
  if (!split.parsed) return { problems: split.problems };
  const { yaml, body, openingLine } = split.parsed;
  if (yaml.problems.length > 0) return { problems: yaml.problems };
  const meta = validateYaml(principleFrontMatterSchema, yaml, file, 'the front matter');
  const bodyText = body
    .map((line) => line.text)
    .join('\n')
    .trim();
  const problems = [...meta.problems];
  if (!bodyText) {
    problems.push({ file, line: body[0]?.line ?? openingLine, column: 1, severity: 'error', message: 'the principle has no text below its front matter' });
  }
  if (!meta.value || !bodyText) return { problems };
  return { principle: { ...meta.value, body: bodyText, file }, problems };
}
