import '../zodSetup';
import { z } from 'zod';
import { compileContentInSteps, lineOf } from './compile';
import { reportOn, type ContentReport } from './check';
import { ACCEPTED_FILES, guessFileKind, notAPackMessage } from './fileKind';
import { problem } from './frontMatter';
import type { CompileResult, Pack, Principle, Problem, SourceFile } from './types';

export const PACK_FILE_FORMAT = 'rapport-pack';
export const PACK_FILE_VERSION = 1;

/** Limits for packs from outside: big enough for any real pack, small enough to keep a phone responsive. */
export const IMPORT_LIMITS = {
  totalBytes: 10 * 1024 * 1024,
  fileBytes: 200 * 1024,
  files: 6000,
  questions: 5000,
} as const;

/**
 * A pack shared as one file: its source files as the instructor wrote them (pack.yaml, questions,
 * and the principles it links to), so importing it runs exactly the checks `content:check` runs.
 */
export interface PackFile {
  format: typeof PACK_FILE_FORMAT;
  formatVersion: number;
  id: string;
  title: string;
  version: string;
  files: SourceFile[];
}

export function buildPackFile(pack: Pick<Pack, 'id' | 'title' | 'version'>, files: readonly SourceFile[]): PackFile {
  return { format: PACK_FILE_FORMAT, formatVersion: PACK_FILE_VERSION, id: pack.id, title: pack.title, version: pack.version, files: [...files] };
}

/** The source files of one pack and the principles its questions link to, from a whole content folder. */
export function packSources(packId: string, files: readonly SourceFile[], pack: Pack, principles: readonly Principle[]): SourceFile[] {
  const linked = new Set(pack.questions.flatMap((question) => question.principles));
  const principleFiles = new Set(principles.filter((principle) => linked.has(principle.id)).map((principle) => principle.file));
  return files.filter((file) => file.path.startsWith(`packs/${packId}/`) || principleFiles.has(file.path));
}

const packFileSchema = z.object({
  format: z.literal(PACK_FILE_FORMAT),
  formatVersion: z.number().int(),
  files: z
    .array(z.strictObject({ path: z.string().min(1).max(300), text: z.string() }))
    .min(1)
    .max(IMPORT_LIMITS.files),
});

export interface ImportedPack {
  pack: Pack;
  /** Principles the pack brings that the library does not have. */
  principles: Principle[];
  files: SourceFile[];
}

export interface ImportOutcome extends Pick<ContentReport, 'problems'> {
  imported?: ImportedPack;
  /** The files could not be read as a pack at all (not a pack, damaged, from a newer app): nothing for an author to fix line by line. */
  unreadable?: boolean;
}

export type ImportInput = { kind: 'pack-file'; name: string; text: string } | { kind: 'sources'; files: { name: string; text: string }[] };

/** The source files of a pack file or of picked files, placed where the compiler expects them; or why they are not a pack. */
export function readImportSources(input: ImportInput): { files: SourceFile[] } | { problems: Problem[] } {
  return input.kind === 'pack-file' ? readPackFile(input.name, input.text) : arrangeSources(input.files);
}

/**
 * Checks a pack from outside the app and compiles it. Nothing here stores anything: the caller
 * stores the result only when it has no errors. Messages name the file and line as the author wrote them.
 */
export async function checkImport(
  input: ImportInput,
  library: ImportLibrary,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportOutcome> {
  const sources = readImportSources(input);
  if ('problems' in sources) return { problems: sources.problems, unreadable: true };
  const { files } = sources;
  const compiled = await compileContentInSteps(files, { knownPrinciples: library.principles }, onProgress);
  const { problems } = reportOn(compiled, files);
  const checks = importChecks(compiled, files, library);
  problems.unshift(...checks.problems);
  const pack = compiled.packs[0];
  if (!pack && !problems.some((item) => item.severity === 'error')) {
    problems.push(problem('pack.yaml', 1, 'no pack found: a pack needs a pack.yaml and at least one question file'));
  }
  if (!pack || problems.some((item) => item.severity === 'error')) return { problems };
  return { problems, imported: { pack, principles: checks.own, files } };
}

export interface ImportLibrary {
  principles: readonly Principle[];
  packIds: readonly string[];
  imported?: readonly ImportedPrinciples[];
}

/**
 * What an import checks beyond `content:check`, against what the app already holds: one pack at a
 * time, not a built-in pack's id, within the size limit, and no principle id with two texts. The
 * studio runs the same checks as the author types.
 */
export function importChecks(compiled: CompileResult, files: readonly SourceFile[], library: ImportLibrary): { problems: Problem[]; own: Principle[] } {
  const pack = compiled.packs[0];
  const clashes = principleClashes(compiled.principles, library, pack?.id);
  const problems = [...clashes.problems];
  if (compiled.packs.length > 1) {
    problems.unshift(problem(files[0]?.path ?? 'pack', 1, `these files hold ${compiled.packs.length} packs; import one pack at a time`));
  }
  if (pack && library.packIds.includes(pack.id)) {
    const packYaml = files.find((file) => file.path === `packs/${pack.id}/pack.yaml`);
    problems.unshift(problem(`packs/${pack.id}/pack.yaml`, lineOf(packYaml?.text ?? '', 'id'), `a built-in pack already uses the id "${pack.id}": give your pack another id`));
  }
  const questionCount = compiled.packs.reduce((sum, candidate) => sum + candidate.questions.length, 0);
  if (questionCount > IMPORT_LIMITS.questions) {
    problems.unshift(problem(files[0]?.path ?? 'pack', 1, `the pack has ${questionCount} questions; at most ${IMPORT_LIMITS.questions} can be imported`));
  }
  return { problems, own: clashes.own };
}

/** The principles another imported pack brought, to tell a shared principle from a clash. */
export interface ImportedPrinciples {
  packId: string;
  packTitle: string;
  principles: readonly Principle[];
}

/**
 * One principle id means one text everywhere. A pack's copy of a built-in principle is dropped
 * (the app shows its own, current text, and says so when the copy differs); a principle that
 * another imported pack brought with a different text stops the import, showing both texts.
 */
function principleClashes(
  principles: readonly Principle[],
  library: { principles: readonly Principle[]; imported?: readonly ImportedPrinciples[] },
  packId: string | undefined,
): { own: Principle[]; problems: Problem[] } {
  const builtIn = new Map(library.principles.map((principle) => [principle.id, principle]));
  const others = new Map<string, { principle: Principle; packTitle: string }>();
  for (const stored of library.imported ?? []) {
    if (stored.packId === packId) continue;
    for (const principle of stored.principles) others.set(principle.id, { principle, packTitle: stored.packTitle });
  }
  const own: Principle[] = [];
  const problems: Problem[] = [];
  for (const principle of principles) {
    const library = builtIn.get(principle.id);
    if (library) {
      if (!sameText(principle, library)) {
        problems.push(problem(principle.file, 1, `"${principle.id}" is a built-in principle, so the app shows its own text, not this file's: ${bothTexts(library, 'the app', principle)}. Give this principle another id if it says something else`, 'warning'));
      }
      continue;
    }
    const other = others.get(principle.id);
    if (other && !sameText(principle, other.principle)) {
      problems.push(problem(principle.file, 1, `the pack "${other.packTitle}" already brought a principle "${principle.id}" with a different text: ${bothTexts(other.principle, `"${other.packTitle}"`, principle)}. Give one of them another id, or use the same text in both packs`));
      continue;
    }
    own.push(principle);
  }
  return { own, problems };
}

function sameText(a: Principle, b: Principle): boolean {
  return a.title === b.title && a.summary === b.summary && a.body.trim() === b.body.trim();
}

function bothTexts(existing: Principle, where: string, incoming: Principle): string {
  const describe = (principle: Principle) => `"${principle.title}" (${principle.summary}) ${excerpt(principle.body)}`;
  return `in ${where}: ${describe(existing)}; in this pack: ${describe(incoming)}`;
}

function excerpt(body: string): string {
  const words = body.replace(/[#*_`>]/g, '').split(/\s+/).filter(Boolean);
  return `"${words.slice(0, 30).join(' ')}${words.length > 30 ? '…' : ''}"`;
}

function readPackFile(name: string, text: string): { files: SourceFile[] } | { problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problems: [problem(name, 1, `${name} is not a Rapport pack: it is not valid JSON. ${ACCEPTED_FILES}`)] };
  }
  const parsed = packFileSchema.safeParse(data);
  if (!parsed.success) {
    const format = (data as { format?: unknown } | null)?.format;
    if (format !== PACK_FILE_FORMAT) return { problems: [problem(name, 1, notAPackMessage(name, guessFileKind(name, text)))] };
    const issue = parsed.error.issues[0];
    return { problems: [problem(name, 1, `this pack file is damaged at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'unexpected content'}`)] };
  }
  if (parsed.data.formatVersion > PACK_FILE_VERSION) {
    return { problems: [problem(name, 1, `this pack was made by a newer version of Rapport (format ${parsed.data.formatVersion}); update the app to import it`)] };
  }
  const unsafe = parsed.data.files.find((file) => !/^(packs\/[a-z0-9-]+\/[^/]+|principles\/[^/]+)$/.test(file.path));
  if (unsafe) return { problems: [problem(name, 1, `this pack file names an unexpected file, "${unsafe.path}"`)] };
  const oversized = parsed.data.files.find((file) => file.text.length > IMPORT_LIMITS.fileBytes);
  if (oversized) {
    return { problems: [problem(oversized.path, 1, `this file is ${Math.round(oversized.text.length / 1024)} KB; a question or principle can be at most ${IMPORT_LIMITS.fileBytes / 1024} KB`)] };
  }
  return { files: parsed.data.files };
}

/**
 * Files picked from a pack's folder (or several loose files) placed where the compiler expects
 * them: pack.yaml and questions under packs/<id>/, files from a principles/ folder under principles/.
 */
function arrangeSources(picked: { name: string; text: string }[]): { files: SourceFile[] } | { problems: Problem[] } {
  const base = (name: string) => name.split('/').at(-1) ?? name;
  const packYaml = picked.find((file) => /^pack\.ya?ml$/.test(base(file.name)));
  if (!packYaml) {
    const [single] = picked;
    const kind = single && picked.length === 1 ? guessFileKind(single.name, single.text) : 'pack-source';
    if (single && kind !== 'pack-source') return { problems: [problem(single.name, 1, notAPackMessage(single.name, kind))] };
    return { problems: [problem('pack.yaml', 1, `no pack.yaml among the files: choose the pack’s whole folder, or include its pack.yaml. ${ACCEPTED_FILES}`)] };
  }
  const id = /^id:\s*["']?([a-z0-9-]+)/m.exec(packYaml.text)?.[1] ?? 'pack';
  const files = picked
    .filter((file) => /\.(md|ya?ml)$/i.test(file.name))
    .map((file) => {
      const name = base(file.name);
      const inPrinciples = /(^|\/)principles\/[^/]+$/.test(file.name);
      return { path: inPrinciples ? `principles/${name}` : `packs/${id}/${name}`, text: file.text };
    });
  return { files };
}

/** Compares two MAJOR.MINOR.PATCH versions: negative when `a` is older than `b`. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map((part) => Number(part) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let index = 0; index < Math.max(x.length, y.length); index++) {
    const difference = (x[index] ?? 0) - (y[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
