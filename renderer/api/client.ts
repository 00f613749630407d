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

/** Calls a channel and returns its value, or throws an ApiError with the server's message. */
export async function call<K extends Channel>(channel: K, arg: ChannelInput<K>): Promise<ChannelResult<K>> {
  const fn = getApi()[channel] as (a: ChannelInput<K>) => Promise<Result<ChannelResult<K>>>;
  const r = await fn(arg);
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}
