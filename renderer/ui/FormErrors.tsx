import { useEffect, useRef } from 'react';

/** The form-level summary: focused when it appears so keyboard and screen-reader users hear it. */
export function FormErrorSummary({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title">There is a problem</h2>
      <p>{message}</p>
    </div>
  );
}
