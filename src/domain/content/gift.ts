/**
 * Moodle's GIFT format, read the way Moodle reads it (question/format/gift/format.php), with the line
 * and column of every part kept for messages. A question is a block of lines ended by a blank line;
 * lines starting with // are comments; `::title::` names it; `[html]`, `[moodle]`, `[plain]` or
 * `[markdown]` gives its text format; answers sit in braces, `=` right and `~` wrong, each with an
 * optional `%weight%` and `#feedback`; `####` starts general feedback; `\~ \= \# \{ \} \: \\` escape
 * and `\n` is a line break. `$CATEGORY:` lines set the category of the questions after them.
 */
import { problem } from './frontMatter';
import { htmlToMarkdown, looksLikeHtml } from './htmlToMarkdown';
import { qualifierIn, slugify, splitLeadIn, writeDrafts, type DraftQuestion, type ImportOptions, type ImportResult, type Located, type SourceSpot } from './importing';
import type { Problem } from './types';

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';
export type GiftKind = 'multiple-choice' | 'multiple-answer' | 'true-false' | 'short-answer' | 'numerical' | 'matching' | 'essay' | 'description';

export interface GiftText {
  /** With GIFT's escapes resolved, in its own format (not yet Markdown). */
  text: string;
  format: GiftFormat;
  at: SourceSpot;
}

export interface GiftAnswer {
  /** Written with `=`. */
  right: boolean;
  /** A `%weight%` in percent, when given. */
  weight?: number;
  text: GiftText;
  feedback?: GiftText;
  at: SourceSpot;
}

export interface GiftQuestion {
  at: SourceSpot;
  title?: string;
  /** The question's comment lines, without their slashes. */
  comments: Located[];
  /** The category set by the last `$CATEGORY:` line before the question. */
  category?: string;
  kind: GiftKind;
  text: GiftText;
  /** The answers of a multiple-choice or multiple-answer question. */
  answers: GiftAnswer[];
  generalFeedback?: GiftText;
}

interface Char {
  char: string;
  escaped: boolean;
  line: number;
  column: number;
}

interface Line {
  text: string;
  line: number;
}

const KIND_NAMES: Record<GiftKind, string> = {
  'multiple-choice': 'multiple choice',
  'multiple-answer': 'multiple answers with weights',
  'true-false': 'true/false',
  'short-answer': 'short answer',
  numerical: 'numerical',
  matching: 'matching',
  essay: 'essay',
  description: 'a description, with no answers',
};

/** Reads every question of a GIFT file; problems are the file's own syntax errors. */
export function parseGift(file: string, text: string): { questions: GiftQuestion[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const questions: GiftQuestion[] = [];
  let category: string | undefined;
  for (const block of blocksOf(text)) {
    const comments: Located[] = [];
    let content: Line[] = [];
    for (const line of block) {
      const trimmed = line.text.trim();
      if (trimmed.startsWith('//')) comments.push({ value: trimmed.slice(2).trim(), at: { line: line.line, column: line.text.indexOf('//') + 1 } });
      else content.push(line);
    }
    const first = content[0];
    if (first && /^\s*\$CATEGORY:/.test(first.text)) {
      category = first.text.trim().slice('$CATEGORY:'.length).trim();
      content = content.slice(1);
    }
    if (content.length === 0) continue;
    const question = parseQuestion(file, charsOf(content), comments, category, problems);
    if (question) questions.push(question);
  }
  return { questions, problems };
}

/** Imports the single-answer multiple-choice questions of a GIFT file as question files; every other kind is skipped with a warning. */
export function importGift(file: string, text: string, options: ImportOptions): ImportResult {
  const { questions, problems } = parseGift(file, text);
  const drafts = questions.map((question) => draftOf(file, question, problems)).filter((draft): draft is DraftQuestion => draft !== undefined);
  const written = writeDrafts(file, drafts, options);
  return { questions: written.questions, problems: [...problems, ...written.problems] };
}

/** Blocks of non-blank lines: in GIFT a blank line ends a question. */
function blocksOf(text: string): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      if (line.trim() === '') {
        if (current.length > 0) blocks.push(current);
        current = [];
      } else current.push({ text: line, line: index + 1 });
    });
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** The block's characters with escapes resolved; each remembers whether it was escaped and where it stood. */
function charsOf(lines: Line[]): Char[] {
  const chars: Char[] = [];
  lines.forEach(({ text, line }, index) => {
    if (index > 0) chars.push({ char: '\n', escaped: false, line, column: 1 });
    // Moodle trims every line, so indentation never turns text into a Markdown code block.
    const end = text.trimEnd().length;
    for (let i = text.length - text.trimStart().length; i < end; i++) {
      const char = text[i] as string;
      const next = i + 1 < end ? text[i + 1] : undefined;
      if (char === '\\' && next !== undefined && '\\:#={}~n'.includes(next)) {
        chars.push({ char: next === 'n' ? '\n' : next, escaped: true, line, column: i + 1 });
        i++;
      } else chars.push({ char, escaped: false, line, column: i + 1 });
    }
  });
  return chars;
}

const textOf = (chars: readonly Char[]) => chars.map((item) => item.char).join('');
const isMark = (item: Char | undefined, mark: string) => item !== undefined && !item.escaped && item.char === mark;
const spotOf = (item: Char | undefined, fallback: SourceSpot): SourceSpot => (item ? { line: item.line, column: item.column } : fallback);
const firstVisible = (chars: readonly Char[]) => chars.find((item) => !/\s/.test(item.char));

function indexOfMark(chars: readonly Char[], mark: string, from = 0): number {
  for (let index = from; index < chars.length; index++) {
    if ([...mark].every((part, offset) => isMark(chars[index + offset], part))) return index;
  }
  return -1;
}

function parseQuestion(file: string, chars: Char[], comments: Located[], category: string | undefined, problems: Problem[]): GiftQuestion | undefined {
  const at = spotOf(firstVisible(chars), { line: 1, column: 1 });
  let start = 0;
  while (start < chars.length && /\s/.test(chars[start]?.char ?? '')) start++;
  let title: string | undefined;
  if (isMark(chars[start], ':') && isMark(chars[start + 1], ':')) {
    const end = indexOfMark(chars, '::', start + 2);
    if (end === -1) {
      problems.push(problem(file, at.line, 'the title opened with :: is never closed: end it with ::, or write \\: for a colon', 'error', at.column));
      return undefined;
    }
    title = textOf(chars.slice(start + 2, end)).trim();
    start = end + 2;
  }
  const open = indexOfMark(chars, '{', start);
  const close = indexOfMark(chars, '}', open === -1 ? start : open + 1);
  const label = labelOf(title, textOf(chars.slice(start, open === -1 ? undefined : open)));
  if (open === -1 && close !== -1) {
    const brace = chars[close] as Char;
    problems.push(problem(file, brace.line, `${label}: this } closes no {: write \\} for a brace in the text`, 'error', brace.column));
    return undefined;
  }
  if (open !== -1 && close === -1) {
    const brace = chars[open] as Char;
    problems.push(
      problem(file, brace.line, `${label}: the answers opened with { on line ${brace.line} are never closed: end them with } before the next blank line (a blank line ends a question in GIFT)`, 'error', brace.column),
    );
    return undefined;
  }
  const textChars = open === -1 ? chars.slice(start) : [...chars.slice(start, open), ...missingWordBlank(chars, open, close)];
  const questionText = withFormat(textChars, 'moodle', at);
  const base = { at, title, comments, category, text: questionText, answers: [] as GiftAnswer[] };
  if (open === -1) return { ...base, kind: 'description' };

  let answerChars = chars.slice(open + 1, close);
  let generalFeedback: GiftText | undefined;
  const general = lastIndexOfMark(answerChars, '####');
  if (general !== -1) {
    generalFeedback = withFormat(answerChars.slice(general + 4), questionText.format, spotOf(answerChars[general], at));
    answerChars = answerChars.slice(0, general);
  }
  const kind = kindOf(answerChars);
  if (kind !== 'multiple-choice') return { ...base, kind, generalFeedback };

  const answers: GiftAnswer[] = [];
  const parts: { marker: Char; chars: Char[] }[] = [];
  const leading: Char[] = [];
  for (const item of answerChars) {
    if (isMark(item, '~') || isMark(item, '=')) parts.push({ marker: item, chars: [] });
    else (parts.at(-1)?.chars ?? leading).push(item);
  }
  const stray = firstVisible(leading);
  if (stray) {
    problems.push(problem(file, stray.line, `${label}: "${textOf(leading).trim()}" stands before the first answer: start every answer with = (right) or ~ (wrong)`, 'error', stray.column));
    return undefined;
  }
  for (const { marker, chars: body } of parts) {
    const markerAt = spotOf(marker, at);
    const weight = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(textOf(body));
    const rest = weight ? body.slice(weight[0].length) : body;
    const hash = indexOfMark(rest, '#');
    const answerText = withFormat(hash === -1 ? rest : rest.slice(0, hash), questionText.format, markerAt);
    const feedback = hash === -1 ? undefined : withFormat(rest.slice(hash + 1), questionText.format, spotOf(rest[hash], markerAt));
    answers.push({
      right: marker.char === '=',
      ...(weight ? { weight: Number(weight[1]) } : {}),
      text: answerText,
      ...(feedback && feedback.text ? { feedback } : {}),
      at: markerAt,
    });
  }
  return { ...base, kind: answers.some((answer) => answer.right) ? 'multiple-choice' : 'multiple-answer', answers, generalFeedback };
}

/** Moodle's missing-word format: answers inside the sentence leave a blank where they stood. */
function missingWordBlank(chars: Char[], open: number, close: number): Char[] {
  const after = chars.slice(close + 1);
  if (textOf(after).trim() === '') return [];
  const brace = chars[open] as Char;
  return [...[...'_____'].map((char) => ({ ...brace, char, escaped: true })), ...after];
}

function lastIndexOfMark(chars: readonly Char[], mark: string): number {
  for (let index = chars.length - mark.length; index >= 0; index--) {
    if ([...mark].every((part, offset) => isMark(chars[index + offset], part))) return index;
  }
  return -1;
}

/** The question type, decided as Moodle decides it. */
function kindOf(answers: readonly Char[]): GiftKind {
  const first = firstVisible(answers);
  if (!first) return 'essay';
  if (isMark(first, '#')) return 'numerical';
  if (answers.some((item) => isMark(item, '~'))) return 'multiple-choice';
  const text = textOf(answers);
  if (answers.some((item) => isMark(item, '=')) && text.includes('->')) return 'matching';
  const hash = indexOfMark(answers, '#');
  const truth = textOf(hash === -1 ? answers : answers.slice(0, hash)).trim();
  return ['T', 'TRUE', 'F', 'FALSE'].includes(truth) ? 'true-false' : 'short-answer';
}

/** Text with an optional leading `[format]`; without one it takes the format of the question text. */
function withFormat(chars: readonly Char[], inherited: GiftFormat, fallback: SourceSpot): GiftText {
  const raw = textOf(chars);
  const leadingSpace = raw.length - raw.trimStart().length;
  const format = /^\[(html|moodle|plain|markdown)\]/.exec(raw.trimStart());
  const at = spotOf(chars[leadingSpace], fallback);
  if (!format) return { text: raw.trim(), format: inherited, at };
  return { text: raw.trimStart().slice(format[0].length).trim(), format: format[1] as GiftFormat, at };
}

function labelOf(title: string | undefined, text: string): string {
  if (title) return `"${title}"`;
  const words = text.replace(/^\s*\[(html|moodle|plain|markdown)\]/, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return `the question "${words.length > 50 ? `${words.slice(0, 50).trimEnd()}…` : words}"`;
}

/** Text in its GIFT format as Markdown; HTML is converted, never kept. */
function markdownOf(file: string, text: GiftText, problems: Problem[], label: string): Located {
  if (text.format === 'html' || (text.format === 'moodle' && looksLikeHtml(text.text))) {
    // Moodle's own format shows a line break where the text has one, HTML or not.
    const { markdown, images } = htmlToMarkdown(text.format === 'moodle' ? text.text.replace(/\n/g, '<br>') : text.text);
    if (images > 0) {
      problems.push(problem(file, text.at.line, `${label}: ${images === 1 ? 'an image is' : `${images} images are`} left out: a pack holds text only, so describe what the image showed`, 'warning', text.at.column));
    }
    return { value: markdown, at: text.at };
  }
  return { value: text.text, at: text.at };
}

function draftOf(file: string, question: GiftQuestion, problems: Problem[]): DraftQuestion | undefined {
  const label = labelOf(question.title, question.text.text);
  const skip = (why: string) => {
    problems.push(problem(file, question.at.line, `skipped ${label} (${why}): Rapport imports single-answer multiple choice only`, 'warning', question.at.column));
    return undefined;
  };
  if (question.kind !== 'multiple-choice') return skip(KIND_NAMES[question.kind]);
  const right = question.answers.filter((answer) => answer.right || answer.weight === 100);
  if (right.length > 1) return skip(`${right.length} right answers`);
  const key = right[0] as GiftAnswer;
  for (const answer of question.answers) {
    if (answer !== key && answer.weight !== undefined && answer.weight !== 0) {
      problems.push(
        problem(file, answer.at.line, `${label}: the weight ${answer.weight}% on the answer "${answer.text.text}" is left out: an option is the best answer or a wrong one`, 'warning', answer.at.column),
      );
    }
  }
  const meta = metadataOf(question.comments);
  const questionText = markdownOf(file, question.text, problems, label);
  const { stem, leadIn } = splitLeadIn(questionText.value);
  const general = question.generalFeedback?.text ? markdownOf(file, question.generalFeedback, problems, label) : undefined;
  const options = question.answers.map((answer) => {
    const feedback = answer.feedback ? markdownOf(file, answer.feedback, problems, label) : undefined;
    // Moodle shows general feedback after any answer; here it explains the best answer, after the key's own feedback.
    const parts = [feedback, answer === key ? general : undefined].filter((part): part is Located => part !== undefined && part.value !== '');
    const rationale = parts.length > 0 ? { value: parts.map((part) => part.value).join('\n\n'), at: (parts[0] as Located).at } : undefined;
    return { text: markdownOf(file, answer.text, problems, label), ...(rationale ? { rationale } : {}) };
  });
  const letter = String.fromCharCode(65 + question.answers.indexOf(key));
  const qualifier = meta.qualifier ?? (qualifierIn(leadIn) ? { value: qualifierIn(leadIn) as string, at: questionText.at } : undefined);
  return {
    at: question.at,
    label,
    ...(meta.id ? { idWish: meta.id } : question.title ? { idWish: { value: question.title, at: question.at } } : {}),
    ...(meta.area ? { area: meta.area } : {}),
    ...(qualifier ? { qualifier } : {}),
    ...(meta.difficulty ? { difficulty: meta.difficulty } : {}),
    ...(meta.principles ? { principles: meta.principles } : {}),
    answer: { value: letter, at: key.at },
    tags: [...categoryTags(question.category), ...meta.tags],
    stem: { value: stem, at: questionText.at },
    leadIn: { value: leadIn, at: questionText.at },
    options,
  };
}

/** A category path as tags: its named levels, without Moodle's `$course$`-style contexts and `top`. */
function categoryTags(category: string | undefined): string[] {
  if (!category) return [];
  return category
    .split(/(?<!\/)\/(?!\/)/)
    .map((level) => level.replace(/\/\//g, '/').trim())
    .filter((level) => level && !/^\$\w+\$$/.test(level) && level !== 'top' && !/^Default for /i.test(level))
    .map(slugify)
    .filter(Boolean);
}

interface Metadata {
  id?: Located;
  tags: string[];
  area?: Located;
  qualifier?: Located;
  difficulty?: Located;
  principles?: Located<string[]>;
}

/**
 * What comments say about a question: Moodle's own `[id:…]` and `[tag:…]`, and the line
 * `rapport: area: …; qualifier: …; difficulty: …; principles: …` that `content:export` writes, so an
 * exported pack comes back whole.
 */
function metadataOf(comments: readonly Located[]): Metadata {
  const meta: Metadata = { tags: [] };
  for (const { value, at } of comments) {
    const id = /\[id:((?:\\\]|[^\]])+)\]/.exec(value)?.[1];
    if (id && !meta.id) meta.id = { value: id.replace(/\\\]/g, ']'), at };
    for (const tag of value.matchAll(/\[tag:((?:\\\]|[^\]])+)\]/g)) meta.tags.push((tag[1] as string).replace(/\\\]/g, ']'));
    const rapport = /^rapport:\s*(.*)$/i.exec(value)?.[1];
    if (!rapport) continue;
    for (const pair of rapport.split(';')) {
      const [key = '', ...rest] = pair.split(':');
      const field = key.trim().toLowerCase();
      const fieldValue = rest.join(':').trim();
      if (!fieldValue) continue;
      if (field === 'area' || field === 'qualifier' || field === 'difficulty') meta[field] = { value: fieldValue, at };
      if (field === 'principles') meta.principles = { value: fieldValue.split(/[\s,]+/).filter(Boolean), at };
    }
  }
  return meta;
}
