// SQLite's own checks of a database file, run on a read-only connection in a worker thread so
// the main thread (and every screen it serves) carries on meanwhile, and can stop the check.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  parentPort.postMessage({ answer: String(db.pragma(workerData.pragma, { simple: true })) });
} catch (err) {
  parentPort.postMessage({ failed: String(err && err.message || err) });
} finally {
  if (db) db.close();
}`;

export interface FileCheck {
  /** SQLite's answer ('ok' when the file is sound); rejects when the file could not be checked or the check was stopped. */
  answer: Promise<string>;
  /** Stops the check; `answer` then rejects. */
  stop(): Promise<unknown>;
}

/** Starts `pragma` (integrity_check or quick_check) on the file at `path` in a worker. */
export function checkFileInWorker(path: string, pragma: 'integrity_check' | 'quick_check'): FileCheck {
  // The worker loads the same better-sqlite3 the main thread uses.
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { module, path, pragma } });
  const answer = new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { answer?: string; failed?: string }) => (m.answer !== undefined ? resolve(m.answer) : reject(new Error(m.failed))));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the check stopped before it finished')));
  });
  // Nobody may be waiting yet when it is stopped; the rejection is still seen by whoever awaits it.
  answer.catch(() => {});
  return { answer, stop: () => worker.terminate() };
}

/** SQLite's list of problems, cut to the first few for a message a person reads. */
export function summariseProblems(answer: string, shown = 3): string {
  const lines = answer.split(/\s*\n\s*/).filter((l) => l && !/^\*\*\* in database/.test(l));
  const more = lines.length - shown;
  return lines.slice(0, shown).join('; ') + (more > 0 ? `; and ${more.toLocaleString('en-GB')} more` : '');
}
