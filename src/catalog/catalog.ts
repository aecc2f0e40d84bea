import { database } from '../db/database';
import type { BriefListing } from '../db/derived';
import type { StoredPack } from '../db/packs';
import { disabledPackIds, getImportedPack, importedQuestions, listImportedPacks, readBriefListings } from '../db/packs';
import type { ContentArea, Pack, Principle } from '../domain/content';
import { principlesAt, toFactColumns, type FactColumns, type PackFacts } from '../domain/content/facts';
import { questionIdsByPack, type QuestionRef } from '../domain/queue';
import {
  builtInListings,
  builtInPackLoaders,
  builtInPacks,
  importedPrincipleTitles,
  loadBuiltInPrinciples,
  loadBuiltInQuestionIndex,
  principleIndex,
  type PackSummary,
  type PrincipleSummary,
} from './builtIn';

export { blueprints, builtInPacks, principleIndex, principleTitle, type PackSummary, type PrincipleSummary } from './builtIn';

export interface PackListing extends PackSummary {
  source: 'built-in' | 'imported';
  enabled: boolean;
}
/** A question as the scheduler and the statistics see it: where it lives, what it rests on, its area and its wording's hash. */
export interface IndexedQuestion extends QuestionRef {
  principles: string[];
  area: ContentArea;
  contentHash: string;
}

const builtInIds = new Set(builtInPacks.map((pack) => pack.id));

function remember(principles: readonly Pick<Principle, 'id' | 'title'>[]) {
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
          if (stored) remember(stored.listing.principles);
          return stored?.pack;
        });
    // Imported packs change; only built-in ones are cached for the whole visit.
    if (load) packCache.set(id, pending);
  }
  return pending;
}

/**
 * The packs of these questions, each holding only the questions asked for (all of a built-in
 * pack): a session reads a few questions of a large imported pack, not the whole pack.
 */
export async function loadPacksHolding(items: readonly { packId: string; questionId: string }[], from?: Promise<Catalog<BriefListing>>): Promise<Map<string, Pack>> {
  const db = database();
  // A listing holds 1,000 questions' facts: a caller that has read the catalog already need not read them again.
  const listings = from?.then(({ imported }) => new Map(imported.map((stored) => [stored.id, stored])));
  const packs = await Promise.all(
    [...questionIdsByPack(items)].map(async ([packId, questionIds]): Promise<Pack | undefined> => {
      if (isBuiltInPack(packId)) return loadPack(packId);
      const listing = listings ? (await listings).get(packId) : await db.importedPacks.get(packId);
      if (!listing) return undefined;
      remember(listing.principles);
      return { ...listing.meta, questions: await importedQuestions(db, packId, questionIds) };
    }),
  );
  return new Map(packs.filter((pack): pack is Pack => pack !== undefined).map((pack) => [pack.id, pack]));
}

/** The imported packs' listings and the packs turned off: what the pack list and the question index both start from. */
export interface Catalog<Listing extends BriefListing> {
  imported: Listing[];
  disabled: Set<string>;
}
export type ImportedCatalog = Catalog<StoredPack>;

async function readCatalog<Listing extends BriefListing>(listings: Promise<Listing[]>): Promise<Catalog<Listing>> {
  const [imported, disabled] = await Promise.all([listings, disabledPackIds(database())]);
  for (const stored of imported) remember(stored.principles);
  return { imported, disabled };
}

export function readImportedCatalog(): Promise<ImportedCatalog> {
  return readCatalog(listImportedPacks(database()));
}

/** The imported packs in brief, read from one row: enough for home and to plan a study session. */
export function readBriefCatalog(): Promise<Catalog<BriefListing>> {
  return readCatalog(readBriefListings(database()));
}

/** Every pack, built-in first; pass a catalog already read to avoid reading it twice. */
export async function listPacks(from?: Promise<Catalog<BriefListing>>): Promise<PackListing[]> {
  const { imported, disabled } = await (from ?? readImportedCatalog());
  return [
    ...builtInListings(disabled),
    ...imported.map(({ meta, facts }) => ({ ...meta, questionCount: facts.ids.length, source: 'imported' as const, enabled: !disabled.has(meta.id) })),
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

/** Every principle: the library's, then those only imported packs bring. */
export function withImportedPrinciples(imported: readonly StoredPack[]): PrincipleSummary[] {
  const principles = [...principleIndex];
  const known = new Set(principles.map((principle) => principle.id));
  for (const { id, title, summary } of imported.flatMap((stored) => stored.principles)) {
    // principleTitle() reads these, so links in questions of imported packs show titles.
    importedPrincipleTitles.set(id, title);
    if (known.has(id)) continue;
    known.add(id);
    principles.push({ id, title, summary });
  }
  return principles;
}

/** The question facts of the enabled packs (or of all packs), built-in first, without making an object per question. */
export function loadQuestionColumns(options: { includeDisabled?: boolean } = {}, from?: Promise<ImportedCatalog>): Promise<PackFacts[]> {
  return columnsOf(from ?? readImportedCatalog(), options.includeDisabled ?? false);
}

async function columnsOf<Facts extends BriefListing['facts']>(from: Promise<Catalog<BriefListing & { facts: Facts }>>, includeDisabled: boolean): Promise<{ packId: string; facts: Facts | FactColumns }[]> {
  const [index, { imported, disabled }] = await Promise.all([loadBuiltInQuestionIndex(), from]);
  const packs = [...Object.entries(index).map(([packId, questions]) => ({ packId, facts: toFactColumns(questions) })), ...imported.map((stored) => ({ packId: stored.id, facts: stored.facts }))];
  return packs.filter(({ packId }) => includeDisabled || !disabled.has(packId));
}

/** Question ids and principles of the enabled packs, built-in first: what a study queue and home's counts need. */
export function loadStudyColumns(from: Promise<Catalog<BriefListing>>): Promise<{ packId: string; facts: BriefListing['facts'] }[]> {
  return columnsOf(from, false);
}

/** Every question of the enabled packs (or of all packs) in authored order, without its text. */
export async function loadQuestionIndex(options: { includeDisabled?: boolean } = {}, from?: Promise<ImportedCatalog>): Promise<IndexedQuestion[]> {
  return (await loadQuestionColumns(options, from)).flatMap(({ packId, facts }) =>
    facts.ids.map((questionId, index) => {
      const principles = principlesAt(facts, index);
      return { packId, questionId, principleId: principles[0] ?? '', principles, area: facts.areas[index] as ContentArea, contentHash: facts.hashes[index] ?? '' };
    }),
  );
}
