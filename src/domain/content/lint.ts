import { problem } from './frontMatter';
import type { Pack, Principle, Problem, Question, SourceFile } from './types';
import { isShortcut, SHORTCUT_FEATURES, shortcutRates } from './shortcuts';
import { OPTION_LETTERS } from './vocabulary';

/** Below this many questions, rates say little: a small pack is warned only when a cue holds in every question. */
export const SMALLEST_PACK_FOR_BALANCE = 8;
const ABSOLUTE_WORDS = /\b(always|never|all|only|none|every|must)\b/i;
const CATCH_ALL_OPTION = /\b(all|none) of the above\b|\bboth [A-D] and [A-D]\b|\b[A-D] and [A-D] only\b|\bneither [A-D] nor [A-D]\b/i;
// Share of distinct words two stems have in common (Jaccard); the first bank's retold scenarios scored 0.33-0.36.
const NEAR_DUPLICATE_SIMILARITY = 0.33;

/** Item-writing warnings from the content guide. They never block a build; they point at cues a candidate could exploit. */
export function lintContent(packs: readonly Pack[], principles: readonly Principle[], files: readonly SourceFile[]): Problem[] {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const warnings: Problem[] = [];
  const bank = packs.flatMap((pack) => pack.questions);
  for (const pack of packs) {
    const packFile = `packs/${pack.id}/pack.yaml`;
    for (const question of pack.questions) warnings.push(...lintQuestion(question, texts.get(question.file) ?? ''));
    warnings.push(...lintKeyCues(pack, packFile, bank, texts));
  }
  warnings.push(...lintNearDuplicates(bank, texts));
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

function lintKeyCues(pack: Pack, packFile: string, bank: readonly Question[], texts: Map<string, string>): Problem[] {
  const count = pack.questions.length;
  const warnings: Problem[] = [];
  if (count < SMALLEST_PACK_FOR_BALANCE) {
    // Too few items for rates to mean much, but a key that is always the longest is a cue at any size.
    if (count >= 3 && pack.questions.every(keyIsLongest)) {
      warnings.push(problem(packFile, 1, `the best answer is the longest option in all ${count} questions: vary which option is longest, so length is no clue`, 'warning'));
    }
    return warnings;
  }
  for (const rate of shortcutRates(pack.questions, bank)) {
    if (!isShortcut(rate)) continue;
    const worst = rate.giveaways
      .slice(0, 5)
      .map(({ question }) => `${question.id} (${question.file}:${keyPosition(question, texts.get(question.file) ?? '')})`)
      .join(', ');
    warnings.push(
      problem(
        packFile,
        1,
        `shortcut around the stem: ${SHORTCUT_FEATURES[rate.feature]} finds the best answer in ${percent(rate.rate)} of ${count} questions, against ${percent(rate.chance)} by chance (+${Math.round((rate.rate - rate.chance) * 100)} points). Most telling: ${worst}. See "Shortcuts around the stem" in docs/authoring.md`,
        'warning',
      ),
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

/** Stems are compared across every pack: a scenario told twice is a duplicate wherever it sits. */
function lintNearDuplicates(questions: readonly Question[], texts: Map<string, string>): Problem[] {
  const warnings: Problem[] = [];
  const vocabulary = new Map<string, number>();
  const words = questions.map((question) => sortedWordIds(question.stem, vocabulary));
  questions.forEach((question, index) => {
    for (let earlier = 0; earlier < index; earlier++) {
      const other = questions[earlier] as Question;
      if (similarity(words[earlier] as Int32Array, words[index] as Int32Array) >= NEAR_DUPLICATE_SIMILARITY) {
        const line = stemLine(texts.get(question.file) ?? '');
        const where = other.file.split('/')[1] === question.file.split('/')[1] ? other.id : `${other.id} (${other.file})`;
        warnings.push(problem(question.file, line, `the stem is nearly the same as the stem of ${where}: vary the scenario or remove one`, 'warning'));
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

function sortedWordIds(text: string, vocabulary: Map<string, number>): Int32Array {
  const ids = new Set<number>();
  for (const word of text.toLowerCase().match(/[a-z']{3,}/g) ?? []) {
    let id = vocabulary.get(word);
    if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
    ids.add(id);
  }
  return Int32Array.from(ids).sort();
}

/** Jaccard similarity of two sorted sets of word ids. */
function similarity(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** `line:column` of the key's text, where a fix would start. */
function keyPosition(question: Question, text: string): string {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => new RegExp(`^###\\s*${question.answer}[.)]`).test(line));
  if (index === -1) return '1:1';
  const heading = /^###\s*[A-D][.)]\s*/.exec(lines[index] as string)?.[0] ?? '';
  return `${index + 1}:${heading.length + 1}`;
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
