import type { StoredCard } from '../domain/progress';
import { cardKey } from '../domain/ids';
import type { RapportDatabase } from './database';

/** The cards of these packs, read through the packId index. */
export async function cardsInPacks(db: RapportDatabase, packIds: readonly string[]): Promise<StoredCard[]> {
  // One range read per pack: anyOf() walks a cursor, much slower over many cards.
  return db.transaction('r', db.cards, async () => (await Promise.all([...new Set(packIds)].map((packId) => db.cards.where('packId').equals(packId).toArray()))).flat());
}

/** The cards of these questions, where they exist. */
export async function cardsOf(db: RapportDatabase, items: readonly { packId: string; questionId: string }[]): Promise<Map<string, StoredCard>> {
  const cards = await db.cards.bulkGet(items.map((item) => [item.packId, item.questionId] as [string, string]));
  return new Map(cards.filter((card) => card !== undefined).map((card) => [cardKey(card.packId, card.questionId), card]));
}
