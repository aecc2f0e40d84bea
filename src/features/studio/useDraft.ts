import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeStorageError } from '../../db/errors';
import { draftSaver, getDraft, studioDatabase, type SaveState } from '../../db/drafts';
import type { Draft } from '../../domain/studio/draft';

export type LoadedDraft = { status: 'loading' } | { status: 'missing' } | { status: 'failed'; message: string } | { status: 'ready'; draft: Draft };

/**
 * The draft being edited, saved as it changes. Every change goes to the saver at once (no
 * debounce), so closing the tab loses at most the write that is running.
 */
export function useDraft(draftId: string) {
  const [state, setState] = useState<{ draftId: string; loaded: LoadedDraft }>({ draftId, loaded: { status: 'loading' } });
  const setLoaded = useCallback((loaded: LoadedDraft) => setState({ draftId, loaded }), [draftId]);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'saved' });
  const saver = useMemo(() => draftSaver(studioDatabase(), setSaveState), []);
  const latest = useRef<Draft | undefined>(undefined);

  useEffect(() => {
    let current = true;
    latest.current = undefined;
    getDraft(studioDatabase(), draftId).then(
      (draft) => {
        if (!current) return;
        latest.current = draft;
        setLoaded(draft ? { status: 'ready', draft } : { status: 'missing' });
      },
      (error: unknown) => current && setLoaded({ status: 'failed', message: describeStorageError(error) }),
    );
    return () => {
      current = false;
    };
  }, [draftId, setLoaded]);

  /** Applies a change to the newest draft (not the one the last render saw), shows it and saves it. */
  const change = useCallback(
    (edit: (draft: Draft, now: Date) => Draft) => {
      const before = latest.current;
      if (!before) return;
      const next = edit(before, new Date());
      if (next === before) return;
      latest.current = next;
      setLoaded({ status: 'ready', draft: next });
      saver.save(next);
    },
    [saver, setLoaded],
  );

  return { loaded: state.draftId === draftId ? state.loaded : ({ status: 'loading' } as const), saveState, change };
}
