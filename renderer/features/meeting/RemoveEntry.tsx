// Removing a decision, action, recommendation or declaration in meeting mode. One just added and
// still empty goes at once (nothing is lost, and the minute-taker is in a hurry); one with
// anything written in it is removed only after a question that says what will be lost.
import { useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function RemoveEntry({ label, title, empty, onRemove, children }: { label: string; title: string; empty: boolean; onRemove: () => Promise<unknown>; children: ReactNode }) {
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement | null>(null);
  // The row and its button go with the entry: the keyboard focus moves to the section's "Add" button.
  const next = () => section.current?.querySelector<HTMLElement>('.section-header button') ?? section.current?.closest('article')?.querySelector<HTMLElement>('h2') ?? null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--small button--danger-secondary"
        onClick={async () => {
          section.current = button.current?.closest('section') ?? null;
          if (!empty) {
            setAsking(true);
            return;
          }
          try {
            await onRemove();
            next()?.focus();
          } catch {
            // The page's save indicator already says what went wrong.
          }
        }}
      >
        {label}
      </button>
      {asking && (
        <ConfirmDialog title={title} confirmLabel="Remove" keepLabel="Keep it" onClose={() => setAsking(false)} onConfirm={onRemove} focusAfter={next}>
          {children}
        </ConfirmDialog>
      )}
    </>
  );
}

/** The first words of a long entry, to name it in a question. */
export function excerpt(text: string, max = 80): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
