import { placeholderIn } from './authoring.ts';
import { problem, splitFrontMatter } from './frontMatter.ts';
import { fingerprint } from './hash.ts';
import { idSchema, questionFrontMatterSchema } from './schema.ts';
import type { Problem, Question, QuestionOption } from './types.ts';
import { OPTION_LETTERS, QUALIFIERS, type OptionLetter } from './vocabulary.ts';
import { validateYaml } from './yamlSource.ts';

const LEAD_IN = /^##(?!#)\s*(.*)$/;
const OPTION = /^###(?!#)\s*(.*)$/;
const OPTION_TEXT = /^([A-Za-z])[.)]\s+(.+)$/;

type Line = { text: string; line: number };

export interface ParsedQuestion {
  question?: Question;
  problems: Problem[];
  /** The id and principle links as far as they can be read, so a file with other errors is still cross-checked. */
  id?: string;
  principles: string[];
}

/** Parses one question file: front matter, stem, `##` lead-in, `###` options each followed by its rationale. */
export function parseQuestion(file: string, text: string): ParsedQuestion {
  const split = splitFrontMatter(file, text);
  if (!split.parsed) return { problems: split.problems, principles: [] };
  const { yaml, body, openingLine } = split.parsed;
  const problems = [...yaml.problems];
  const meta = yaml.problems.length === 0 ? validateYaml(questionFrontMatterSchema, yaml, file, 'the front matter') : undefined;
  if (meta) problems.push(...meta.problems);
  const fields = readableFields(yaml.data);

  const structure = parseBody(file, body, openingLine);
  problems.push(...structure.problems);

  const { stem, leadIn, options } = structure;
  if (fields.answer && options.length > 0 && !options.some((option) => option.letter === fields.answer)) {
    const { line, column } = yaml.positionOf(['answer']);
    problems.push(problem(file, line, `the answer is ${fields.answer}, but there is no option ${fields.answer}`, 'error', column));
  }
  if (fields.qualifier && leadIn?.text && !new RegExp(`\\b${fields.qualifier}\\b`).test(leadIn.text)) {
    problems.push(
      problem(file, leadIn.line, `the qualifier is ${fields.qualifier}, but the lead-in does not contain "${fields.qualifier}" in capitals`, 'warning'),
    );
  }
  problems.push(...structure.unfinished);

  const value = meta?.value;
  const sound = !problems.some((item) => item.severity === 'error' && !structure.unfinished.includes(item));
  if (!value || !leadIn || !sound) return { problems, id: fields.id, principles: fields.principles };
  const questionOptions = options.map(({ letter, text: optionText, rationale }) => ({ letter, text: optionText, rationale }));
  const wording = JSON.stringify([stem, leadIn.text, questionOptions, value.answer]);
  return {
    question: {
      ...value,
      stem,
      leadIn: leadIn.text,
      options: questionOptions,
      contentHash: fingerprint(wording),
      file,
    },
    problems,
    id: value.id,
    principles: value.principles,
  };
}

/** The fields that are valid on their own, read without the rest of the front matter being valid. */
function readableFields(data: unknown): { id?: string; principles: string[]; answer?: OptionLetter; qualifier?: string } {
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const field = (name: string) => (Object.hasOwn(record, name) ? record[name] : undefined);
  const id = idSchema.safeParse(field('id'));
  const links = field('principles');
  const answer = field('answer');
  const qualifier = field('qualifier');
  return {
    id: id.success ? id.data : undefined,
    principles: Array.isArray(links) ? links.filter((link): link is string => idSchema.safeParse(link).success) : [],
    answer: OPTION_LETTERS.find((letter) => letter === answer),
    qualifier: QUALIFIERS.find((word) => word === qualifier),
  };
}

interface ParsedOption extends QuestionOption {
  line: number;
}

interface Body {
  stem: string;
  leadIn?: Line;
  options: ParsedOption[];
  problems: Problem[];
  /** Template text left in place: errors, but the question can still be shown while it is written. */
  unfinished: Problem[];
}

/** Reads the whole body whatever is wrong with it, so one mistake does not hide the next. */
function parseBody(file: string, body: Line[], openingLine: number): Body {
  const problems: Problem[] = [];
  const unfinished: Problem[] = [];
  const stemLines: Line[] = [];
  const options: ParsedOption[] = [];
  let leadIn: Line | undefined;
  let current: { letter: OptionLetter; text: string; line: number; rationale: Line[] } | undefined;
  let extraOption = false;
  const finish = () => {
    if (!current) return;
    const rationale = joinText(current.rationale);
    if (!rationale) {
      problems.push(problem(file, current.line, `option ${current.letter} has no rationale: explain under it why it is right or wrong`));
    } else if (placeholderIn(rationale, 'rationales')) {
      const at = current.rationale.find((line) => line.text.trim())?.line ?? current.line;
      unfinished.push(problem(file, at, `the rationale of option ${current.letter} is still the template's placeholder: explain why this option is right or wrong`));
    }
    if (placeholderIn(current.text, 'options')) {
      unfinished.push(problem(file, current.line, `option ${current.letter} is still the template's placeholder: write the option in its place`));
    }
    options.push({ letter: current.letter, text: current.text, rationale, line: current.line });
    current = undefined;
  };
  for (const line of body) {
    const leadInMatch = LEAD_IN.exec(line.text);
    if (leadInMatch) {
      if (leadIn) {
        problems.push(problem(file, line.line, 'a second "## " lead-in: a question has one lead-in; use "### " for options'));
        continue;
      }
      leadIn = { text: (leadInMatch[1] ?? '').trim(), line: line.line };
      if (!leadIn.text) problems.push(problem(file, line.line, 'the lead-in is empty: write the question after "## "'));
      if (current || options.length > 0) problems.push(problem(file, line.line, 'the "## " lead-in comes after the options: move it above "### A."'));
      continue;
    }
    const optionMatch = OPTION.exec(line.text);
    if (optionMatch) {
      finish();
      const expected = OPTION_LETTERS[options.length];
      extraOption = !expected;
      if (!expected) {
        problems.push(problem(file, line.line, 'more than four options: a question has three or four'));
        continue;
      }
      const heading = (optionMatch[1] ?? '').trim();
      const parts = OPTION_TEXT.exec(heading);
      if (/^[A-Za-z][.)]?$/.test(heading)) {
        problems.push(problem(file, line.line, `option ${expected} is empty: write it after "### ${expected}. "`));
      } else if (!parts) {
        problems.push(problem(file, line.line, `an option must start with its letter and a full stop, such as "### ${expected}. …"`));
      } else if (parts[1]?.toUpperCase() !== expected) {
        problems.push(problem(file, line.line, `expected option ${expected} here, found ${parts[1]?.toUpperCase()}: letter the options A, B, C, D in order`));
      }
      current = { letter: expected, text: (parts?.[2] ?? '').trim(), line: line.line, rationale: [] };
      continue;
    }
    if (current) current.rationale.push(line);
    else if (extraOption) continue;
    else if (!leadIn && options.length === 0) stemLines.push(line);
    else if (line.text.trim()) {
      problems.push(problem(file, line.line, 'text between the lead-in and the first option: move it into the stem, or start an option with "### A. "'));
    }
  }
  finish();
  const lastLine = body.at(-1)?.line ?? openingLine;
  if (!leadIn) {
    problems.push(problem(file, options[0]?.line ?? lastLine, 'no lead-in: write the question to answer on a line starting with "## ", before the options'));
  }
  const stem = joinText(stemLines);
  if (!stem) {
    problems.push(problem(file, leadIn?.line ?? options[0]?.line ?? lastLine, 'no stem: describe the scenario above the "## " lead-in'));
  } else if (placeholderIn(stem, 'stem')) {
    const at = stemLines.find((line) => line.text.trim())?.line ?? openingLine;
    unfinished.push(problem(file, at, "the scenario is still the template's placeholder: write the scenario in its place"));
  }
  if (options.length < 3) {
    problems.push(
      problem(file, leadIn?.line ?? lastLine, `only ${options.length} option${options.length === 1 ? '' : 's'}: a question needs three or four, each on a line starting with "### A. "`),
    );
  }
  return { stem, leadIn, options, problems, unfinished };
}

function joinText(lines: Line[]): string {
  return lines
    .map((line) => line.text)
    .join('\n')
    .trim();
}
