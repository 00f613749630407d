import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog: focus moves in (to the element marked `data-autofocus`, else the first control
 * that is not a danger button, so Enter straight away never archives, restores or erases; or, for
 * a dialog to read, `focusTitle`, to its title, so that it opens at its top however large the
 * text), Tab stays inside, Escape closes, focus returns on close.
 */
export function Dialog({
  title,
  onClose,
  children,
  focusOnClose,
  focusTitle = false,
}: {
  title: string;
  /** focus the title rather than a control: a dialog to read, whose only control (Close) is at its end */
  focusTitle?: boolean;
  onClose: () => void;
  children: ReactNode;
  /** where focus goes on closing instead of back where it came from (when that is being removed); asked at the time */
  focusOnClose?: () => HTMLElement | null | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const controls = [...(ref.current?.querySelectorAll<HTMLElement>('input, textarea, select, button') ?? [])].filter((el) => !el.hasAttribute('disabled'));
    const first = focusTitle
      ? ref.current?.querySelector<HTMLElement>('h2')
      : (ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? controls.find((el) => !el.classList.contains('button--danger')) ?? controls[0]);
    first?.focus();
    return () => {
      const instead = focusOnClose?.();
      if (instead?.isConnected) instead.focus();
      else if (previous?.isConnected) previous.focus();
      else document.getElementById('main')?.focus();
    };
    // Focus is placed once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('input, textarea, select, button, a[href]')].filter((el) => !el.hasAttribute('disabled'));
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    // From the title (`focusTitle`), either way round stays inside too.
    if (!focusable.includes(document.activeElement as HTMLElement)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    } else if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={ref} onKeyDown={onKeyDown}>
        <h2 id={titleId} tabIndex={focusTitle ? -1 : undefined}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
