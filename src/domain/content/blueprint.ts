import { problem } from './frontMatter.ts';
import { blueprintSchema, type Blueprint } from './schema.ts';
import type { Problem } from './types.ts';
import { OUTLINES } from './vocabulary.ts';
import { parseYaml, validateYaml } from './yamlSource.ts';

/** Parses an exam format and checks that its numbers are consistent with one another. */
export function parseBlueprint(file: string, text: string): { blueprint?: Blueprint; problems: Problem[] } {
  const yaml = parseYaml(text, { file, lineOffset: 0 });
  if (yaml.problems.length > 0) return { problems: yaml.problems };
  const { value, problems } = validateYaml(blueprintSchema, yaml, file, 'the exam blueprint');
  if (!value) return { problems };

  const allowed: readonly string[] = OUTLINES[value.outline];
  for (const domain of Object.keys(value.weights)) {
    if (!allowed.includes(domain)) {
      const { line, column } = yaml.positionOf(['weights', domain], true);
      problems.push(problem(file, line, `"${domain}" is not a domain of the ${value.outline} outline; use ${allowed.join(', ')}`, 'error', column));
    }
  }
  const total = Object.values(value.weights).reduce((sum, weight) => sum + weight, 0);
  if (Math.abs(total - 100) > 0.5) {
    const { line, column } = yaml.positionOf(['weights']);
    problems.push(problem(file, line, `the weights add up to ${round(total)}, not 100`, 'error', column));
  }
  if (value.sections) {
    const sectionItems = value.sections.reduce((sum, section) => sum + section.items, 0);
    if (sectionItems !== value.items) {
      const { line, column } = yaml.positionOf(['sections']);
      problems.push(problem(file, line, `the sections hold ${sectionItems} items, but "items" is ${value.items}`, 'error', column));
    }
  }
  if (value.scoredItems !== undefined && value.scoredItems > value.items) {
    const { line, column } = yaml.positionOf(['scoredItems']);
    problems.push(problem(file, line, `"scoredItems" (${value.scoredItems}) is more than "items" (${value.items})`, 'error', column));
  }
  return problems.length > 0 ? { problems } : { blueprint: value, problems };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
