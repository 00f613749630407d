// Real handlers over a real, migrated SQLite database: the test double is only the transport.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '#db/open';
import { handlers } from '../../electron/handlers/index';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/ipc/dispatch';
import { CHANNELS, type ScpApi } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/result';

export interface Harness {
  opened: OpenedDatabase;
  ctx: HandlerContext;
  api: ScpApi;
  /** Moves the fixed clock. */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function makeHarness(opts: { now?: string; file?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'scp-test-'));
  const path = opts.file ? join(dir, 'scp.db') : ':memory:';
  const opened = await openDatabase(path);
  let now = new Date(opts.now ?? '2026-11-23T10:00:00Z');
  const ctx: HandlerContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    now: () => now,
    info: { version: 'test', dbPath: path, schemaVersion: opened.schemaVersion, sqliteVersion: 'test' },
    dataDir: dir,
  };
  const api = Object.fromEntries(
    CHANNELS.map((c) => [c, (arg: unknown) => dispatch(handlers, ctx, c, arg)]),
  ) as unknown as ScpApi;
  const harness: Harness = {
    opened,
    ctx,
    api,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: async () => {
      await harness.opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // A restore swaps the open database; the harness follows it, as main does.
  ctx.onDatabaseReplaced = (o) => {
    harness.opened = o;
  };
  return harness;
}

/** Unwraps a result envelope in a test, failing with the server's own words. */
export function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
