// The renderer's only way to main: window.scp in Electron (and tests), or the same contract
// over HTTP in the web preview. Everything returns the Result envelope; `call` unwraps it.
import type { Channel, ChannelInput, ChannelResult, ScpApi } from '#shared/ipc/contract';
import type { ApiErrorBody, ErrorCode, Result } from '#shared/ipc/result';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly findings?: ApiErrorBody['findings'];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields;
    this.findings = body.findings;
  }
}

function webApi(): ScpApi {
  const m = /^(\/t\/[^/]+\/)/.exec(window.location.pathname);
  const base = m ? m[1] : '/';
  return new Proxy({} as ScpApi, {
    get: (_t, channel: string) => async (arg: unknown): Promise<Result<unknown>> => {
      try {
        const res = await fetch(`${base}api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(arg ?? {}),
        });
        if (!res.ok && res.headers.get('content-type')?.startsWith('application/json') !== true) {
          return { ok: false, error: { code: 'internal', message: `The app's background service refused the request (${res.status}). Reload the page.` } };
        }
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: "The app's background service is not responding. Check it is still running, then try again." } };
      }
    },
  });
}

let cached: ScpApi | null = null;
export function getApi(): ScpApi {
  if (window.scp) return window.scp;
  cached ??= webApi();
  return cached;
}

/** Calls sent before the app was ready for their answers, each waiting for the one call() that asks the same. */
const early = new Map<string, Promise<Result<unknown>>>();
/** An early call not asked for by then is let go: a later call asks afresh rather than take an old answer. */
export const EARLY_FOR_MS = 10_000;
const earlyKey = (channel: string, arg: unknown) => `${channel} ${JSON.stringify(arg)}`;

/**
 * Sends a call now, before anything asks for it (at start-up, while the app's code is still being
 * evaluated): the first call() with the same channel and argument takes its answer.
 */
export function callEarly<K extends Channel>(channel: K, arg: ChannelInput<K>): void {
  const key = earlyKey(channel, arg);
  if (early.has(key)) return;
  const fn = getApi()[channel] as (a: ChannelInput<K>) => Promise<Result<unknown>>;
  const answer = fn(arg);
  early.set(key, answer);
  setTimeout(() => {
    if (early.get(key) === answer) early.delete(key);
  }, EARLY_FOR_MS);
}

function takeEarly(channel: string, arg: unknown): Promise<Result<unknown>> | undefined {
  if (early.size === 0) return undefined;
  const key = earlyKey(channel, arg);
  const answer = early.get(key);
  early.delete(key);
  return answer;
}

/** Calls a channel and returns its value, or throws an ApiError with the server's message. */
export async function call<K extends Channel>(channel: K, arg: ChannelInput<K>): Promise<ChannelResult<K>> {
  const fn = getApi()[channel] as (a: ChannelInput<K>) => Promise<Result<ChannelResult<K>>>;
  const sent = takeEarly(channel, arg) as Promise<Result<ChannelResult<K>>> | undefined;
  const r = await (sent ?? fn(arg));
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}
