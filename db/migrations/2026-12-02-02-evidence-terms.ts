// Purpose: search can ask which terms the evidence index holds, so a word that is the start of no other term is matched whole.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // A view of evidence_fts's own index, one row a word in a record, in the order of the terms; it
  // stores nothing. Finding the first term at or after a given one reads a single index entry.
  await sql`create virtual table evidence_terms using fts5vocab(evidence_fts, instance)`.execute(db);
}
