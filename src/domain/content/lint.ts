import { problem } from './frontMatter';
import type { Pack, Principle, Problem, Question, SourceFile } from './types';
import { OPTION_LETTERS } from './vocabulary';

/** The share of a pack's items whose key may be the longest option before candidates can game it. */
export const LONGEST_KEY_LIMIT = 1 / 3;
const SMALLEST_PACK_FOR_BALANCE = 8;
const ABSOLUTE_WORDS = /\b(always|never|all|only|none|every|must)\b/i;
const CATCH_ALL_OPTION = /\b(all|none) of the above\b|\bboth [A-D] and [A-D]\b|\b[A-D] and [A-D] only\b|\bneither [A-D] nor [A-D]\b/i;
const NEAR_DUPLICATE_SIMILARITY = 0.6;

/** Item-writing warnings from the content guide. They never block a build; they point at cues a candidate could exploit. */
export function lintContent(packs: readonly Pack[], principles: readonly Principle[], files: readonly SourceFile[]): Problem[] {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const warnings: Problem[] = [];
  for (const pack of packs) {
    const packFile = `packs/${pack.id}/pack.yaml`;
    for (const question of pack.questions) warnings.push(...lintQuestion(question, texts.get(question.file) ?? ''));
    warnings.push(...lintKeyCues(pack, packFile), ...lintNearDuplicates(pack, texts));
  }
  const linked = new Set(packs.flatMap((pack) => pack.questions.flatMap((question) => question.principles)));
  for (const principle of principles) {
    if (!linked.has(principle.id)) {
      warnings.push(problem(principle.file, 1, `no question links to the principle "${principle.id}": link it from a question, or remove it`, 'warning'));
    }
  }
  return warnings;
}

function lintQuestion(question: Question, text: string): Problem[] {
  const warnings: Problem[] = [];
  const at = (letter: string) => optionLine(text, letter);
  for (const option of question.options) {
    if (CATCH_ALL_OPTION.test(option.text)) {
      warnings.push(problem(question.file, at(option.letter), `option ${option.letter} is a catch-all ("all/none of the above", "both A and C"): write a real alternative`, 'warning'));
    }
  }
  const key = question.options.find((option) => option.letter === question.answer);
  const absoluteDistractor = question.options.find((option) => option !== key && !CATCH_ALL_OPTION.test(option.text) && ABSOLUTE_WORDS.test(option.text));
  if (key && absoluteDistractor && !ABSOLUTE_WORDS.test(key.text)) {
    const word = ABSOLUTE_WORDS.exec(absoluteDistractor.text)?.[1];
    warnings.push(
      problem(question.file, at(absoluteDistractor.letter), `option ${absoluteDistractor.letter} says "${word}", and absolute words appear only in wrong options: test-wise candidates rule such options out without knowing the content`, 'warning'),
    );
  }
  return warnings;
}

function lintKeyCues(pack: Pack, packFile: string): Problem[] {
  const count = pack.questions.length;
  if (count < SMALLEST_PACK_FOR_BALANCE) return [];
  const warnings: Problem[] = [];
  const longest = pack.questions.filter(keyIsLongest).length;
  if (longest / count > LONGEST_KEY_LIMIT + 0.02) {
    warnings.push(
      problem(packFile, 1, `the best answer is the longest option in ${longest} of ${count} questions (${percent(longest / count)}); keep it to about a third or fewer, so length is no clue`, 'warning'),
    );
  }
  const shortest = pack.questions.filter(keyIsShortest).length;
  if (shortest / count > LONGEST_KEY_LIMIT + 0.02) {
    warnings.push(
      problem(packFile, 1, `the best answer is the shortest option in ${shortest} of ${count} questions (${percent(shortest / count)}); candidates learn that cue too, so keep it to about a third or fewer`, 'warning'),
    );
  }
  const positions = keyPositions(pack.questions);
  for (const letter of OPTION_LETTERS) {
    const expected = pack.questions.reduce((sum, question) => sum + (OPTION_LETTERS.indexOf(letter) < question.options.length ? 1 / question.options.length : 0), 0);
    const observed = positions[letter];
    if (expected > 0 && Math.abs(observed - expected) > Math.max(2, expected * 0.4)) {
      warnings.push(
        problem(packFile, 1, `the best answer is ${letter} in ${observed} of ${count} questions, where about ${Math.round(expected)} is balanced: spread the keys across positions`, 'warning'),
      );
    }
  }
  return warnings;
}

function lintNearDuplicates(pack: Pack, texts: Map<string, string>): Problem[] {
  const warnings: Problem[] = [];
  const words = pack.questions.map((question) => wordSet(question.stem));
  pack.questions.forEach((question, index) => {
    for (let earlier = 0; earlier < index; earlier++) {
      const other = pack.questions[earlier];
      if (other && similarity(words[earlier] as Set<string>, words[index] as Set<string>) >= NEAR_DUPLICATE_SIMILARITY) {
        const line = stemLine(texts.get(question.file) ?? '');
        warnings.push(problem(question.file, line, `the stem is nearly the same as the stem of ${other.id}: vary the scenario or remove one`, 'warning'));
        break;
      }
    }
  });
  return warnings;
}

export function keyIsLongest(question: Question): boolean {
  const key = question.options.find((option) => option.letter === question.answer);
  if (!key) return false;
  return question.options.every((option) => option === key || option.text.length < key.text.length);
}

export function keyIsShortest(question: Question): boolean {
  const key = question.options.find((option) => option.letter === question.answer);
  if (!key) return false;
  return question.options.every((option) => option === key || option.text.length > key.text.length);
}

export function keyPositions(questions: readonly Question[]): Record<(typeof OPTION_LETTERS)[number], number> {
  const counts = { A: 0, B: 0, C: 0, D: 0 };
  for (const question of questions) counts[question.answer]++;
  return counts;
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z']{3,}/g) ?? []);
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function optionLine(text: string, letter: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => new RegExp(`^###\\s*${letter}[.)]`).test(line));
  return index === -1 ? 1 : index + 1;
}

function stemLine(text: string): number {
  const lines = text.split(/\r?\n/);
  let fences = 0;
  for (let index = 0; index < lines.length; index++) {
    if (/^---\s*$/.test(lines[index] ?? '')) fences++;
    else if (fences >= 2 && lines[index]?.trim()) return index + 1;
  }
  return 1;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
