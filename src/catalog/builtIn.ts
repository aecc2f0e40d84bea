import * as catalog from 'virtual:rapport/catalog';
import type { Blueprint, Pack, PackMeta, Principle, QuestionFacts } from '../domain/content';

export interface PackSummary extends PackMeta {
  questionCount: number;
}
export type PrincipleSummary = Pick<Principle, 'id' | 'title' | 'summary'>;

/**
 * The packs and principles compiled from content/ at build time. No database here: the home
 * screen needs only this on first load.
 */
export const builtInPacks = catalog.packs as PackSummary[];
export const principleIndex = catalog.principles as PrincipleSummary[];
export const blueprints = catalog.blueprints as Blueprint[];
export const builtInPackLoaders = catalog.packLoaders as Record<string, () => Promise<{ default: Pack }>>;
export const loadBuiltInPrinciples = async () => (await catalog.loadPrincipleTexts()).default as Principle[];
/** Each built-in question's facts, with its number of options. */
export const loadBuiltInQuestionIndex = async () => (await catalog.loadQuestionIndex()).default as Record<string, (QuestionFacts & { options: number })[]>;

/** The built-in packs as the pack lists show them: each enabled unless the candidate turned it off. */
export function builtInListings(disabled: ReadonlySet<string> = new Set()): (PackSummary & { source: 'built-in'; enabled: boolean })[] {
  return builtInPacks.map((pack) => ({ ...pack, source: 'built-in' as const, enabled: !disabled.has(pack.id) }));
}

/** Titles of principles brought by imported packs, learnt as those packs load. */
export const importedPrincipleTitles = new Map<string, string>();

export function principleTitle(id: string): string {
  return principleIndex.find((principle) => principle.id === id)?.title ?? importedPrincipleTitles.get(id) ?? id;
}
