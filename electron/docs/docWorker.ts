// The export job's worker thread: reads what a document needs on its own read-only connection,
// builds the document and packs it (the page layout of a full pack takes seconds), and hands the
// bytes back, so main stays free to answer the screens and can stop the work at once. It takes
// one document at a time, and stays warm between them: the layout's code, compiled on the first
// pack, makes the next one twice as quick. Its connection stays open while it is warm too, with
// its page cache and prepared statements, so the next document's reads start where the last left
// off; main lets the worker go (which closes it) before a restore puts another file in its place,
// and the connection is kept only while the path still names the file it opened.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { PAGE_CACHE_KIB, withStatementCache } from '#db/open';
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

interface Connection {
  dbPath: string;
  /** the file the path named when it was opened (device and inode, or Windows' file index) */
  file: string;
  sqlite: Database.Database;
  db: Kysely<DB>;
}
/** The connection kept between documents, to the database of the last one. */
let kept: Connection | null = null;

/** Which file a path names now: another file put in its place (by any program) has another. */
function fileAt(path: string): string {
  const s = statSync(path, { bigint: true });
  return `${s.dev}:${s.ino}`;
}

/**
 * The connection to a document's database: the kept one if it is to the same file, else a new one.
 * A file replaced under the same path (a restore the worker was not let go for, another program)
 * is opened afresh: a connection kept open would go on reading the file set aside.
 */
async function connectionTo(dbPath: string): Promise<Connection> {
  const file = fileAt(dbPath);
  if (kept?.dbPath === dbPath && kept.file === file) return kept;
  await closeKept();
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    // As main's own connection: SQLite's default 2 MB cache would reread the same index pages.
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  kept = { dbPath, file, sqlite, db: new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }) };
  return kept;
}

async function closeKept(): Promise<void> {
  const c = kept;
  kept = null;
  if (c) await c.db.destroy();
}

async function run(job: DocJob): Promise<void> {
  const port = parentPort!;
  try {
    const { sqlite, db } = await connectionTo(job.dbPath);
    const ctx: HandlerContext = { db, sqlite, now: () => new Date(job.now), info: job.info, dataDir: job.dataDir };
    // Every read in one snapshot, as main's own build would see it; ended however the build ends.
    sqlite.exec('begin');
    let built;
    try {
      built = await buildDocument(ctx, job.req);
    } finally {
      if (sqlite.inTransaction) sqlite.exec('commit');
    }
    // What the personal-data gate needs of the records goes now: main looks at it while the pages are laid out.
    port.postMessage({ id: job.id, step: 'built', sources: built.sources, restricted: built.restricted } satisfies WorkerAnswer);
    const bytes = await packDocx(built.doc);
    port.postMessage({ id: job.id, done: { bytes, fileName: built.fileName } } satisfies WorkerAnswer, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const failed =
      err instanceof UserFacingError ? { code: err.code, message: err.message, fields: err.fields } : { code: null, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    port.postMessage({ id: job.id, failed } satisfies WorkerAnswer);
    // A document refused with a reason leaves the connection as it was; anything else closes it,
    // so a file that broke, or was put back from a backup, is opened afresh by the next document.
    if (!(err instanceof UserFacingError)) await closeKept();
  }
}

parentPort!.on('message', (job: DocJob) => void run(job));
