import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

interface ToastApi {
  notify(message: string): void;
}
const ToastContext = createContext<ToastApi>({ notify: () => {} });

/** Quiet confirmations ("Panel saved") announced to screen readers through a live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const notify = useCallback((text: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 })), []);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 5000);
    return () => clearTimeout(t);
  }, [message]);
  return (
    <ToastContext.Provider value={{ notify }}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {message && (
          <p className="toast" key={message.n}>
            {message.text}
          </p>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
