import type { StoredCard } from '../domain/progress';
import { cardKey } from '../domain/queue';
import type { RapportDatabase } from './database';

/** The cards of these packs, read through the packId index. */
export async function cardsInPacks(db: RapportDatabase, packIds: readonly string[]): Promise<StoredCard[]> {
  if (packIds.length === 0) return [];
  return db.cards.where('packId').anyOf([...packIds]).toArray();
}

/** The cards of these questions, where they exist. */
export async function cardsOf(db: RapportDatabase, items: readonly { packId: string; questionId: string }[]): Promise<Map<string, StoredCard>> {
  const cards = await db.cards.bulkGet(items.map((item) => [item.packId, item.questionId] as [string, string]));
  return new Map(cards.filter((card) => card !== undefined).map((card) => [cardKey(card.packId, card.questionId), card]));
}
