// Purpose: mark evidence whose personal detail has been erased at the end of its retention, and make full-text deletes remove index entries at once.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evidence').addColumn('erased_at', 'text').execute();
  // FTS5 normally leaves a deleted row's terms in older segments until they are merged;
  // secure-delete removes them when the row changes, so erased words leave the file.
  await sql`insert into evidence_fts(evidence_fts, rank) values ('secure-delete', 1)`.execute(db);
  await sql`insert into themes_fts(themes_fts, rank) values ('secure-delete', 1)`.execute(db);
}
