// Purpose: indexes that keep the register's lists, counts and theme statistics fast at 100,000 records.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // Partial indexes over live (unarchived) records: the default list, its count and deep pages
  // read only the index, never the wide rows.
  await sql`create index evidence_live_received on evidence (received_on, id) where archived_at is null`.execute(db);
  await sql`create index evidence_live_type on evidence (type, received_on, id) where archived_at is null`.execute(db);
  await sql`create index evidence_live_ref on evidence (ref collate nocase, id) where archived_at is null`.execute(db);
  await sql`create index evidence_live_title on evidence (title, id) where archived_at is null`.execute(db);
  await sql`create index evidence_live_region on evidence (region, id) where archived_at is null`.execute(db);
  // Theme statistics look up each linked record's date: this covers that lookup.
  await sql`create index evidence_id_received on evidence (id, received_on)`.execute(db);
  await sql`create index evidence_region on evidence (region)`.execute(db);
}
