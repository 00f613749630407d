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
/** Two things done in quick succession both stay readable; more than three is noise. */
const MAX_SHOWN = 3;

function ToastItem({ message, onDismiss }: { message: Message; onDismiss: (n: number) => void }) {
  const [held, setHeld] = useState({ hover: false, focus: false });
  const box = useRef<HTMLDivElement>(null);
  const paused = held.hover || held.focus;

  const dismiss = useCallback(() => {
    // Focus on the toast goes back to the page rather than to nowhere.
    if (box.current?.contains(document.activeElement)) document.getElementById('main')?.focus();
    onDismiss(message.n);
  }, [onDismiss, message.n]);

  useEffect(() => {
    if (paused) return;
    const t = setTimeout(dismiss, message.action ? ACTION_MS : PLAIN_MS);
    return () => clearTimeout(t);
  }, [message, paused, dismiss]);

  useEffect(() => {
    if (message.action && message.focusAction) box.current?.querySelector<HTMLElement>('.toast__action')?.focus();
  }, [message]);

  return (
    <div
      className={`toast${message.action ? ' toast--action' : ''}`}
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
          dismiss();
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
            dismiss();
            void run();
          }}
        >
          {message.action.label}
        </button>
      )}
      <button type="button" className="toast__dismiss" aria-label={`Dismiss: ${message.text}`} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}

/**
 * Quiet confirmations ("Panel saved") announced to screen readers through a live region: up to
 * three at once, newest last, each with its own clock and a button to dismiss it; one may carry
 * an action such as Undo. A toast's clock stops while the pointer or the focus is on it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<Message[]>([]);
  const count = useRef(0);
  const notify = useCallback((text: string, options?: ToastOptions) => {
    count.current += 1;
    const n = count.current;
    setMessages((ms) => [...ms, { text, ...options, n }].slice(-MAX_SHOWN));
  }, []);
  const dismiss = useCallback((n: number) => setMessages((ms) => ms.filter((m) => m.n !== n)), []);

  return (
    <ToastContext.Provider value={{ notify }}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {messages.map((m) => (
          <ToastItem key={m.n} message={m} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
