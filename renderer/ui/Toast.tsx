import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  /** the button's words, e.g. "Undo" */
  label: string;
  run(): unknown;
}
export interface ToastOptions {
  /** a button beside the message; the toast then stays 10 seconds rather than 5 */
  action?: ToastAction;
  /** move the keyboard focus to the action (when the control just used has gone) */
  focusAction?: boolean;
}

interface ToastApi {
  notify(message: string, options?: ToastOptions): void;
}
const ToastContext = createContext<ToastApi>({ notify: () => {} });

interface Message extends ToastOptions {
  text: string;
  n: number;
}

const PLAIN_MS = 5000;
const ACTION_MS = 10_000;

/**
 * Quiet confirmations ("Panel saved") announced to screen readers through a live region; one may
 * carry an action such as Undo. The clock stops while the pointer or the focus is on the toast.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message | null>(null);
  const [held, setHeld] = useState({ hover: false, focus: false });
  const box = useRef<HTMLDivElement>(null);
  const notify = useCallback((text: string, options?: ToastOptions) => setMessage((m) => ({ text, ...options, n: (m?.n ?? 0) + 1 })), []);
  const paused = held.hover || held.focus;

  const close = useCallback(() => {
    // Focus on the toast goes back to the page rather than to nowhere.
    if (box.current?.contains(document.activeElement)) document.getElementById('main')?.focus();
    setHeld({ hover: false, focus: false });
    setMessage(null);
  }, []);

  useEffect(() => {
    if (!message || paused) return;
    const t = setTimeout(close, message.action ? ACTION_MS : PLAIN_MS);
    return () => clearTimeout(t);
  }, [message, paused, close]);

  useEffect(() => {
    if (message?.action && message.focusAction) box.current?.querySelector<HTMLElement>('.toast__action')?.focus();
  }, [message]);

  return (
    <ToastContext.Provider value={{ notify }}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {message && (
          <div
            className={`toast${message.action ? ' toast--action' : ''}`}
            key={message.n}
            ref={box}
            onMouseEnter={() => setHeld((h) => ({ ...h, hover: true }))}
            onMouseLeave={() => setHeld((h) => ({ ...h, hover: false }))}
            onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
            onBlur={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld((h) => ({ ...h, focus: false }));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                close();
              }
            }}
          >
            <span className="toast__text">{message.text}</span>
            {message.action && (
              <button
                type="button"
                className="toast__action"
                onClick={() => {
                  const { run } = message.action!;
                  close();
                  void run();
                }}
              >
                {message.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
