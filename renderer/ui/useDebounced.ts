import { useEffect, useState } from 'react';

/**
 * How long typing must pause before a search runs. A search answers in under 30 ms even at
 * 100,000 records, so a short pause keeps typing-to-results within 150 ms; a longer one would
 * spend most of that budget waiting.
 */
export const SEARCH_PAUSE_MS = 60;

/** The value once typing has paused for `ms`, so a search runs once per pause, not per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
