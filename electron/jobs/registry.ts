// Long jobs (imports, exports, backups, erasure runs) run in main while the renderer polls their
// progress. Polling works the same over Electron IPC, the web preview and the in-process test
// transport, where pushed events would need three mechanisms. A cancelled job throws inside its
// transaction, or before it writes its file, so it leaves nothing behind.
import { pendingIntegrity } from '#db/open';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { toErrorBody } from '../ipc/dispatch';
import type { JobKind, JobStatus } from '#shared/domain/jobs';
import type { HandlerContext } from '../handlers/context';

export class JobCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'JobCancelled';
  }
}

export interface JobControl {
  progress(done: number, total: number, message?: string): void;
  /** Throws JobCancelled if the user asked to stop. Call between chunks. */
  checkpoint(): Promise<void>;
  /** Throws JobCancelled at once if the user asked to stop, for synchronous loops and callbacks. */
  throwIfCancelled(): void;
}

/** For work run outside a job (the CLI, the plain channels): never cancelled, progress unseen. */
export const NO_JOB: JobControl = {
  progress() {},
  checkpoint: () => Promise.resolve(),
  throwIfCancelled() {},
};

interface Entry {
  status: JobStatus;
  cancel: boolean;
}

const registries = new WeakMap<HandlerContext, Map<number, Entry>>();
let nextId = 1;
/** Finished jobs are kept this long for the renderer to collect their result. */
const KEEP_MS = 10 * 60_000;

function registry(ctx: HandlerContext): Map<number, Entry> {
  let r = registries.get(ctx);
  if (!r) registries.set(ctx, (r = new Map()));
  return r;
}

/** Starts `work` and returns at once with the job's first status. */
export function startJob<T>(ctx: HandlerContext, kind: JobKind, label: string, work: (job: JobControl) => Promise<T>): JobStatus {
  const jobs = registry(ctx);
  const id = nextId++;
  const entry: Entry = {
    status: { id, kind, label, state: 'running', done: 0, total: 0, message: 'Starting…', result: null, error: null, failure: null, cancelling: false },
    cancel: false,
  };
  jobs.set(id, entry);
  const control: JobControl = {
    progress(done, total, message) {
      entry.status = { ...entry.status, done, total, message: message ?? entry.status.message };
    },
    async checkpoint() {
      // Yield so that progress polls (which never touch the database) are answered.
      await new Promise((resolve) => setImmediate(resolve));
      if (entry.cancel) throw new JobCancelled();
    },
    throwIfCancelled() {
      if (entry.cancel) throw new JobCancelled();
    },
  };
  const finish = (patch: Partial<JobStatus>) => {
    entry.status = { ...entry.status, cancelling: false, ...patch };
    setTimeout(() => jobs.delete(id), KEEP_MS).unref?.();
  };
  void (async () => {
    try {
      await control.checkpoint();
      // A large file is checked in the background after opening and refuses writes until then;
      // every job writes (a file's log row, an import, an erasure), so it waits for the check.
      const check = pendingIntegrity(ctx.sqlite);
      if (check) {
        control.progress(0, 0, 'Waiting for the check of the database file to finish…');
        // A cancel is heard while waiting, not only once the check is done.
        let poll: NodeJS.Timeout | undefined;
        const cancelled = new Promise<never>((_, reject) => {
          poll = setInterval(() => entry.cancel && reject(new JobCancelled()), 100);
        });
        const verdict = await Promise.race([check, cancelled]).finally(() => clearInterval(poll));
        if (!verdict.ok) throw new UserFacingError('database', verdict.message);
        await control.checkpoint();
      }
      const result = await work(control);
      finish({ state: 'done', result, message: 'Finished' });
    } catch (err) {
      if (err instanceof JobCancelled) finish({ state: 'cancelled', message: 'Cancelled: nothing was changed.' });
      else {
        const failure = toErrorBody(err, `job:${kind}`, ({ channel, error }) => console.error(`[${channel}] failed:`, error));
        finish({ state: 'failed', error: failure.message, failure, message: 'Failed: nothing was changed.' });
      }
    }
  })();
  return entry.status;
}

export function getJob(ctx: HandlerContext, id: number): JobStatus {
  const e = registry(ctx).get(id);
  if (!e) throw notFound('Job', id);
  return e.status;
}

/** The jobs still running: a restore waits for none, it refuses. */
export function runningJobs(ctx: HandlerContext): JobStatus[] {
  return [...registry(ctx).values()].filter((e) => e.status.state === 'running').map((e) => e.status);
}

export function cancelJob(ctx: HandlerContext, id: number): JobStatus {
  const e = registry(ctx).get(id);
  if (!e) throw notFound('Job', id);
  if (e.status.state === 'running' && !e.cancel) {
    e.cancel = true;
    e.status = { ...e.status, cancelling: true, message: 'Stopping…' };
  }
  return e.status;
}
