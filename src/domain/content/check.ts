import { compileContent, sortProblems, type CompileOptions } from './compile';
import { keyIsLongest, keyIsShortest, keyPositions, lintContent } from './lint';
import type { CompileResult, Problem, SourceFile } from './types';
import { plural } from '../counts';

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
  perPack: Record<string, { title: string; questions: number; keyPositions: Record<string, number>; keyIsLongest: number; keyIsShortest: number; difficulty: Record<string, number> }>;
  perPrinciple: Record<string, number>;
  perArea: Record<string, number>;
  perQualifier: Record<string, number>;
}

/** Compiles, lints and counts: everything `content:check` reports, for any caller. */
export function checkContent(files: readonly SourceFile[], options: CompileOptions = {}): ContentReport & { compiled: CompileResult } {
  return reportOn(compileContent(files, options), files);
}

/** Lints and counts content that is already compiled. */
export function reportOn(compiled: CompileResult, files: readonly SourceFile[]): ContentReport & { compiled: CompileResult } {
  const problems = sortProblems([...compiled.problems, ...lintContent(compiled.packs, compiled.principles, files)]);
  const questions = compiled.packs.flatMap((pack) => pack.questions);
  const perPrinciple: Record<string, number> = Object.fromEntries(compiled.principles.map((principle) => [principle.id, 0]));
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
        },
      ]),
    ),
    perPrinciple,
    perArea: tally(questions.map((question) => question.area)),
    perQualifier: tally(questions.map((question) => question.qualifier)),
  };
}

export function summaryLine(counts: ContentCounts): string {
  return `content: ${plural(counts.principles, 'principle')}, ${plural(counts.questions, 'question')} in ${plural(counts.packs, 'pack')}, ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
