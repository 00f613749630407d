// The envelope every channel returns, whatever the transport.
import type { Finding } from '../pii/gate';
export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'conflict',
  'forbidden',
  'unknown-channel',
  'database',
  'internal',
  'personal-data',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
  /** Per-field messages, keyed by the argument's field name, for forms. */
  fields?: Record<string, string>;
  /** For 'personal-data': what the gate found, masked, with the record and field to fix. */
  findings?: Finding[];
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

/** A document would carry personal data: the export stops and the findings go back to the user. */
export class PersonalDataError extends UserFacingError {
  constructor(readonly findings: Finding[]) {
    super(
      'personal-data',
      `The document was not written: it would carry ${findings.length === 1 ? 'something that looks like personal data' : `${findings.length} things that look like personal data`}. Fix ${findings.length === 1 ? 'it' : 'them'} at the source, or export anyway with a written reason.`,
    );
    this.name = 'PersonalDataError';
  }
}

export function notFound(what: string, id: number | string): UserFacingError {
  return new UserFacingError('not-found', `${what} ${id} does not exist. It may have been removed; refresh the list and try again.`);
}
