import { database } from '../db/database';
import { disabledPackIds, listImportedPacks } from '../db/packs';
import type { Pack } from '../domain/content';
import { builtInPacks, importedPrincipleTitles, principleIndex, type PrincipleSummary } from './builtIn';
import { loadPack } from './catalog';

export interface StudyContent {
  /** The enabled packs with their questions: built-in first, then imported, as the pack list orders them. */
  packs: Pack[];
  /** Every principle: the library's, then those only imported packs bring. */
  principles: PrincipleSummary[];
}

/** The questions and principles the candidate studies, reading the imported packs once. */
export async function loadStudyContent(): Promise<StudyContent> {
  const db = database();
  const [imported, disabled] = await Promise.all([listImportedPacks(db), disabledPackIds(db)]);
  const builtIn = await Promise.all(builtInPacks.filter((pack) => !disabled.has(pack.id)).map((pack) => loadPack(pack.id)));
  const packs = [...builtIn.filter((pack): pack is Pack => pack !== undefined), ...imported.filter((stored) => !disabled.has(stored.id)).map((stored) => stored.pack)];

  const principles = [...principleIndex];
  const known = new Set(principles.map((principle) => principle.id));
  for (const { id, title, summary } of imported.flatMap((stored) => stored.principles)) {
    // principleTitle() reads these, so links in questions of imported packs show titles.
    importedPrincipleTitles.set(id, title);
    if (known.has(id)) continue;
    known.add(id);
    principles.push({ id, title, summary });
  }
  return { packs, principles };
}
