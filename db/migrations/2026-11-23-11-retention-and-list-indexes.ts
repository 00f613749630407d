// Purpose: indexes that keep the retention review and the longest lists fast at twenty years' scale.
import { sql, type Kysely } from 'kysely';

/**
 * The date a record's retention is counted from (retentionBasis in shared/domain/retention.ts),
 * written once here and in the retention query: SQLite matches an indexed expression only when
 * the query spells it the same way.
 */
export const RETENTION_BASIS = `case type
      when 'ipr' then coalesce(json_extract(details, '$.concludedDate'), received_on)
      when 'pfd' then json_extract(details, '$.reportDate')
      when 'sar' then coalesce(json_extract(details, '$.reviewDate'), received_on)
      else received_on end`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // 1. The retention review reads every unerased record in date order with its retention basis,
  // its rule (suicide or self-harm) and whether a coroner's report still holds the circumstances
  // or the link. Without this it read each wide row in date order and parsed its JSON details:
  // about a second at 100,000 records. erased_at leads (not a partial index) so the index covers
  // the query's "erased_at is null".
  await sql
    .raw(
      `create index evidence_retention on evidence (erased_at, received_on, id, type, ref, ${RETENTION_BASIS},
        json_extract(details, '$.suicideOrSelfHarm'), json_extract(details, '$.circumstances') != '', json_extract(details, '$.reportUrl') != '')`,
    )
    .execute(db);
  // 2. The coroners' reports list: each report's record (reference, title, area) read from a narrow
  // index of live coroners' reports instead of its wide row (about 1 KB, with the JSON details).
  await sql
    .raw(`create index evidence_pfd_list on evidence (type, archived_at, id, ref, title, coalesce(json_extract(details, '$.coronerArea'), '')) where type = 'pfd'`)
    .execute(db);
  // 3. The recommendations list: each recommendation's count of target-date changes and the date
  // of its last status change come from this index alone, and its latest update is found here
  // and read once, instead of reading and sorting all of its updates (ten or more) three times.
  await sql`create index recommendation_updates_kind on recommendation_updates (recommendation_id, kind, id, on_date)`.execute(db);
  await sql`create index recommendation_updates_latest on recommendation_updates (recommendation_id, on_date, id)`.execute(db);
  // 4. A meeting's decisions and actions, found by panel instead of reading all of them (80,000
  // decisions and 20,000 actions at twenty years' scale) in the order they were made.
  await sql`create index decisions_panel on decisions (panel_id, id)`.execute(db);
  await sql`create index actions_panel on actions (panel_id, id)`.execute(db);
}
