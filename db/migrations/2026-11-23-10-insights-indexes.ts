// Purpose: indexes that keep the charts' IPR timeliness, coroner timeliness and time to implement fast at 100,000 records.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // Each stage of an Internal Process Review, found by the date it ended and read from the index
  // alone: the review's dates live in its JSON details, which would otherwise mean reading every
  // review's whole row (a quarter of the register).
  const ipr = (name: string, ended: string, started: string) =>
    sql
      .raw(`create index ${name} on evidence (json_extract(details, '$.${ended}'), json_extract(details, '$.${started}')) where type = 'ipr' and archived_at is null`)
      .execute(db);
  await ipr('evidence_ipr_accepted', 'acceptedDate', 'referralDate');
  await ipr('evidence_ipr_concluded', 'concludedDate', 'acceptedDate');
  await ipr('evidence_ipr_presented', 'presentedDate', 'concludedDate');
  // Archived records are few: aggregates over other tables leave them out through this list
  // instead of reading each evidence row.
  await sql`create index evidence_archived on evidence (id) where archived_at is not null`.execute(db);
  // When each recommendation reached implemented or closed, without reading the updates' narratives.
  await sql`create index recommendation_updates_status on recommendation_updates (recommendation_id, to_status, on_date) where kind = 'status'`.execute(db);
}
