// Validation, error shaping and logging for every call, whichever transport carried it.
import type { z } from 'zod';
import { contract, type Channel } from '#shared/ipc/contract';
import { PersonalDataError, UserFacingError, type ApiErrorBody, type Result } from '#shared/ipc/result';
import { pendingIntegrity } from '#db/open';
import type { HandlerContext } from '../handlers/context';
import type { HandlerTable } from '../handlers/types';

const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (!(key in fields)) fields[key] = issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}` : issue.message;
  }
  return fields;
}

function describeZod(error: z.ZodError): string {
  const unique = [...new Set(Object.values(fieldsOf(error)))];
  return `Please correct: ${unique.slice(0, 5).join('; ')}${unique.length > 5 ? `; and ${unique.length - 5} more` : ''}.`;
}

const NOT_PLAIN_DATA = 'The request was refused: its values are not plain data (text, numbers, lists and records). Nothing was changed.';

export type Logger = (entry: { channel: string; error: unknown }) => void;

export async function dispatch(
  table: HandlerTable,
  ctx: HandlerContext,
  channel: string,
  rawArg: unknown,
  log: Logger = () => {},
): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `The app has no function called "${String(channel).slice(0, 80)}".` } };
  }
  let parsed: ReturnType<(typeof contract)[typeof channel]['input']['safeParse']>;
  try {
    parsed = contract[channel].input.safeParse(rawArg === undefined ? {} : rawArg);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-argument', message: describeZod(parsed.error), fields: fieldsOf(parsed.error) } };
    }
  } catch (err) {
    // An object built to defeat the validator can make zod itself throw: while wording its
    // messages (a "constructor" that is not one, a null prototype) or while checking (a
    // "length" that cannot be compared with a number). Either way it is not plain data; it is
    // logged all the same, in case the fault is in one of the contract's own refinements.
    log({ channel, error: err });
    return { ok: false, error: { code: 'invalid-argument', message: NOT_PLAIN_DATA } };
  }
  const handler = table[channel] as (c: HandlerContext, a: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (err) {
    // A large file is checked in the background after opening, and refuses writes until then;
    // a write that arrives meanwhile waits for the check and goes ahead once it has passed.
    const check = isReadOnly(err) ? pendingIntegrity(ctx.sqlite) : undefined;
    if (!check) return { ok: false, error: toErrorBody(err, channel, log) };
    const verdict = await check;
    if (!verdict.ok) return { ok: false, error: { code: 'database', message: verdict.message } };
    try {
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (again) {
      return { ok: false, error: toErrorBody(again, channel, log) };
    }
  }
}

const isReadOnly = (err: unknown) => String((err as { code?: string }).code ?? '').startsWith('SQLITE_READONLY');

/** The error a person sees for anything a handler (or a job) throws. */
export function toErrorBody(err: unknown, channel: string, log: Logger = () => {}): ApiErrorBody {
  if (err instanceof UserFacingError) {
    if (err instanceof PersonalDataError) return { code: err.code, message: err.message, findings: err.findings };
    return err.fields ? { code: err.code, message: err.message, fields: err.fields } : { code: err.code, message: err.message };
  }
  log({ channel, error: err });
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') {
    return { code: 'database', message: 'The disk is full, so nothing was saved. Free some space and try again; your earlier work is safe.' };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return { code: 'database', message: 'The database has become read-only, so nothing was saved. Check the file and folder permissions, then restart the app.' };
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return { code: 'database', message: 'The database is busy with another program. Wait a moment and try again.' };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: 'That change conflicts with data already saved (a rule in the database refused it). Nothing was changed.' };
  }
  return { code: 'internal', message: 'Something went wrong inside the app and nothing was changed. Try again; if it happens again, report it with the time it happened.' };
}
