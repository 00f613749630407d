// The export job's worker thread: reads what a document needs on its own read-only connection,
// builds the document and packs it (the page layout of a full pack takes seconds), and hands the
// bytes back, so main stays free to answer the screens and can stop the work at once. It takes
// one document at a time, and stays warm between them: the layout's code, compiled on the first
// pack, makes the next one twice as quick.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { parentPort } from 'node:worker_threads';
import type { DB } from '#db/schema';
import type { ExportRequest } from '#shared/ipc/contract';
import { UserFacingError } from '#shared/ipc/result';
import { packDocx } from '#templates/style/pack';
import type { HandlerContext } from '../handlers/context';
import { buildDocument } from './buildDocument';
import type { WorkerAnswer } from './docWorkerHost';

export interface DocJob {
  /** which request this is, repeated in every answer */
  id: number;
  dbPath: string;
  dataDir: string;
  now: string;
  info: HandlerContext['info'];
  req: ExportRequest;
}

async function run(job: DocJob): Promise<void> {
  const port = parentPort!;
  const sqlite = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const ctx: HandlerContext = { db, sqlite, now: () => new Date(job.now), info: job.info, dataDir: job.dataDir };
    // Every read in one snapshot, as main's own build would see it.
    sqlite.exec('begin');
    const built = await buildDocument(ctx, job.req);
    sqlite.exec('commit');
    port.postMessage({ id: job.id, step: 'built' } satisfies WorkerAnswer);
    const bytes = await packDocx(built.doc);
    port.postMessage({ id: job.id, done: { bytes, fileName: built.fileName, sources: built.sources, restricted: built.restricted } } satisfies WorkerAnswer, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const failed =
      err instanceof UserFacingError ? { code: err.code, message: err.message, fields: err.fields } : { code: null, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    port.postMessage({ id: job.id, failed } satisfies WorkerAnswer);
  } finally {
    await db.destroy();
  }
}

parentPort!.on('message', (job: DocJob) => void run(job));
