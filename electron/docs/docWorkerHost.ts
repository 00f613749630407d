// Main's side of the export worker (docWorker.ts): finds or makes its script, runs it for one
// document, reports its steps, and terminates it at once when the job is cancelled.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportRequest } from '#shared/ipc/contract';
import { UserFacingError, type ErrorCode } from '#shared/ipc/result';
import type { GateSource, RestrictedValue } from '#shared/pii/gate';
import { packDocx } from '#templates/style/pack';
import type { HandlerContext } from '../handlers/context';
import type { JobControl } from '../jobs/registry';
import { buildDocument } from './buildDocument';
import { EXPORT_STEPS } from './exportDocument';
import type { DocJob } from './docWorker';

/** A document built and packed, ready for the personal-data gate. */
export interface PackedDocument {
  bytes: Uint8Array;
  fileName: string;
  sources: GateSource[];
  restricted: RestrictedValue[];
}

export type WorkerAnswer = { id: number } & (
  | { step: 'built' }
  | { done: PackedDocument }
  | { failed: { code: ErrorCode | null; message: string; fields?: Record<string, string> } }
);

/** A worker kept warm this long after its last document, then let go (its memory with it). */
const KEEP_WARM_MS = 5 * 60_000;
let warm: { worker: Worker; busy: boolean; idle?: NodeJS.Timeout } | null = null;
let nextRequest = 1;

/** The worker kept warm, if any: its thread and whether it is making a document now. */
export function warmWorker(): { threadId: number; busy: boolean } | null {
  return warm ? { threadId: warm.worker.threadId, busy: warm.busy } : null;
}

/** The warm worker if it is free, else a new one (kept warm if there is none). */
async function takeWorker(): Promise<{ worker: Worker; keep: boolean }> {
  if (warm && !warm.busy) {
    clearTimeout(warm.idle);
    warm.busy = true;
    return { worker: warm.worker, keep: true };
  }
  const worker = new Worker(await workerScript());
  // An idle worker never keeps the app (or a test run) from exiting.
  worker.unref();
  // An error while no document is being made (there is no one else to tell) is logged, never thrown in main.
  worker.on('error', (err) => console.error('[export] the document worker failed:', err));
  if (warm) return { worker, keep: false };
  const entry = { worker, busy: true as boolean, idle: undefined as NodeJS.Timeout | undefined };
  warm = entry;
  worker.once('exit', () => {
    if (warm === entry) warm = null;
  });
  return { worker, keep: true };
}

/** Puts a worker back: the warm one waits for the next document; any other stops. */
async function giveBack(worker: Worker, keep: boolean, healthy: boolean): Promise<void> {
  if (keep && healthy && warm?.worker === worker) {
    warm.busy = false;
    const entry = warm;
    warm.idle = setTimeout(() => {
      // Let go first, so the worker being stopped is never handed out.
      if (warm === entry) warm = null;
      void worker.terminate();
    }, KEEP_WARM_MS);
    warm.idle.unref?.();
    return;
  }
  if (warm?.worker === worker) warm = null;
  await worker.terminate();
}

/** How often a running worker's job is asked whether the user has cancelled it. */
const CANCEL_POLL_MS = 50;

let devScript: Promise<string> | undefined;

/**
 * A script new workers run instead of the export worker, or null for the real one: for tests of a
 * worker that cannot start. An idle warm worker, running the script before, is let go.
 */
let scriptInstead: string | null = null;
export function useWorkerScript(path: string | null): void {
  scriptInstead = path;
  if (warm && !warm.busy) {
    clearTimeout(warm.idle);
    void warm.worker.terminate();
    warm = null;
  }
}

/**
 * The worker's script. The app's build puts docWorker.cjs beside main.cjs; when main's sources
 * run directly (tests, the CLI and the web preview under tsx), it is bundled once, the same way,
 * into node_modules/.cache, where it finds the native modules as main does.
 */
async function workerScript(): Promise<string> {
  if (scriptInstead) return scriptInstead;
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'docWorker.cjs');
  if (existsSync(beside)) return beside;
  devScript ??= (async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const out = join(root, 'node_modules', '.cache', 'scp', 'docWorker.cjs');
    // Loaded by path, so the app's bundler never follows it into esbuild.
    const { bundleDocWorker } = (await import(pathToFileURL(join(root, 'electron', 'build.mjs')).href)) as { bundleDocWorker: (outfile: string) => Promise<void> };
    mkdirSync(dirname(out), { recursive: true });
    // Several test processes may do this at once: each writes its own file and renames it into place.
    const mine = `${out}.${process.pid}.${Date.now()}.tmp`;
    await bundleDocWorker(mine);
    renameSync(mine, out);
    return out;
  })();
  return devScript;
}

/** Reports the export's second step: the document is built, its pages are being laid out. */
function laidOutNext(job: JobControl, req: ExportRequest): void {
  job.progress(1, EXPORT_STEPS, req.kind === 'pack' ? 'Laying out the pages and numbering the contents…' : 'Laying out the pages…');
}

async function buildInPlace(ctx: HandlerContext, req: ExportRequest, job: JobControl): Promise<PackedDocument> {
  const built = await buildDocument(ctx, req);
  await job.checkpoint();
  laidOutNext(job, req);
  return { bytes: await packDocx(built.doc), fileName: built.fileName, sources: built.sources, restricted: built.restricted };
}

/**
 * Builds and packs the document. The pack (seconds, at scale, in its page layout) is made in a
 * worker; the other documents take a few hundred milliseconds at most, less than a worker takes
 * to start, so they are made in place, as is everything for a database in memory (tests).
 */
export async function buildAndPack(ctx: HandlerContext, req: ExportRequest, job: JobControl): Promise<PackedDocument> {
  if (req.kind !== 'pack' || ctx.info.dbPath === ':memory:') return buildInPlace(ctx, req, job);
  let taken: { worker: Worker; keep: boolean };
  try {
    taken = await takeWorker();
  } catch (err) {
    // No worker could be started (its script missing from an odd install): the pack is still made, in place.
    console.error('[export] the document worker could not start; building in place:', err);
    return buildInPlace(ctx, req, job);
  }
  const { worker, keep } = taken;
  const id = nextRequest++;
  let timer: NodeJS.Timeout | undefined;
  let healthy = false;
  const listeners: { message?: (m: WorkerAnswer) => void; error?: (e: Error) => void; exit?: (code: number) => void } = {};
  try {
    const packed = await new Promise<PackedDocument>((resolveOnce, rejectOnce) => {
      let settled = false;
      const resolve = (v: PackedDocument) => void (settled || ((settled = true), resolveOnce(v)));
      const reject = (e: unknown) => void (settled || ((settled = true), rejectOnce(e as Error)));
      timer = setInterval(() => {
        try {
          job.throwIfCancelled();
        } catch (err) {
          reject(err);
        }
      }, CANCEL_POLL_MS);
      let heard = false;
      // A worker that cannot load its script at all (an install whose archive a worker cannot
      // read) says so before it says anything else: then the pack is made in place instead.
      const startFailed = (why: unknown) => {
        if (settled) return; // stopped by a cancel: nothing more to do
        settled = true;
        console.error('[export] the document worker did not start; building in place:', why);
        buildInPlace(ctx, req, job).then(resolveOnce, rejectOnce);
      };
      listeners.message = (m: WorkerAnswer) => {
        if (m.id !== id) return;
        heard = true;
        if ('step' in m) laidOutNext(job, req);
        else if ('done' in m) resolve({ ...m.done, bytes: new Uint8Array(m.done.bytes) });
        else if (m.failed.code) reject(new UserFacingError(m.failed.code, m.failed.message, m.failed.fields));
        else reject(new Error(`The document could not be built: ${m.failed.message}`));
        // A document that was built, or refused with a reason, leaves the worker fit for the next.
        healthy = 'done' in m || 'failed' in m;
      };
      listeners.error = (err) => (heard ? reject(err) : startFailed(err));
      listeners.exit = (code) => (heard ? reject(new Error(`The document builder stopped unexpectedly (exit code ${code}).`)) : startFailed(`exit code ${code}`));
      worker.on('message', listeners.message);
      worker.once('error', listeners.error);
      worker.once('exit', listeners.exit);
      worker.postMessage({ id, dbPath: ctx.info.dbPath, dataDir: ctx.dataDir, now: ctx.now().toISOString(), info: ctx.info, req } satisfies DocJob);
    });
    return packed;
  } finally {
    clearInterval(timer);
    if (listeners.message) worker.off('message', listeners.message);
    if (listeners.error) worker.off('error', listeners.error);
    if (listeners.exit) worker.off('exit', listeners.exit);
    // A cancel, or a worker that broke, is stopped; a finished one is kept warm.
    await giveBack(worker, keep, healthy);
  }
}
