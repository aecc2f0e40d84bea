// Kept apart from database.ts so the app shell can listen without loading Dexie on first paint.
const listeners = new Set<() => void>();

/** Calls `listener` when another tab upgrades the database; returns a function that stops listening. */
export function onVersionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceVersionChange() {
  for (const listener of listeners) listener();
}
