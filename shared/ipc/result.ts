// The envelope every channel returns, whatever the transport.
export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'conflict',
  'forbidden',
  'unknown-channel',
  'database',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
  /** Per-field messages, keyed by the argument's field name, for forms. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by handlers for a failure the user can fix; anything else becomes "internal". */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function notFound(what: string, id: number | string): UserFacingError {
  return new UserFacingError('not-found', `${what} ${id} does not exist. It may have been removed; refresh the list and try again.`);
}
