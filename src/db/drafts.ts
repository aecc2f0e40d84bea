import Dexie, { type Table } from 'dexie';
import type { Draft } from '../domain/studio/draft';

/**
 * The studio's drafts, in a database of their own ("rapport-studio"), apart from candidates'
 * progress: the studio never opens or upgrades the progress schema, and erasing progress leaves an
 * author's drafts alone. This module is the only one that reads or writes it.
 */
export const STUDIO_DATABASE_NAME = 'rapport-studio';

export class StudioDatabase extends Dexie {
  drafts!: Table<Draft, string>;

  constructor(name = STUDIO_DATABASE_NAME) {
    super(name);
    this.version(1).stores({ drafts: 'id, updatedAt' });
  }
}

let instance: StudioDatabase | undefined;

export function studioDatabase(): StudioDatabase {
  instance ??= new StudioDatabase();
  return instance;
}

/** Every draft, the one edited last first. */
export async function listDrafts(db: StudioDatabase): Promise<Draft[]> {
  return (await db.drafts.orderBy('updatedAt').toArray()).reverse();
}

export function getDraft(db: StudioDatabase, id: string): Promise<Draft | undefined> {
  return db.drafts.get(id);
}

export async function saveDraft(db: StudioDatabase, draft: Draft): Promise<void> {
  await db.drafts.put(draft);
}

export async function deleteDraft(db: StudioDatabase, id: string): Promise<void> {
  await db.drafts.delete(id);
}

export type SaveState = { status: 'saved' | 'saving' } | { status: 'failed'; error: unknown };

/**
 * Saves a draft as it is typed: every change is written, in order, and a change made while a write
 * is running waits for it, replacing any change that was waiting (the newest text holds all the
 * earlier ones). A failed write is reported and retried with the next change.
 */
export function draftSaver(db: StudioDatabase, onState: (state: SaveState) => void) {
  let waiting: Draft | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    while (waiting) {
      const next = waiting;
      waiting = undefined;
      try {
        await saveDraft(db, next);
      } catch (error) {
        onState({ status: 'failed', error });
        waiting ??= next;
        running = undefined;
        return;
      }
    }
    running = undefined;
    onState({ status: 'saved' });
  };
  return {
    save(draft: Draft) {
      waiting = draft;
      onState({ status: 'saving' });
      running ??= run();
    },
    /** Resolves once everything handed to `save` so far is written (or has failed). */
    async flush() {
      while (running) await running;
    },
  };
}
