// Purpose: a log of every document written: what, for which panel, where, its size and SHA-256, the marking, who and when, and any personal-data findings overridden with a reason.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('export_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('panel_id', 'integer', (c) => c.references('panels.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // JSON array of the findings that were overridden (masked), and the reason given.
    .addColumn('overridden', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(overridden)`))
    .addColumn('override_reason', 'text')
    .execute();
  await db.schema.createIndex('export_log_at').on('export_log').column('at').execute();
  // The log is a record of what left the app: it is never edited (only a deleted panel's id is
  // cleared by the foreign key, so the entry outlives the panel).
  await sql
    .raw(
      `create trigger export_log_no_update before update of kind, title, path, bytes, sha256, marking, actor, at, overridden, override_reason on export_log begin select raise(abort, 'The export log cannot be changed'); end`,
    )
    .execute(db);
  await sql.raw(`create trigger export_log_no_delete before delete on export_log begin select raise(abort, 'The export log cannot be changed'); end`).execute(db);
}
