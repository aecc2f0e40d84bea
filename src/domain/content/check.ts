import { compileContent, sortProblems, type CompileOptions } from './compile';
import { keyIsLongest, keyIsShortest, keyPositions, lintContent } from './lint';
import { shortcutRates, type ShortcutFeature, type ShortcutRate } from './shortcuts';
import type { CompileResult, Problem, Question, SourceFile } from './types';
import { plural } from '../format';
import { idTable } from '../ids';

export interface ContentCounts {
  principles: number;
  questions: number;
  packs: number;
  errors: number;
  warnings: number;
}

export interface ContentReport {
  counts: ContentCounts;
  problems: Problem[];
  perPack: Record<
    string,
    {
      title: string;
      questions: number;
      keyPositions: Record<string, number>;
      keyIsLongest: number;
      keyIsShortest: number;
      difficulty: Record<string, number>;
      perOptionCount: Record<string, number>;
      shortcuts: ShortcutSummary[];
    }
  >;
  perPrinciple: Record<string, number>;
  perArea: Record<string, number>;
  perQualifier: Record<string, number>;
  /** Items by how many options they have: "3" and "4". */
  perOptionCount: Record<string, number>;
  /** Each shortcut feature's rate over the whole content folder, against chance. */
  shortcuts: ShortcutSummary[];
}

export interface ShortcutSummary {
  feature: ShortcutFeature;
  /** Percent of items where the feature picks the key, against percent by chance; excess in points. */
  rate: number;
  chance: number;
  excess: number;
}

/** Compiles, lints and counts: everything `content:check` reports, for any caller. */
export function checkContent(files: readonly SourceFile[], options: CompileOptions = {}): ContentReport & { compiled: CompileResult } {
  return reportOn(compileContent(files, options), files);
}

/** Lints and counts content that is already compiled. */
export function reportOn(compiled: CompileResult, files: readonly SourceFile[]): ContentReport & { compiled: CompileResult } {
  const problems = sortProblems([...compiled.problems, ...lintContent(compiled.packs, compiled.principles, files)]);
  const questions = compiled.packs.flatMap((pack) => pack.questions);
  const perPrinciple = idTable<number>();
  for (const principle of compiled.principles) perPrinciple[principle.id] = 0;
  for (const question of questions) for (const id of question.principles) perPrinciple[id] = (perPrinciple[id] ?? 0) + 1;
  return {
    compiled,
    problems,
    counts: {
      principles: compiled.principles.length,
      questions: questions.length,
      packs: compiled.packs.length,
      errors: problems.filter((item) => item.severity === 'error').length,
      warnings: problems.filter((item) => item.severity === 'warning').length,
    },
    perPack: Object.fromEntries(
      compiled.packs.map((pack) => [
        pack.id,
        {
          title: pack.title,
          questions: pack.questions.length,
          keyPositions: keyPositions(pack.questions),
          keyIsLongest: pack.questions.filter(keyIsLongest).length,
          keyIsShortest: pack.questions.filter(keyIsShortest).length,
          difficulty: tally(pack.questions.map((question) => String(question.difficulty))),
          perOptionCount: optionCounts(pack.questions),
          shortcuts: shortcutRates(pack.questions, questions).map(summarise),
        },
      ]),
    ),
    perPrinciple,
    perArea: tally(questions.map((question) => question.area)),
    perQualifier: tally(questions.map((question) => question.qualifier)),
    perOptionCount: optionCounts(questions),
    shortcuts: shortcutRates(questions).map(summarise),
  };
}

export function summaryLine(counts: ContentCounts): string {
  return `content: ${plural(counts.principles, 'principle')}, ${plural(counts.questions, 'question')} in ${plural(counts.packs, 'pack')}, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}

function tally(values: readonly string[]): Record<string, number> {
  const counts = idTable<number>();
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function optionCounts(questions: readonly Question[]): Record<string, number> {
  return tally(questions.map((question) => String(question.options.length)));
}

function summarise(rate: ShortcutRate): ShortcutSummary {
  const points = (share: number) => Math.round(share * 1000) / 10;
  return { feature: rate.feature, rate: points(rate.rate), chance: points(rate.chance), excess: points(rate.rate - rate.chance) };
}
