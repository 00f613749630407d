// A database migrated step by step, for the tests of each migration: a fresh one in memory before
// each test (foreign keys on, the audit's SQL functions registered, as the app opens it), closed
// after it.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach } from 'vitest';
import { registerAuditFunctions } from '#db/audit';
import { migrationProvider } from '#db/migrations/index';

export interface Migrating {
  raw: Database.Database;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migration tests speak to the schema of their time
  db: Kysely<any>;
  /** Migrates up (or down) to the named migration; a migration's error fails the test. */
  to(name: string): Promise<void>;
}

/** A panel in May 2026, with whatever else `values` gives it; its id. */
export async function addPanel(m: Migrating, values: Record<string, unknown> = {}): Promise<number> {
  const now = '2026-11-23T10:00:00Z';
  const row = await m.db
    .insertInto('panels')
    .values({ date: '2026-05-13', start_time: '10:00', end_time: '12:00', format: 'online', created_at: now, updated_at: now, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id as number;
}

/** Call at the top of a test file: `m.db`, `m.raw` and `m.to` are each test's own. */
export function migratingDatabase(): Migrating {
  let migrator: Migrator;
  const m = {
    to: async (name: string) => {
      const r = await migrator.migrateTo(name);
      if (r.error) throw r.error;
    },
  } as Migrating;
  beforeEach(() => {
    m.raw = new Database(':memory:');
    m.raw.pragma('foreign_keys = ON');
    registerAuditFunctions(m.raw);
    m.db = new Kysely({ dialect: new SqliteDialect({ database: m.raw }) });
    migrator = new Migrator({ db: m.db, provider: migrationProvider });
  });
  afterEach(async () => m.db.destroy());
  return m;
}
