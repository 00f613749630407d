import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client';

/**
 * Puts the server's per-field messages on the form's fields; returns the message for the
 * summary (the server's sentence), so nothing the server said is lost.
 */
export function applyServerError<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, known: readonly string[]): string {
  if (err instanceof ApiError) {
    for (const [field, message] of Object.entries(err.fields ?? {})) {
      if (known.includes(field)) setError(field as Path<T>, { type: 'server', message });
    }
    return err.message;
  }
  return err instanceof Error ? err.message : 'Something went wrong. Try again.';
}
