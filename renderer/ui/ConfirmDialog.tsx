import { useRef, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

/**
 * Asks before something is removed for good. The question names the thing and the text says what
 * cannot be recovered; focus starts on the safe choice, so Enter or Escape straight away keeps it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  keepLabel = 'Cancel',
  onConfirm,
  onClose,
  focusAfter,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  keepLabel?: string;
  /** does the removal; the dialog closes when it succeeds and shows the reason when it does not */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** where the focus goes once the thing is removed (the button that asked goes with it) */
  focusAfter?: () => HTMLElement | null | undefined;
}) {
  const [busy, setBusy] = useState(false);
  const done = useRef(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={title} onClose={onClose} focusOnClose={() => (done.current ? focusAfter?.() : null)}>
      <div className="confirm__text">{children}</div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await onConfirm();
              done.current = true;
              onClose();
            } catch (e) {
              setError(e instanceof Error ? e.message : 'That did not work. Try again.');
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" data-autofocus onClick={onClose}>
          {keepLabel}
        </button>
      </div>
    </Dialog>
  );
}
