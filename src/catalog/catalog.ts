import { database } from '../db/database';
import { disabledPackIds, getImportedPack, listImportedPacks } from '../db/packs';
import type { Pack, Principle } from '../domain/content';
import type { QuestionRef } from '../domain/queue';
import {
  builtInPackLoaders,
  builtInPacks,
  importedPrincipleTitles,
  loadBuiltInPrinciples,
  loadBuiltInQuestionIndex,
  type PackSummary,
} from './builtIn';

export { blueprints, builtInPacks, principleIndex, principleTitle, type PackSummary, type PrincipleSummary } from './builtIn';

export interface PackListing extends PackSummary {
  source: 'built-in' | 'imported';
  enabled: boolean;
}
/** A question as the scheduler sees it: where it lives, what it rests on, and its wording's hash. */
export interface IndexedQuestion extends QuestionRef {
  contentHash: string;
}

const builtInIds = new Set(builtInPacks.map((pack) => pack.id));

function remember(principles: readonly Principle[]) {
  for (const principle of principles) importedPrincipleTitles.set(principle.id, principle.title);
}

const packCache = new Map<string, Promise<Pack | undefined>>();

export function loadPack(id: string): Promise<Pack | undefined> {
  let pending = packCache.get(id);
  if (!pending) {
    const load = Object.hasOwn(builtInPackLoaders, id) ? builtInPackLoaders[id] : undefined;
    pending = load
      ? load().then((module) => module.default)
      : getImportedPack(database(), id).then((stored) => {
          if (stored) remember(stored.principles);
          return stored?.pack;
        });
    // Imported packs change; only built-in ones are cached for the whole visit.
    if (load) packCache.set(id, pending);
  }
  return pending;
}

export async function listPacks(): Promise<PackListing[]> {
  const db = database();
  const [imported, disabled] = await Promise.all([listImportedPacks(db), disabledPackIds(db)]);
  for (const stored of imported) remember(stored.principles);
  return [
    ...builtInPacks.map((pack) => ({ ...pack, source: 'built-in' as const, enabled: !disabled.has(pack.id) })),
    ...imported.map(({ pack: { questions, ...meta } }) => ({ ...meta, questionCount: questions.length, source: 'imported' as const, enabled: !disabled.has(meta.id) })),
  ];
}

export function isBuiltInPack(id: string): boolean {
  return builtInIds.has(id);
}

export async function loadPrinciple(id: string): Promise<Principle | undefined> {
  const texts = await loadBuiltInPrinciples();
  const builtIn = texts.find((principle) => principle.id === id);
  if (builtIn) return builtIn;
  const imported = await listImportedPacks(database());
  return imported.flatMap((stored) => stored.principles).find((principle) => principle.id === id);
}

/** The principles every question may link to: the library's, for checking imported packs. */
export async function loadPrincipleLibrary(): Promise<Principle[]> {
  return loadBuiltInPrinciples();
}

/** Every question of the enabled packs in authored order, without its text. */
export async function loadQuestionIndex(): Promise<IndexedQuestion[]> {
  const db = database();
  const [index, imported, disabled] = await Promise.all([
    loadBuiltInQuestionIndex(),
    listImportedPacks(db),
    disabledPackIds(db),
  ]);
  const builtIn = Object.entries(index).flatMap(([packId, rows]) =>
    rows.map(([questionId, principleId, contentHash]) => ({ packId, questionId, principleId, contentHash })),
  );
  const fromImports = imported.flatMap(({ pack }) =>
    pack.questions.map((question) => ({ packId: pack.id, questionId: question.id, principleId: question.principles[0] ?? '', contentHash: question.contentHash })),
  );
  return [...builtIn, ...fromImports].filter((question) => !disabled.has(question.packId));
}
