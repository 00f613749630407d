// Purpose: the charts' IPR timeliness counts each stage's reviews by financial year and days taken from an index alone.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // Migration 10's indexes found each stage by the date it ended, in date order, so the chart still
  // worked out every review's financial year and days and sorted 34,000 of them to group them (about
  // 20 ms). Keyed by the financial year the stage ended (its first calendar year) and the whole days
  // it took, the index entries come already in the chart's groups, and are counted as they are read.
  // The query's expressions must match these exactly (db/queries/insights.ts: iprTimeliness).
  const x = (field: string) => `json_extract(details, '$.${field}')`;
  const ipr = (name: string, ended: string, started: string) =>
    sql
      .raw(
        `create index ${name} on evidence ((cast(substr(${x(ended)}, 1, 4) as integer) - (substr(${x(ended)}, 6, 2) < '04')), cast(round(julianday(${x(ended)}) - julianday(${x(started)})) as integer)) where type = 'ipr' and archived_at is null and ${x(started)} is not null`,
      )
      .execute(db);
  await ipr('evidence_ipr_accepted_days', 'acceptedDate', 'referralDate');
  await ipr('evidence_ipr_concluded_days', 'concludedDate', 'acceptedDate');
  await ipr('evidence_ipr_presented_days', 'presentedDate', 'concludedDate');
  for (const old of ['evidence_ipr_accepted', 'evidence_ipr_concluded', 'evidence_ipr_presented']) await sql.raw(`drop index ${old}`).execute(db);
}
