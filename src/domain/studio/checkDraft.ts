import { compileContent, sortProblems } from '../content/compile';
import { lintContent } from '../content/lint';
import { importChecks, type ImportedPrinciples } from '../content/packFile';
import { principleSource } from '../content/source';
import type { CompileResult, Principle, Problem, SourceFile } from '../content/types';
import { draftPaths, draftSourceFiles, type Draft } from './draft';

/** The principles a draft may link to besides its own: the app's built-in ones and those imported packs brought. */
export interface StudioLibrary {
  builtIn: readonly Principle[];
  imported: readonly ImportedPrinciples[];
  builtInPackIds: readonly string[];
}

/** Every principle a draft may link to besides its own. */
export function libraryPrinciples(library: StudioLibrary): Principle[] {
  return [...library.builtIn, ...library.imported.flatMap((stored) => stored.principles)];
}

export interface DraftCheck {
  compiled: CompileResult;
  /** Every finding, on the paths the export uses. */
  problems: Problem[];
  /** Findings about each draft file, by the file's key. */
  byKey: Map<string, Problem[]>;
  /** Findings about the pack as a whole (the key's position, length and the other cues), shown beside the question list. */
  packWide: Problem[];
  errors: number;
  warnings: number;
  /** The files of the pack folder: the draft's, and the text of every library principle its questions link to. */
  exportFiles: SourceFile[];
  /** The same without the built-in principles, which every copy of the app has: what a share link carries. */
  shareFiles: SourceFile[];
}

/**
 * Checks a draft exactly as `content:check` checks the exported folder (the same files, the same
 * compiler and linter, so the same messages at the same lines), then as an import would: a
 * built-in pack's id or a principle id that means something else elsewhere stops an import.
 */
export function checkDraft(draft: Draft, library: StudioLibrary): DraftCheck {
  const files = draftSourceFiles(draft);
  const ownPrinciples = new Set(files.filter((file) => file.path.startsWith('principles/')).map((file) => file.path));
  const linked = new Set(linkedPrincipleIds(files));
  const builtIn = new Map(library.builtIn.map((principle) => [principle.id, principle]));
  const fromImports = new Map(library.imported.flatMap((stored) => stored.principles.map((principle) => [principle.id, principle] as const)));
  const libraryFiles: { file: SourceFile; builtIn: boolean }[] = [];
  for (const id of [...linked].sort()) {
    const path = `principles/${id}.md`;
    if (ownPrinciples.has(path)) continue;
    const principle = builtIn.get(id) ?? fromImports.get(id);
    if (principle) libraryFiles.push({ file: { path, text: principleSource(principle) }, builtIn: builtIn.has(id) });
  }
  const exportFiles = [...files, ...libraryFiles.map(({ file }) => file)];
  const compiled = compileContent(exportFiles);
  const lint = lintContent(compiled.packs, compiled.principles, exportFiles);
  const paths = draftPaths(draft);
  const packPath = paths.get('pack') as string;
  const packWide = lint.filter((item) => item.file === packPath);
  const { problems: importProblems } = importChecks(compiled, exportFiles, {
    principles: library.builtIn,
    packIds: library.builtInPackIds,
    imported: library.imported,
  });
  const keyOfPath = new Map([...paths].map(([key, path]) => [path, key]));
  // The app's principles ride along unchanged; while a question does not compile, the linter would
  // call them unlinked. Nothing about them is the author's to fix.
  const problems = sortProblems([...compiled.problems, ...lint, ...importProblems]).filter((item) => keyOfPath.has(item.file) || !item.file.startsWith('principles/'));
  const byKey = new Map<string, Problem[]>();
  for (const item of problems) {
    if (packWide.includes(item)) continue;
    const key = keyOfPath.get(item.file) ?? 'pack';
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  return {
    compiled,
    problems,
    byKey,
    packWide,
    errors: problems.filter((item) => item.severity === 'error').length,
    warnings: problems.filter((item) => item.severity === 'warning').length,
    exportFiles,
    shareFiles: [...files, ...libraryFiles.filter((entry) => !entry.builtIn).map(({ file }) => file)],
  };
}

/** Principle ids the questions link to, read from each file's `principles:` line even when the rest is broken. */
function linkedPrincipleIds(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => /^packs\/[^/]+\/[^/]+\.md$/.test(file.path))
    .flatMap((file) => {
      const line = /^principles:\s*\[([^\]]*)\]/m.exec(file.text)?.[1];
      if (line !== undefined) return line.split(',').map((id) => id.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
      const block = /^principles:\s*\n((?:\s+-.*\n?)+)/m.exec(file.text)?.[1] ?? '';
      return [...block.matchAll(/^\s+-\s*["']?([^"'\s#]+)/gm)].map((match) => match[1] as string);
    });
}
