import { problem, splitFrontMatter } from './frontMatter.ts';
import { fingerprint } from './hash.ts';
import { questionFrontMatterSchema } from './schema.ts';
import type { Problem, Question, QuestionOption } from './types.ts';
import { OPTION_LETTERS, type OptionLetter } from './vocabulary.ts';
import { validateYaml } from './yamlSource.ts';

const LEAD_IN = /^##(?!#)\s*(.*)$/;
const OPTION = /^###(?!#)\s*(.*)$/;
const OPTION_TEXT = /^([A-Za-z])[.)]\s+(.+)$/;

type Line = { text: string; line: number };

/** Parses one question file: front matter, stem, `##` lead-in, `###` options each followed by its rationale. */
export function parseQuestion(file: string, text: string): { question?: Question; problems: Problem[] } {
  const split = splitFrontMatter(file, text);
  if (!split.parsed) return { problems: split.problems };
  const { yaml, body, openingLine } = split.parsed;
  const problems = [...yaml.problems];
  const meta = yaml.problems.length === 0 ? validateYaml(questionFrontMatterSchema, yaml, file, 'the front matter') : undefined;
  if (meta) problems.push(...meta.problems);

  const structure = parseBody(file, body, openingLine);
  problems.push(...structure.problems);

  const value = meta?.value;
  if (!value || !structure.result) return { problems };
  const { stem, leadIn, options } = structure.result;

  if (!options.some((option) => option.letter === value.answer)) {
    const { line, column } = yaml.positionOf(['answer']);
    problems.push(problem(file, line, `the answer is ${value.answer}, but there is no option ${value.answer}`, 'error', column));
    return { problems };
  }
  if (!new RegExp(`\\b${value.qualifier}\\b`).test(leadIn.text)) {
    problems.push(
      problem(file, leadIn.line, `the qualifier is ${value.qualifier}, but the lead-in does not contain "${value.qualifier}" in capitals`, 'warning'),
    );
  }
  const wording = JSON.stringify([stem, leadIn.text, options, value.answer]);
  return {
    question: {
      ...value,
      stem,
      leadIn: leadIn.text,
      options,
      contentHash: fingerprint(wording),
      file,
    },
    problems,
  };
}

function parseBody(
  file: string,
  body: Line[],
  openingLine: number,
): { result?: { stem: string; leadIn: Line; options: QuestionOption[] }; problems: Problem[] } {
  const problems: Problem[] = [];
  const leadInIndex = body.findIndex((line) => LEAD_IN.test(line.text));
  const firstOption = body.findIndex((line) => OPTION.test(line.text));
  const lastLine = body.at(-1)?.line ?? openingLine;
  if (leadInIndex === -1 || (firstOption !== -1 && firstOption < leadInIndex)) {
    const at = firstOption === -1 ? lastLine : (body[firstOption]?.line ?? lastLine);
    return {
      problems: [problem(file, at, 'no lead-in: write the question to answer on a line starting with "## ", before the options')],
    };
  }
  const leadInLine = body[leadInIndex] as Line;
  const leadIn = { text: (LEAD_IN.exec(leadInLine.text)?.[1] ?? '').trim(), line: leadInLine.line };
  if (!leadIn.text) problems.push(problem(file, leadIn.line, 'the lead-in is empty: write the question after "## "'));

  const stem = joinText(body.slice(0, leadInIndex));
  if (!stem) problems.push(problem(file, leadIn.line, 'no stem: describe the scenario above the "## " lead-in'));

  const options: QuestionOption[] = [];
  let current: { letter: OptionLetter; text: string; line: number; rationale: Line[] } | undefined;
  const finish = () => {
    if (!current) return;
    const rationale = joinText(current.rationale);
    if (!rationale) {
      problems.push(problem(file, current.line, `option ${current.letter} has no rationale: explain under it why it is right or wrong`));
    }
    options.push({ letter: current.letter, text: current.text, rationale });
  };
  for (const line of body.slice(leadInIndex + 1)) {
    if (LEAD_IN.test(line.text)) {
      problems.push(problem(file, line.line, 'a second "## " lead-in: a question has one lead-in; use "### " for options'));
      continue;
    }
    const optionMatch = OPTION.exec(line.text);
    if (optionMatch) {
      finish();
      const expected = OPTION_LETTERS[options.length];
      const parts = OPTION_TEXT.exec((optionMatch[1] ?? '').trim());
      if (!expected) {
        problems.push(problem(file, line.line, 'more than four options: a question has three or four'));
        current = undefined;
        continue;
      }
      if (!parts) {
        problems.push(problem(file, line.line, `an option must start with its letter and a full stop, such as "### ${expected}. …"`));
      } else if (parts[1]?.toUpperCase() !== expected) {
        problems.push(problem(file, line.line, `expected option ${expected} here, found ${parts[1]?.toUpperCase()}: letter the options A, B, C, D in order`));
      }
      current = { letter: expected, text: (parts?.[2] ?? '').trim(), line: line.line, rationale: [] };
      continue;
    }
    if (current) current.rationale.push(line);
    else if (line.text.trim()) {
      problems.push(problem(file, line.line, 'text between the lead-in and the first option: move it into the stem, or start an option with "### A. "'));
    }
  }
  finish();
  if (options.length < 3 && problems.length === 0) {
    problems.push(problem(file, leadIn.line, `only ${options.length} option${options.length === 1 ? '' : 's'}: a question needs three or four, each on a line starting with "### A. "`));
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { result: { stem, leadIn, options }, problems };
}

function joinText(lines: Line[]): string {
  return lines
    .map((line) => line.text)
    .join('\n')
    .trim();
}
