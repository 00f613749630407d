// Main's side of the export worker (docWorker.ts): finds or makes its script, runs it for one
// document, reports its steps, and terminates it at once when the job is cancelled; and builds the
// panel pack ahead, for the export that follows, when a screen offers it.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { londonToday } from '#shared/format';
import type { ExportRequest, PackPreparation } from '#shared/ipc/contract';
import { UserFacingError, type ErrorCode } from '#shared/ipc/result';
import { prepareGate, type GateSource, type PreparedGate, type RestrictedValue } from '#shared/pii/gate';
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
  /** the gate's look at the sources, made while the pages were laid out (exportPacked makes it otherwise) */
  gate?: PreparedGate;
}

export type WorkerAnswer = { id: number } & (
  /** the records are read: what the gate needs of them comes now, for main to look at while the worker lays the pages out */
  | { step: 'built'; sources: GateSource[]; restricted: RestrictedValue[] }
  | { done: { bytes: Uint8Array; fileName: string } }
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

let workersMade = 0;
/** How many workers have been started. */
export function workersStarted(): number {
  return workersMade;
}

/** How many documents have been sent to workers, preparations included. */
export function workerRequests(): number {
  return nextRequest - 1;
}

/** The warm worker if it is free, else a new one (kept warm if there is none). */
async function takeWorker(): Promise<{ worker: Worker; keep: boolean }> {
  if (warm && !warm.busy) {
    clearTimeout(warm.idle);
    warm.busy = true;
    return { worker: warm.worker, keep: true };
  }
  const worker = new Worker(await workerScript());
  workersMade++;
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
  void letWarmWorkerGo();
}

/**
 * Stops the warm worker if it is idle, as its five minutes' wait would: the next pack starts a new
 * one. Settles when the worker has stopped, and with it the database connection it kept.
 */
export async function letWarmWorkerGo(): Promise<void> {
  if (warm && !warm.busy) {
    clearTimeout(warm.idle);
    const { worker } = warm;
    warm = null;
    await worker.terminate();
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

/** The worker stopped, or failed, before it said anything: its script could not be loaded. */
class WorkerDidNotStart extends Error {}

/**
 * Sends one document to a worker and waits for it. `watch` is called at once, then every
 * CANCEL_POLL_MS, and stops the wait by throwing; `onBuilt` when the records are read and the
 * layout begins. The worker is given back (kept warm when it finished a document, or refused one
 * with a reason; stopped when it broke or the wait was stopped).
 */
async function ask(
  ctx: HandlerContext,
  taken: { worker: Worker; keep: boolean },
  req: ExportRequest,
  hooks: { onBuilt: () => void; watch: () => void },
): Promise<PackedDocument> {
  const { worker, keep } = taken;
  const id = nextRequest++;
  let healthy = false;
  const listeners: { message?: (m: WorkerAnswer) => void; error?: (e: Error) => void; exit?: (code: number) => void } = {};
  try {
    const answer = new Promise<PackedDocument>((resolve, reject) => {
      let heard = false;
      let built: Pick<PackedDocument, 'sources' | 'restricted' | 'gate'> | undefined;
      listeners.message = (m: WorkerAnswer) => {
        if (m.id !== id) return;
        heard = true;
        if ('step' in m) {
          // Looked at here, on main's own thread, while the worker lays the pages out on another.
          // Without them (a worker of another version) the document is refused when it comes: the
          // gate is never run without the restricted values.
          try {
            built = Array.isArray(m.sources) && Array.isArray(m.restricted) ? { sources: m.sources, restricted: m.restricted, gate: prepareGate(m.sources, m.restricted) } : undefined;
          } catch (err) {
            reject(err);
          }
          hooks.onBuilt();
        } else if ('done' in m) {
          if (!built) reject(new Error('The document builder sent a document without its sources.'));
          else resolve({ ...built, fileName: m.done.fileName, bytes: new Uint8Array(m.done.bytes) });
        }
        else if (m.failed.code) reject(new UserFacingError(m.failed.code, m.failed.message, m.failed.fields));
        else reject(new Error(`The document could not be built: ${m.failed.message}`));
        // A document that was built, or refused with a reason, leaves the worker fit for the next.
        healthy = 'done' in m || 'failed' in m;
      };
      // A worker that cannot load its script at all (an install whose archive a worker cannot
      // read) fails before it says anything else.
      listeners.error = (err) => reject(heard ? err : new WorkerDidNotStart(String(err)));
      listeners.exit = (code) => reject(heard ? new Error(`The document builder stopped unexpectedly (exit code ${code}).`) : new WorkerDidNotStart(`exit code ${code}`));
      worker.on('message', listeners.message);
      worker.once('error', listeners.error);
      worker.once('exit', listeners.exit);
      worker.postMessage({ id, dbPath: ctx.info.dbPath, dataDir: ctx.dataDir, now: ctx.now().toISOString(), info: ctx.info, req } satisfies DocJob);
    });
    return await watched(answer, hooks.watch);
  } finally {
    if (listeners.message) worker.off('message', listeners.message);
    if (listeners.error) worker.off('error', listeners.error);
    if (listeners.exit) worker.off('exit', listeners.exit);
    // A cancel, or a worker that broke, is stopped; a finished one is kept warm.
    await giveBack(worker, keep, healthy);
  }
}

/**
 * Where the database stood when a pack was prepared: changes made through this connection, and
 * commits by any other (the CLI, say). Null while this connection is inside a transaction, whose
 * writes the worker cannot see yet: a pack prepared then is never used.
 */
export function dataVersion(sqlite: HandlerContext['sqlite']): string | null {
  if (sqlite.inTransaction) return null;
  // Both counts start again on a new connection (after a restore, say): each connection has its own serial.
  let serial = connections.get(sqlite);
  if (serial === undefined) connections.set(sqlite, (serial = ++connectionsSeen));
  const changes = sqlite.prepare('select total_changes()').pluck().get() as number;
  const others = sqlite.pragma('data_version', { simple: true }) as number;
  return `${serial}.${changes}.${others}`;
}
const connections = new WeakMap<HandlerContext['sqlite'], number>();
let connectionsSeen = 0;

/**
 * A pack built ahead, in the warm worker, while the user looks at the approved agenda: the export
 * they are most likely to ask for next. Used if nothing in the database has changed since it was
 * begun and it is still the same day in London; otherwise the pack is built afresh, by a worker
 * that the preparation has left warm.
 */
interface Prepared {
  dbPath: string;
  panelId: number;
  version: string;
  day: string;
  /** the pack, or null if it could not be built (the export, built afresh, will say why) */
  result: Promise<PackedDocument | null>;
  done: boolean;
  expires: NodeJS.Timeout;
}
let prepared: Prepared | null = null;
/** The preparation whose build is running in a worker now, and that worker. */
let building: { worker: Worker; finished: Promise<unknown>; stopped: boolean } | null = null;

/** A prepared pack not asked for in this time is let go (its bytes with it). */
const PREPARED_FOR_MS = 10 * 60_000;
/** A preparation still building after this long is stopped (its worker with it): something is wrong. */
const PREPARING_AT_MOST_MS = 2 * 60_000;

/** Whether a preparation was begun for this database's panel, as the data and the day stand now. */
function standsFor(p: Prepared, dbPath: string, panelId: number, version: string | null, day: string): boolean {
  return p.dbPath === dbPath && p.panelId === panelId && p.version === version && p.day === day;
}

function dropPrepared(p: Prepared | null): void {
  if (!p) return;
  clearTimeout(p.expires);
  if (prepared === p) prepared = null;
}

/** Whether a pack is being prepared, or waiting to be used, and for which panel. */
export function preparedPack(): { panelId: number; done: boolean } | null {
  return prepared ? { panelId: prepared.panelId, done: prepared.done } : null;
}

/**
 * Lets any preparation go, stopping the worker that builds it, and the warm worker, which keeps a
 * connection to the database open between documents; waits until they have stopped: before a
 * restore puts another file in place of the database they have open.
 */
export async function letWorkersGo(): Promise<void> {
  dropPrepared(prepared);
  const b = building;
  if (b) {
    b.stopped = true;
    await b.worker.terminate();
    await b.finished;
  }
  await letWarmWorkerGo();
}

/** Builds one preparation's pack on the warm worker; null if it cannot (said in the log unless the pack was refused with a reason). */
async function buildPrepared(ctx: HandlerContext, entry: Prepared, after: Promise<unknown> | null): Promise<PackedDocument | null> {
  // Another preparation's build holds the worker: this one follows it there, warm.
  if (after) await after;
  // Let go while it waited (another panel's pack asked for, the database restored): not begun.
  if (prepared !== entry) return null;
  let taken: { worker: Worker; keep: boolean };
  try {
    taken = await takeWorker();
  } catch (err) {
    console.error('[export] the document worker could not start to prepare the pack:', err);
    return null;
  }
  const started = Date.now();
  const result = ask(ctx, taken, { kind: 'pack', panelId: entry.panelId }, {
    onBuilt: () => {},
    watch: () => {
      if (Date.now() - started > PREPARING_AT_MOST_MS) throw new Error(`still building after ${PREPARING_AT_MOST_MS / 1000} s`);
    },
  });
  const mine = { worker: taken.worker, finished: result.catch(() => null), stopped: false };
  building = mine;
  try {
    return await result;
  } catch (err) {
    // A pack refused with a reason (a cancelled panel) is for the export to say; anything else is logged.
    if (!(err instanceof UserFacingError) && !mine.stopped) console.error('[export] preparing the pack failed; the export will build it afresh:', err);
    return null;
  } finally {
    if (building === mine) building = null;
  }
}

/**
 * Begins building the panel's pack ahead, unless it is being prepared (or is ready) for the same
 * panel and data already, an export has the warm worker, or the database is in memory (tests,
 * where documents are built in place). A preparation still building for something else is
 * superseded: the new one follows it on the same worker.
 */
export function preparePack(ctx: HandlerContext, panelId: number): PackPreparation {
  if (ctx.info.dbPath === ':memory:') return { preparing: false, reason: 'in-memory' };
  const version = dataVersion(ctx.sqlite);
  if (version === null) return { preparing: false, reason: 'changing' };
  const day = londonToday(ctx.now());
  const p = prepared;
  if (p && standsFor(p, ctx.info.dbPath, panelId, version, day)) return { preparing: true };
  // The warm worker busy with no preparation in hand is making an export: only compete with it.
  const before = building?.finished ?? (p && !p.done ? p.result : null);
  if (warm?.busy && !before) return { preparing: false, reason: 'busy' };
  // Set before anything is awaited, so a second call finds it.
  dropPrepared(p);
  const entry: Prepared = { dbPath: ctx.info.dbPath, panelId, version, day, done: false, result: Promise.resolve(null), expires: setTimeout(() => dropPrepared(entry), PREPARED_FOR_MS) };
  entry.expires.unref?.();
  prepared = entry;
  entry.result = buildPrepared(ctx, entry, before);
  void entry.result.then(() => {
    entry.done = true;
  });
  return { preparing: true };
}

/**
 * Waits for a promise, calling `check` at once and then every CANCEL_POLL_MS: what it throws (a
 * cancel) ends the wait. The first look means a cancel asked for before the wait began is heard
 * even when the answer comes sooner than the first tick (a small pack on a warm worker can).
 */
export async function watched<T>(promise: Promise<T>, check: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    try {
      check();
    } catch (err) {
      // Not waited for now: whatever it comes to later is nobody's (nor an unhandled rejection).
      promise.catch(() => {});
      throw err;
    }
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setInterval(() => {
          try {
            check();
          } catch (err) {
            reject(err);
          }
        }, CANCEL_POLL_MS);
      }),
    ]);
  } finally {
    clearInterval(timer);
  }
}

/**
 * The prepared pack for this request, if it can stand for a build now: the same database and
 * panel, nothing changed since it was begun, the same day. One still being built is waited for
 * (a cancel meanwhile leaves it for the next export). One that can no longer be used is let go;
 * if a preparation's build still holds the worker, it is waited for all the same: the worker is
 * then warm, and builds the pack afresh in about half the time a new worker would (one stopped
 * and started again loses that).
 */
async function takePrepared(ctx: HandlerContext, req: ExportRequest, job: JobControl): Promise<PackedDocument | null> {
  const p = prepared;
  if (!p || req.kind !== 'pack') return null;
  const usable = standsFor(p, ctx.info.dbPath, req.panelId, dataVersion(ctx.sqlite), londonToday(ctx.now()));
  const cancelled = () => job.throwIfCancelled();
  if (usable) {
    const packed = await watched(p.result, cancelled);
    dropPrepared(p);
    if (packed) laidOutNext(job, req);
    return packed;
  }
  dropPrepared(p);
  if (building) await watched(building.finished, cancelled);
  return null;
}

/**
 * Builds and packs the document. The pack (seconds, at scale, in its page layout) is made in a
 * worker, or taken ready-made from a preparation; the other documents take a few hundred
 * milliseconds at most, less than a worker takes to start, so they are made in place, as is
 * everything for a database in memory (tests).
 */
export async function buildAndPack(ctx: HandlerContext, req: ExportRequest, job: JobControl): Promise<PackedDocument> {
  if (req.kind !== 'pack' || ctx.info.dbPath === ':memory:') return buildInPlace(ctx, req, job);
  // Cancelled already: before a worker is taken (and, told to stop, lost to the next pack).
  job.throwIfCancelled();
  const ready = await takePrepared(ctx, req, job);
  if (ready) return ready;
  let taken: { worker: Worker; keep: boolean };
  try {
    taken = await takeWorker();
  } catch (err) {
    // No worker could be started (its script missing from an odd install): the pack is still made, in place.
    console.error('[export] the document worker could not start; building in place:', err);
    return buildInPlace(ctx, req, job);
  }
  try {
    return await ask(ctx, taken, req, { onBuilt: () => laidOutNext(job, req), watch: () => job.throwIfCancelled() });
  } catch (err) {
    if (!(err instanceof WorkerDidNotStart)) throw err;
    console.error('[export] the document worker did not start; building in place:', err.message);
    return buildInPlace(ctx, req, job);
  }
}
