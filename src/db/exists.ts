/** The database's name; kept apart from database.ts so that asking whether it exists loads no Dexie. */
export const DATABASE_NAME = 'rapport';

/**
 * Whether this browser holds Rapport's database yet. A first visit has none, and home can show its
 * figures without creating one: loading Dexie and creating the stores is most of a first visit's
 * main-thread work on a slow phone. A browser that cannot list its databases answers yes.
 */
export async function databaseExists(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((info) => info.name === DATABASE_NAME);
  } catch {
    return true;
  }
}
