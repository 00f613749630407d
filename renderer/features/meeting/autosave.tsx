// Saving as the minute-taker types: each field keeps its own text and sends it to main no more
// than DELAY ms after the last keystroke (and at once when the field loses focus or the screen
// closes). The page shows one quiet state for all of them: saving, saved, or what went wrong.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export const AUTOSAVE_DELAY_MS = 400;

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

interface Tracker {
  begin(): void;
  done(ok: true): void;
  done(ok: false, message: string): void;
  /** the last value typed into each field on this screen, by the field's key (see useAutosave) */
  typed: Map<string, unknown>;
}

/** The tracker itself never changes, so the fields that save through it are not re-rendered by a save's state; the state is a context of its own. */
const TrackerContext = createContext<Tracker | null>(null);
const SaveStateContext = createContext<SaveState>({ kind: 'idle' });

/** Counts saves in flight across the page so one indicator can speak for all of them. */
export function SaveTrackerProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef(0);
  const failed = useRef<string | null>(null);
  const begin = useCallback(() => {
    pending.current += 1;
    setState({ kind: 'saving' });
  }, []);
  const done = useCallback((ok: boolean, message?: string) => {
    pending.current = Math.max(0, pending.current - 1);
    if (!ok) failed.current = message ?? 'A change could not be saved.';
    else if (pending.current === 0) failed.current = null;
    if (pending.current === 0) setState(failed.current ? { kind: 'error', message: failed.current } : { kind: 'saved', at: new Date() });
  }, []) as Tracker['done'];
  const typed = useRef(new Map<string, unknown>()).current;
  const tracker = useMemo(() => ({ begin, done, typed }), [begin, done, typed]);
  return (
    <TrackerContext.Provider value={tracker}>
      <SaveStateContext.Provider value={state}>{children}</SaveStateContext.Provider>
    </TrackerContext.Provider>
  );
}

export function useSaveState(): SaveState {
  return useContext(SaveStateContext);
}

/** Wraps a save so the page's indicator follows it; rethrows so callers can show field errors. */
export function useTracked() {
  const tracker = useContext(TrackerContext);
  return useCallback(
    async <T,>(save: () => Promise<T>): Promise<T> => {
      tracker?.begin();
      try {
        const r = await save();
        tracker?.done(true);
        return r;
      } catch (err) {
        tracker?.done(false, err instanceof Error ? err.message : 'A change could not be saved.');
        throw err;
      }
    },
    [tracker],
  );
}

/**
 * A field's value held locally and saved after a pause. The server's copy is read once, when the
 * field first appears, so a background refresh never overwrites what is being typed. A field that
 * appears again on the same screen (its item left and come back to) starts from what was last
 * typed into it, by its `key` (say `decision:12:text`): the meeting it is given may not yet have
 * been read again since that was saved. If what was typed differs from the server's copy it is
 * saved again when the field is left, so a save that failed is tried again rather than lost.
 */
export function useAutosave<T>(key: string, initial: T, save: (value: T) => Promise<unknown>, delay = AUTOSAVE_DELAY_MS) {
  const typed = useContext(TrackerContext)?.typed;
  const [value, setValue] = useState<T>(() => (typed?.has(key) ? (typed.get(key) as T) : initial));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  const saved = useRef(initial);
  const failed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const tracked = useTracked();

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const v = latest.current;
    if (!failed.current && Object.is(v, saved.current)) return;
    saved.current = v;
    tracked(() => saveRef.current(v)).then(
      () => {
        failed.current = false;
        setError(null);
      },
      (err: unknown) => {
        // The next keystroke or blur tries again with the latest text.
        failed.current = true;
        const fields = (err as { fields?: Record<string, string> }).fields;
        setError((fields && Object.values(fields)[0]) || (err instanceof Error ? err.message : 'Not saved'));
      },
    );
  }, [tracked]);

  const change = useCallback(
    (v: T) => {
      latest.current = v;
      typed?.set(key, v);
      setValue(v);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [delay, flush, typed, key],
  );

  // Leaving the screen (or closing the window) sends whatever is still waiting.
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [flush]);

  return { value, change, flush, error };
}
