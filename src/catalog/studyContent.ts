import { database } from '../db/database';
import { importedQuestions } from '../db/packs';
import type { Pack } from '../domain/content';
import { builtInPacks, type PrincipleSummary } from './builtIn';
import { loadPack, readImportedCatalog, withImportedPrinciples } from './catalog';

export interface StudyContent {
  /** The enabled packs with all their questions: built-in first, then imported, as the pack list orders them. */
  packs: Pack[];
  /** Every principle: the library's, then those only imported packs bring. */
  principles: PrincipleSummary[];
}

/** Every question and principle the candidate studies, text included: for browsing, not for every screen. */
export async function loadStudyContent(): Promise<StudyContent> {
  const db = database();
  const { imported, disabled } = await readImportedCatalog();
  const enabled = imported.filter((stored) => !disabled.has(stored.id));
  const [builtIn, fromImports] = await Promise.all([
    Promise.all(builtInPacks.filter((pack) => !disabled.has(pack.id)).map((pack) => loadPack(pack.id))),
    Promise.all(enabled.map(async (stored) => ({ ...stored.meta, questions: await importedQuestions(db, stored.id, stored.facts.ids) }))),
  ]);
  return { packs: [...builtIn.filter((pack): pack is Pack => pack !== undefined), ...fromImports], principles: withImportedPrinciples(imported) };
}
