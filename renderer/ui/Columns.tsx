// Which of a table's columns to show, chosen from a small menu and remembered on this computer.
import { useEffect, useRef, useState } from 'react';

export interface ColumnChoice<K extends string> {
  key: K;
  label: string;
}

const VERSION = 1;

/**
 * Reads the hidden columns saved under `store`. Anything not understood (another version, a column
 * since renamed, text that is not JSON) is ignored, so the worst case is every column shown.
 */
export function loadHidden<K extends string>(store: string, known: readonly K[]): K[] {
  try {
    const saved = JSON.parse(localStorage.getItem(store) ?? 'null') as unknown;
    if (!saved || typeof saved !== 'object' || (saved as { v?: unknown }).v !== VERSION) return [];
    const hidden = (saved as { hidden?: unknown }).hidden;
    if (!Array.isArray(hidden)) return [];
    return known.filter((k) => hidden.includes(k));
  } catch {
    return [];
  }
}

/** The columns hidden on one page, kept in localStorage under `store` (a key per page). */
export function useHiddenColumns<K extends string>(store: string, optional: readonly ColumnChoice<K>[]) {
  const [hidden, setHidden] = useState<K[]>(() =>
    loadHidden(
      store,
      optional.map((c) => c.key),
    ),
  );
  useEffect(() => {
    try {
      if (hidden.length === 0) localStorage.removeItem(store);
      else localStorage.setItem(store, JSON.stringify({ v: VERSION, hidden }));
    } catch {
      // Storage full or refused: the choice lasts until the page is closed.
    }
  }, [store, hidden]);
  const shown = (key: K) => !hidden.includes(key);
  const toggle = (key: K, on: boolean) => setHidden((h) => (on ? h.filter((k) => k !== key) : h.includes(key) ? h : [...h, key]));
  return { hidden, shown, toggle, reset: () => setHidden([]) };
}

/**
 * A "Columns" button opening checkboxes for the columns that may be hidden. A disclosure (details and
 * summary), so Enter or Space opens it; Escape or a click elsewhere closes it.
 */
export function ColumnsMenu<K extends string>({
  table,
  optional,
  fixed,
  choice,
}: {
  /** the table's name, for the menu's label ("Columns of the evidence register") */
  table: string;
  optional: readonly ColumnChoice<K>[];
  /** columns always shown (lower-cased in the menu's note), so the menu is honest about them */
  fixed: string[];
  choice: ReturnType<typeof useHiddenColumns<K>>;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  // The checkboxes exist only while the menu is open, so "Source" means the filter, not the column.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const hiddenCount = choice.hidden.length;
  return (
    <details
      className="columns-menu"
      ref={ref}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="button button--secondary button--small">
        Columns
        {hiddenCount > 0 && <span className="columns-menu__count"> ({hiddenCount} hidden)</span>}
      </summary>
      {open && (
      <div className="columns-menu__panel">
        <fieldset>
          <legend>Columns of {table}</legend>
          <p className="columns-menu__hint">The {fixed.join(' and ').toLowerCase()} are always shown.</p>
          {optional.map((c) => (
            <label key={c.key} className="checkbox">
              <input type="checkbox" checked={choice.shown(c.key)} onChange={(e) => choice.toggle(c.key, e.target.checked)} /> {c.label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button--link" onClick={choice.reset}>
          Reset columns
        </button>
      </div>
      )}
    </details>
  );
}
