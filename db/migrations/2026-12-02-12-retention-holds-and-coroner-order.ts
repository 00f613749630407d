// Purpose: each record says what personal detail it still holds, kept by triggers, so the retention review reads only the records that hold some; the coroners' reports list reads its order from indexes instead of sorting every report.
import { sql, type Kysely } from 'kysely';
import { RETENTION_BASIS } from './2026-11-23-11-retention-and-list-indexes';

/**
 * What a record still holds that erasure removes, as bits (retention.ts reads them): 1 the
 * person's name, 2 the case reference, and for a coroner's report 4 the circumstances of the
 * death and 8 the link to the published report. Worked out for the evidence row being updated.
 */
const HOLDS = `coalesce((select (p.person_name != '') + 2 * (p.case_reference != '') from evidence_personal p where p.evidence_id = evidence.id), 0)
      + (type = 'pfd') * (4 * coalesce(json_extract(details, '$.circumstances') != '', 0) + 8 * coalesce(json_extract(details, '$.reportUrl') != '', 0))`;

/** Sets a record's personal_holds, only when it has changed. */
const refresh = (id: string) => `update evidence set personal_holds = ${HOLDS} where id = ${id} and personal_holds != ${HOLDS};`;

/**
 * A coroner's report's place among the reports that are not open (answered, or not addressed to
 * DWP), which does not depend on the day: responded late (3), responded (4), not DWP's (5). It is
 * the listing's rank (evidence.ts) for those reports, and the query must spell it the same way.
 */
export const CLOSED_RANK = `case when addressed_to_dwp = 0 then 5 when response_sent_on > coalesce(extended_to, date(report_date, '+56 days')) then 3 else 4 end`;
/** A report addressed to DWP and still waiting for its response: its rank depends on the day. */
export const OPEN_REPORT = `addressed_to_dwp = 1 and responded = 0 and response_sent_on is null`;

// The audit trigger's body as migration 04 wrote it (frozen with this migration).
const ACTOR = `coalesce((select json_extract(value, '$.name') from settings where key = 'identity'), 'system')`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const PREV = `coalesce((select hash from audit_log order by id desc limit 1), '')`;
const AUDITED = ['type', 'ref', 'title', 'summary', 'received_on', 'benefit_lines', 'region', 'tags', 'sensitivity', 'details', 'archived_at'];
const CHANGED = `(select coalesce(json_group_array(value), '[]') from json_each(json_array(${AUDITED.map((c) => `case when old.${c} is not new.${c} then '${c}' end`).join(', ')})) where value is not null)`;
/** Every column of evidence but personal_holds: an update that sets only that one is not audited. */
const WRITTEN = ['id', ...AUDITED, 'search_text', 'source_key', 'created_at', 'updated_at', 'erased_at'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // 1. personal_holds is derived data, like theme_stats: not audited. The evidence audit trigger
  // fired on any update; it now fires on an update that sets any other column, which is every
  // update the app makes, so the log reads as before and the triggers below add nothing to it.
  await sql`alter table evidence add column personal_holds integer not null default 0`.execute(db);
  await sql`drop trigger audit_evidence_update`.execute(db);
  await sql
    .raw(
      `create trigger audit_evidence_update after update of ${WRITTEN.join(', ')} on evidence begin insert into audit_log (table_name, row_key, action, changed_fields, actor, at, prev_hash, hash)
    select t, k, a, c, who, at, prev, scp_sha256(prev || '|' || t || '|' || k || '|' || a || '|' || c || '|' || who || '|' || at)
    from (select 'evidence' as t, cast(new.id as text) as k, 'update' as a, ${CHANGED} as c, ${ACTOR} as who, ${NOW} as at, ${PREV} as prev); end`,
    )
    .execute(db);
  await sql.raw(`update evidence set personal_holds = ${HOLDS}`).execute(db);
  // Kept by every change that can add or remove personal detail: the record's type or details
  // (a coroner's report's circumstances and link), and its name and case reference. Erasure
  // blanks both, so an erased record holds nothing.
  await sql.raw(`create trigger evidence_holds_insert after insert on evidence begin ${refresh('new.id')} end`).execute(db);
  await sql.raw(`create trigger evidence_holds_update after update of type, details on evidence begin ${refresh('new.id')} end`).execute(db);
  await sql.raw(`create trigger evidence_personal_holds_insert after insert on evidence_personal begin ${refresh('new.evidence_id')} end`).execute(db);
  await sql
    .raw(`create trigger evidence_personal_holds_update after update of evidence_id, person_name, case_reference on evidence_personal begin ${refresh('old.evidence_id')} ${refresh('new.evidence_id')} end`)
    .execute(db);
  await sql.raw(`create trigger evidence_personal_holds_delete after delete on evidence_personal begin ${refresh('old.evidence_id')} end`).execute(db);

  // 2. The retention review: the records still holding personal detail (about half), unerased, in
  // date order for its pages, and by their basis for its count, which reads only those whose
  // basis is before the shortest rule's cut. They replace migration 11's index of every record.
  // Every column the query names is in them, so the rows themselves are never read.
  const holders = `where erased_at is null and personal_holds != 0`;
  await sql`drop index evidence_retention`.execute(db);
  await sql
    .raw(`create index evidence_retention_due on evidence (received_on, id, type, ref, ${RETENTION_BASIS}, json_extract(details, '$.suicideOrSelfHarm'), personal_holds, erased_at) ${holders}`)
    .execute(db);
  await sql.raw(`create index evidence_retention_basis on evidence (${RETENTION_BASIS}, type, json_extract(details, '$.suicideOrSelfHarm'), personal_holds, erased_at) ${holders}`).execute(db);

  // 3. The coroners' reports in their working order. The open reports (a few hundred) are ranked
  // against the day and sorted; the rest, nearly all of them, come in order from these indexes,
  // DWP's with the answered-flag before the record as the list orders them, all with the record.
  const reportColumns = 'addressed_to_dwp, responded, response_sent_on, extended_to';
  await sql.raw(`create index coroner_reports_open on coroner_reports (${reportColumns}, report_date) where ${OPEN_REPORT}`).execute(db);
  await sql
    .raw(`create index coroner_reports_closed_dwp on coroner_reports (addressed_to_dwp, ${CLOSED_RANK}, report_date desc, responded, evidence_id, ${reportColumns}) where addressed_to_dwp = 1 and not (${OPEN_REPORT})`)
    .execute(db);
  await sql.raw(`create index coroner_reports_closed_all on coroner_reports (${CLOSED_RANK}, report_date desc, evidence_id, ${reportColumns}) where not (${OPEN_REPORT})`).execute(db);
}
