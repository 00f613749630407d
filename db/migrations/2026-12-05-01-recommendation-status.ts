// Purpose: recommendations found by status (the open ones, matters arising's open and implemented) from an index.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // Of twenty years' 5,000 recommendations, a few hundred are still open: a list of those read
  // every recommendation (its whole row, text and all) to look at its status.
  await db.schema.createIndex('recommendations_status').on('recommendations').columns(['status', 'panel_id']).execute();
}
