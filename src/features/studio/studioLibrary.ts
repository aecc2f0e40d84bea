import { builtInPacks, loadPack, loadPrincipleLibrary } from '../../catalog/catalog';
import { database } from '../../db/database';
import { importedPackFiles, listImportedPacks } from '../../db/packs';
import { packSourceFiles } from '../../domain/content/source';
import { libraryPrinciples, type StudioLibrary } from '../../domain/studio/checkDraft';
import { draftFromFiles, type Draft } from '../../domain/studio/draft';
import { newDraftId } from './newDraftId';

/** What the studio checks a draft against, and the packs it can open: the built-in ones and the imported ones. */
export interface StudioCatalog extends StudioLibrary {
  packs: { id: string; title: string; version: string; source: 'built-in' | 'imported' }[];
}

export async function loadStudioCatalog(): Promise<StudioCatalog> {
  const [builtIn, stored] = await Promise.all([loadPrincipleLibrary(), listImportedPacks(database())]);
  return {
    builtIn,
    imported: stored.map((listing) => ({ packId: listing.id, packTitle: listing.meta.title, principles: listing.principles })),
    builtInPackIds: builtInPacks.map((pack) => pack.id),
    packs: [
      ...builtInPacks.map((pack) => ({ id: pack.id, title: pack.title, version: pack.version, source: 'built-in' as const })),
      ...stored.map((listing) => ({ id: listing.id, title: listing.meta.title, version: listing.meta.version, source: 'imported' as const })),
    ],
  };
}


/**
 * A draft copy of a pack in the app. A built-in pack's copy gets an id and title of its own, since
 * an import may not replace a built-in pack; an imported pack keeps its id, so its new version
 * updates the one candidates have.
 */
export async function draftOfPack(packId: string, catalog: StudioCatalog, now: Date): Promise<Draft> {
  const listing = catalog.packs.find((pack) => pack.id === packId);
  if (!listing) throw new Error(`there is no pack "${packId}"`);
  if (listing.source === 'built-in') {
    const pack = await loadPack(packId);
    if (!pack) throw new Error(`the pack "${listing.title}" could not be loaded`);
    const copy = { ...pack, id: `${pack.id}-copy`, title: `${pack.title} (copy)` };
    return draftFromFiles(newDraftId(), `Copy of the built-in pack “${pack.title}”`, packSourceFiles(copy), libraryPrinciples(catalog), now);
  }
  const files = await importedPackFiles(database(), packId);
  if (files.length === 0) throw new Error(`the pack "${listing.title}" has no source files stored`);
  return draftFromFiles(newDraftId(), `Opened from the imported pack “${listing.title}” ${listing.version}`, files, libraryPrinciples(catalog), now);
}
