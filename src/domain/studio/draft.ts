import { nextQuestionId, questionTemplate } from '../content/authoring';
import { packYamlSource, principleSource } from '../content/source';
import { parseYaml } from '../content/yamlSource';
import { parsePrinciple } from '../content/principle';
import type { PackMeta, Principle, SourceFile } from '../content/types';
import { setYamlFields } from './fieldForms';

/**
 * A pack being written in the studio: the text of its files, as an instructor would keep them in a
 * folder. Paths follow from the ids in the files (`packs/<pack id>/<question id>.md`,
 * `principles/<id>.md`), so renaming an id in the form renames its file, and what is checked is
 * exactly what is exported. Questions come in the order pack.yaml's `order` gives, as the checker
 * and the app read it.
 */

export type DraftFileKind = 'pack' | 'question' | 'principle';

export interface DraftFile {
  /** Stable while the file's id changes: the editor's selection and the list's keys. */
  key: string;
  kind: DraftFileKind;
  text: string;
}

export interface Draft {
  id: string;
  /** Where the draft began, in words: "New pack", "Copy of the built-in pack …", "Imported from ….rapport.json". */
  origin: string;
  files: DraftFile[];
  /** What an importer of a GIFT or CSV file skipped or could not read, at that file's lines, until the author dismisses them. */
  importNotes?: string[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewPackFields = Pick<PackMeta, 'title' | 'description' | 'version' | 'authors'> & { licence?: string | undefined; id?: string | undefined };

/** A lower-case id from a title: "Trust & rapport, part 2" → "trust-rapport-part-2". */
export function idFromTitle(title: string): string {
  const id = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || 'my-pack';
}

export function newDraft(id: string, fields: NewPackFields, now: Date): Draft {
  const meta: PackMeta = {
    id: fields.id || idFromTitle(fields.title),
    title: fields.title,
    version: fields.version,
    description: fields.description,
    authors: fields.authors,
    ...(fields.licence ? { licence: fields.licence } : {}),
  };
  return { id, origin: 'New pack', files: [{ key: 'pack', kind: 'pack', text: packYamlSource(meta) }], createdAt: now, updatedAt: now };
}

/**
 * A draft from the files of a pack (a pack file, a zip, a pack in the app). Principles the app
 * already has with the same text are left out: the export adds them back from the app's library.
 */
export function draftFromFiles(id: string, origin: string, files: readonly SourceFile[], library: readonly Principle[], now: Date): Draft {
  const known = new Map(library.map((principle) => [principle.id, principle]));
  const draftFiles: DraftFile[] = [];
  let count = 0;
  const pack = files.find((file) => /^packs\/[^/]+\/pack\.ya?ml$/.test(file.path));
  if (pack) draftFiles.push({ key: 'pack', kind: 'pack', text: pack.text });
  else draftFiles.push({ key: 'pack', kind: 'pack', text: packYamlSource({ id: 'my-pack', title: 'My pack', version: '1.0.0', description: 'Describe the pack here.', authors: ['You'] }) });
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (file === pack) continue;
    if (/^packs\/[^/]+\/[^/]+\.md$/.test(file.path)) draftFiles.push({ key: `f${++count}`, kind: 'question', text: file.text });
    else if (/^principles\/[^/]+\.md$/.test(file.path)) {
      const { principle } = parsePrinciple(file.path, file.text);
      const inLibrary = principle && known.get(principle.id);
      if (principle && inLibrary && sameText(principle, inLibrary)) continue;
      draftFiles.push({ key: `f${++count}`, kind: 'principle', text: file.text });
    }
  }
  return { id, origin, files: draftFiles, createdAt: now, updatedAt: now };
}

function sameText(a: Principle, b: Principle): boolean {
  return a.title === b.title && a.summary === b.summary && a.body.trim() === b.body.trim();
}

/** The id a file declares, read line by line so it is found even when the rest of the file is broken. */
export function readId(text: string): string | undefined {
  const match = /^id:\s*["']?([^"'\s#]+)["']?\s*(?:#.*)?$/m.exec(text);
  return match?.[1];
}

export function packFile(draft: Draft): DraftFile {
  const found = draft.files.find((file) => file.kind === 'pack');
  if (!found) throw new Error('a draft always has a pack.yaml');
  return found;
}

export function packIdOf(draft: Draft): string {
  return readId(packFile(draft).text) ?? 'my-pack';
}

/** The pack's title as far as it can be read, for lists and headings. */
export function draftTitle(draft: Draft): string {
  const data = parseYaml(packFile(draft).text, { file: 'pack.yaml', lineOffset: 0 }).data as { title?: unknown } | undefined;
  return typeof data?.title === 'string' && data.title.trim() ? data.title.trim() : packIdOf(draft);
}

/** Each file's path, unique: a second file with the same id gets a numbered name, and the checker reports the repeated id. */
export function draftPaths(draft: Draft): Map<string, string> {
  const packId = packIdOf(draft);
  const paths = new Map<string, string>();
  const taken = new Set<string>();
  for (const file of draft.files) {
    const name = file.kind === 'pack' ? 'pack' : (readId(file.text) ?? file.key);
    const base = file.kind === 'pack' ? `packs/${packId}/pack.yaml` : file.kind === 'question' ? `packs/${packId}/${name}.md` : `principles/${name}.md`;
    let path = base;
    for (let copy = 2; taken.has(path); copy++) path = base.replace(/(\.\w+)$/, `-${copy}$1`);
    taken.add(path);
    paths.set(file.key, path);
  }
  return paths;
}

export function draftSourceFiles(draft: Draft): SourceFile[] {
  const paths = draftPaths(draft);
  return draft.files.map((file) => ({ path: paths.get(file.key) as string, text: file.text }));
}

/** pack.yaml's `order`, when it can be read. */
function readOrder(draft: Draft): string[] | undefined {
  const data = parseYaml(packFile(draft).text, { file: 'pack.yaml', lineOffset: 0 }).data as { order?: unknown } | undefined;
  return Array.isArray(data?.order) ? data.order.map(String) : undefined;
}

/** Whether the pack.yaml can be read, so the studio may write `order` into it. */
export function canReorder(draft: Draft): boolean {
  const yaml = parseYaml(packFile(draft).text, { file: 'pack.yaml', lineOffset: 0 });
  return yaml.problems.length === 0 && yaml.data !== null && typeof yaml.data === 'object' && !Array.isArray(yaml.data);
}

/** The questions in the order candidates meet them: `order` first, then the rest by file name, as the checker orders them. */
export function questionsInOrder(draft: Draft): DraftFile[] {
  const paths = draftPaths(draft);
  const questions = draft.files.filter((file) => file.kind === 'question').sort((a, b) => (paths.get(a.key) as string).localeCompare(paths.get(b.key) as string));
  const order = readOrder(draft);
  if (!order) return questions;
  const listed: DraftFile[] = [];
  for (const id of order) {
    const found = questions.find((file) => readId(file.text) === id && !listed.includes(file));
    if (found) listed.push(found);
  }
  return [...listed, ...questions.filter((file) => !listed.includes(file))];
}

export function principlesOf(draft: Draft): DraftFile[] {
  return draft.files.filter((file) => file.kind === 'principle');
}

function withFiles(draft: Draft, files: DraftFile[], now: Date): Draft {
  return { ...draft, files, updatedAt: now };
}

/**
 * The draft with its questions in this order. `order` is written only when it differs from the
 * file-name order, so a pack whose ids already run in order keeps a plain pack.yaml.
 */
export function arrangeQuestions(draft: Draft, keys: readonly string[], now: Date): Draft {
  const byKey = new Map(draft.files.map((file) => [file.key, file]));
  const ids = keys.map((key) => readId(byKey.get(key)?.text ?? '') ?? '');
  const byName = [...ids].sort((a, b) => `${a}.md`.localeCompare(`${b}.md`));
  const needed = ids.some((id, index) => id !== byName[index]);
  const pack = packFile(draft);
  const hasOrder = readOrder(draft) !== undefined;
  if (!needed && !hasOrder) return draft;
  const text = `${setYamlFields(pack.text, { order: needed ? ids : undefined })}\n`;
  return withFiles(
    draft,
    draft.files.map((file) => (file === pack ? { ...file, text } : file)),
    now,
  );
}

/** A new file's key, unique in the draft. */
function nextKey(draft: Draft): string {
  const highest = Math.max(0, ...draft.files.map((file) => Number(/^f(\d+)$/.exec(file.key)?.[1] ?? 0)));
  return `f${highest + 1}`;
}

function questionIds(draft: Draft): string[] {
  return draft.files.filter((file) => file.kind === 'question').flatMap((file) => readId(file.text) ?? []);
}

/** Adds a question (a new one from the template, or `text`) after `afterKey`, or at the end. */
export function addQuestion(draft: Draft, now: Date, options: { text?: (id: string) => string; afterKey?: string } = {}): { draft: Draft; key: string } {
  const id = nextQuestionId(packIdOf(draft), questionIds(draft));
  const key = nextKey(draft);
  const file: DraftFile = { key, kind: 'question', text: (options.text ?? questionTemplate)(id) };
  const order = questionsInOrder(draft).map((question) => question.key);
  const at = options.afterKey ? order.indexOf(options.afterKey) + 1 : order.length;
  const keys = [...order.slice(0, at || order.length), key, ...order.slice(at || order.length)];
  return { draft: arrangeQuestions(withFiles(draft, [...draft.files, file], now), keys, now), key };
}

/** A copy of a question with the next free id, placed right after it. */
export function duplicateQuestion(draft: Draft, key: string, now: Date): { draft: Draft; key: string } {
  const original = draft.files.find((file) => file.key === key);
  if (!original) return { draft, key };
  return addQuestion(draft, now, { afterKey: key, text: (id) => original.text.replace(/^id:.*$/m, `id: ${id}`) });
}

/** A copy of one of the pack's own principles under a new id (`<id>-copy`), to rework into another. */
export function duplicatePrinciple(draft: Draft, key: string, now: Date): { draft: Draft; key: string } {
  const original = draft.files.find((file) => file.key === key && file.kind === 'principle');
  if (!original) return { draft, key };
  const taken = new Set(draft.files.flatMap((file) => readId(file.text) ?? []));
  const base = `${readId(original.text) ?? 'principle'}-copy`;
  let id = base;
  for (let count = 2; taken.has(id); count++) id = `${base}-${count}`;
  const copy: DraftFile = { key: nextKey(draft), kind: 'principle', text: original.text.replace(/^id:.*$/m, `id: ${id}`) };
  return { draft: withFiles(draft, [...draft.files, copy], now), key: copy.key };
}

export function moveQuestion(draft: Draft, key: string, by: number, now: Date): Draft {
  const order = questionsInOrder(draft).map((question) => question.key);
  const from = order.indexOf(key);
  const to = Math.min(order.length - 1, Math.max(0, from + by));
  if (from === -1 || from === to) return draft;
  order.splice(to, 0, ...order.splice(from, 1));
  return arrangeQuestions(draft, order, now);
}

export function deleteFile(draft: Draft, key: string, now: Date): Draft {
  const file = draft.files.find((candidate) => candidate.key === key);
  if (!file || file.kind === 'pack') return draft;
  const remaining = withFiles(
    draft,
    draft.files.filter((candidate) => candidate !== file),
    now,
  );
  if (file.kind !== 'question') return remaining;
  return arrangeQuestions(
    remaining,
    questionsInOrder(remaining).map((question) => question.key),
    now,
  );
}

/**
 * A file's new text. A question whose id changed keeps its place: its old id in `order` is
 * replaced by the new one.
 */
export function updateFile(draft: Draft, key: string, text: string, now: Date): Draft {
  const file = draft.files.find((candidate) => candidate.key === key);
  if (!file || file.text === text) return draft;
  const before = file.kind === 'question' ? questionsInOrder(draft).map((question) => question.key) : undefined;
  const updated = withFiles(
    draft,
    draft.files.map((candidate) => (candidate === file ? { ...candidate, text } : candidate)),
    now,
  );
  if (!before || readId(file.text) === readId(text) || !readOrder(draft) || !canReorder(draft)) return updated;
  return arrangeQuestions(updated, before, now);
}

/** A new principle of the pack's own, linked from nowhere yet. */
export function addPrinciple(draft: Draft, principle: { id: string; title: string }, now: Date): { draft: Draft; key: string } {
  const key = nextKey(draft);
  const text = principleSource({
    id: principle.id,
    title: principle.title,
    // Left empty, so the checker asks for each until the author has written it.
    summary: '',
    sources: [],
    body: '',
  });
  return { draft: withFiles(draft, [...draft.files, { key, kind: 'principle', text }], now), key };
}
