/**
 * Ids come from packs and backups, written by people we do not know. One limit for every id (pack,
 * question, principle), at import and in backups, so what the app accepts it can always restore.
 */
export const ID_MAX_LENGTH = 80;

/**
 * A table keyed by ids with no prototype: an id such as "constructor" or "__proto__" is an
 * ordinary key, never a property inherited from Object.
 */
export function idTable<Value>(): Record<string, Value> {
  return Object.create(null) as Record<string, Value>;
}

/** The one key of a card, a question of a pack, in maps and tallies: `pack/question`. */
export function cardKey(packId: string, questionId: string): string {
  return `${packId}/${questionId}`;
}
