import { sql, type CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { coronerTracking } from '#shared/domain/coroner';
import { addCalendarDays } from '#shared/calendar/workingDays';
import {
  CORONER_DUE_SOON_DAYS,
  CORONER_RESPONSE_DAYS,
  type CoronerReportPage,
  type CoronerReportSummary,
  type Evidence,
  type EvidenceDetails,
  type EvidencePage,
  type EvidencePersonal,
  type EvidenceListParsed,
  type EvidenceParsed,
  type EvidenceRow,
  type EvidenceType,
  type Sensitivity,
} from '#shared/domain/evidence';
import type { DB } from '../schema';
import type { CoronerReportRow } from '../tables/evidence';
import { evidenceMatch } from './search';
import { CLOSED_RANK, OPEN_REPORT } from '../migrations/2026-12-02-12-retention-holds-and-coroner-order';

type Q = Kysely<DB> | Transaction<DB>;

/** A record as the contract's schema leaves it (defaults filled in). */
export type EvidenceValues = EvidenceParsed;

/** The type's own panel-facing text, indexed for search (restricted fields never are). */
export function searchTextOf(d: EvidenceDetails): string {
  switch (d.type) {
    case 'ipr':
      return [d.outcome, d.learningPoints].join('\n');
    case 'complaint':
      return d.serviceArea;
    case 'frontline':
      return [d.fromWhom, d.channel].join('\n');
    case 'ice':
      return d.themesRaised;
    case 'pfd':
      return [d.coronerArea, d.category, d.addressees.join('; '), d.concerns].join('\n');
    case 'sar':
      return [d.board, d.dwpInvolvement].join('\n');
    case 'other':
      return [d.sourceBody, d.sourceDetail].join('\n');
  }
}

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function columns(v: EvidenceValues, now: string) {
  return {
    type: v.details.type,
    ref: v.ref,
    title: v.title,
    summary: v.summary,
    received_on: v.receivedOn,
    benefit_lines: JSON.stringify(uniq(v.benefitLines)),
    region: v.region,
    tags: JSON.stringify(uniq(v.tags)),
    sensitivity: v.sensitivity,
    details: JSON.stringify(v.details),
    search_text: searchTextOf(v.details),
    updated_at: now,
  };
}

async function writeSatellites(db: Q, id: number, v: EvidenceValues, now: string, isNew: boolean): Promise<void> {
  if (!isNew) await db.deleteFrom('evidence_labels').where('evidence_id', '=', id).execute();
  const labels = [
    ...uniq(v.tags).map((value) => ({ kind: 'tag' as const, value, evidence_id: id })),
    ...uniq(v.benefitLines).map((value) => ({ kind: 'benefit' as const, value, evidence_id: id })),
  ];
  if (labels.length) await db.insertInto('evidence_labels').values(labels).execute();

  const personal = { person_name: v.personal.personName, case_reference: v.personal.caseReference, updated_at: now };
  await db
    .insertInto('evidence_personal')
    .values({ evidence_id: id, ...personal })
    .onConflict((oc) =>
      oc.column('evidence_id').doUpdateSet(personal).where((eb) =>
        eb.or([eb('evidence_personal.person_name', '!=', personal.person_name), eb('evidence_personal.case_reference', '!=', personal.case_reference)]),
      ),
    )
    .execute();

  const d = v.details;
  if (d.type === 'pfd') {
    const facts = { coroner_ref: d.coronerRef, report_date: d.reportDate, addressed_to_dwp: d.addressedToDwp ? (1 as const) : (0 as const) };
    await db
      .insertInto('coroner_reports')
      .values({ evidence_id: id, ...facts, updated_at: now })
      .onConflict((oc) =>
        oc
          .column('evidence_id')
          .doUpdateSet({ ...facts, updated_at: now })
          .where((eb) =>
            eb.or([
              eb('coroner_reports.coroner_ref', '!=', facts.coroner_ref),
              eb('coroner_reports.report_date', '!=', facts.report_date),
              eb('coroner_reports.addressed_to_dwp', '!=', facts.addressed_to_dwp),
            ]),
          ),
      )
      .execute();
  } else if (!isNew) {
    await db.deleteFrom('coroner_reports').where('evidence_id', '=', id).execute();
  }
}

export async function insertEvidence(db: Q, v: EvidenceValues, now: string, sourceKey: string | null = null): Promise<number> {
  const r = await db
    .insertInto('evidence')
    .values({ ...columns(v, now), source_key: sourceKey, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeSatellites(db, r.id, v, now, true);
  return r.id;
}

/** Updates only when something changed, so that re-saving (or re-importing) the same values leaves no trace. */
export async function updateEvidenceRow(db: Q, id: number, v: EvidenceValues, now: string): Promise<'updated' | 'unchanged'> {
  const cols = columns(v, now);
  const current = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const personal = await findPersonal(db, id);
  const same =
    (Object.keys(cols) as (keyof typeof cols)[]).every((k) => k === 'updated_at' || current[k] === cols[k]) &&
    personal.personName === v.personal.personName &&
    personal.caseReference === v.personal.caseReference;
  if (same) return 'unchanged';
  await db.updateTable('evidence').set(cols).where('id', '=', id).execute();
  await writeSatellites(db, id, v, now, false);
  return 'updated';
}

export async function setEvidenceArchived(db: Q, id: number, archivedAt: string | null, now: string): Promise<void> {
  await db.updateTable('evidence').set({ archived_at: archivedAt, updated_at: now }).where('id', '=', id).execute();
}

export async function findEvidenceBySourceKey(db: Q, key: string): Promise<{ id: number; erased: boolean } | undefined> {
  const r = await db.selectFrom('evidence').select(['id', 'erased_at']).where('source_key', '=', key).executeTakeFirst();
  return r ? { id: r.id, erased: r.erased_at !== null } : undefined;
}

export async function findPersonal(db: Q, id: number): Promise<EvidencePersonal> {
  const r = await db.selectFrom('evidence_personal').selectAll().where('evidence_id', '=', id).executeTakeFirst();
  return { personName: r?.person_name ?? '', caseReference: r?.case_reference ?? '' };
}

function trackingOf(c: CoronerReportRow | undefined, today: string) {
  if (!c || !c.addressed_to_dwp) return null;
  return coronerTracking(factsOf(c), today);
}

function factsOf(c: CoronerReportRow) {
  return {
    reportDate: c.report_date,
    extendedTo: c.extended_to,
    extensionGrantedBy: c.extension_granted_by,
    extensionGrantedOn: c.extension_granted_on,
    responseSentOn: c.response_sent_on,
    responded: c.responded === 1,
  };
}

export async function findEvidence(db: Q, id: number, today: string): Promise<Evidence | undefined> {
  const r = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const c = await db.selectFrom('coroner_reports').selectAll().where('evidence_id', '=', id).executeTakeFirst();
  const themes = await db
    .selectFrom('theme_evidence as l')
    .innerJoin('themes as t', 't.id', 'l.theme_id')
    .select(['t.id', 't.title', 'l.note'])
    .where('l.evidence_id', '=', id)
    .orderBy('t.title')
    .execute();
  return {
    id: r.id,
    type: r.type as EvidenceType,
    ref: r.ref,
    title: r.title,
    summary: r.summary,
    receivedOn: r.received_on,
    benefitLines: JSON.parse(r.benefit_lines) as string[],
    region: r.region,
    tags: JSON.parse(r.tags) as string[],
    sensitivity: r.sensitivity as Sensitivity,
    details: JSON.parse(r.details) as EvidenceDetails,
    archivedAt: r.archived_at,
    erasedAt: r.erased_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    coroner: trackingOf(c, today),
    themes,
  };
}

/** The register's list request, as the contract's schema leaves it (defaults filled in). */
export type ListOptions = EvidenceListParsed;

/** From this many records in a filtered set, its list is read in date order rather than sorted. */
const DENSE_SET = 5000;

const SORT_COLUMN = { receivedOn: 'e.received_on', ref: 'e.ref', title: 'e.title', type: 'e.type', region: 'e.region' } as const;

export async function listEvidence(db: Q, o: ListOptions, today: string): Promise<EvidencePage> {
  const f = o.filter;
  let q = db.selectFrom('evidence as e');
  if (!f.includeArchived) q = q.where('e.archived_at', 'is', null);
  if (f.types?.length) q = q.where('e.type', 'in', f.types);
  if (f.from) q = q.where('e.received_on', '>=', f.from);
  if (f.to) q = q.where('e.received_on', '<=', f.to);
  if (f.tag) q = q.where('e.id', 'in', db.selectFrom('evidence_labels').select('evidence_id').where('kind', '=', 'tag').where('value', '=', f.tag));
  if (f.benefitLine)
    q = q.where('e.id', 'in', db.selectFrom('evidence_labels').select('evidence_id').where('kind', '=', 'benefit').where('value', '=', f.benefitLine));
  if (f.themeId) q = q.where('e.id', 'in', db.selectFrom('theme_evidence').select('evidence_id').where('theme_id', '=', f.themeId));
  if (f.openDeadline)
    q = q.where(
      'e.id',
      'in',
      db.selectFrom('coroner_reports').select('evidence_id').where('addressed_to_dwp', '=', 1).where('responded', '=', 0).where('response_sent_on', 'is', null),
    );
  const match = f.text ? await evidenceMatch(db, f.text) : null;
  if (f.text && !match) return { total: 0, offset: o.offset, rows: [] };
  if (match) q = q.where('e.id', 'in', db.selectFrom('evidence_fts').select('rowid').where(sql<boolean>`evidence_fts match ${match}`));

  // A filter that names a set of records (a tag, a benefit line, a theme, open deadlines, words)
  // is best met from that set: each member is checked against the narrow live-records index
  // (id, received_on), never its wide row. SQLite would otherwise read every matching row (80 ms
  // for a tag on 8,000 of 100,000 records; 3 ms this way), so the index is named for it.
  const bySet = !f.includeArchived && Boolean(f.tag || f.benefitLine || f.themeId || f.openDeadline || match);
  const run = async <R>(query: { compile(): CompiledQuery<R> }, index = 'evidence_live_id_received'): Promise<R[]> => {
    if (!bySet) return (await db.executeQuery(query.compile())).rows;
    const compiled = query.compile();
    const forced = compiled.sql.replace('from "evidence" as "e"', `from "evidence" as "e" indexed by ${index}`);
    return (await db.executeQuery<R>({ ...compiled, sql: forced })).rows;
  };
  // Without such a set, counting through a date-ordered subquery lets SQLite count entries of the
  // narrow (partial) date index instead of scanning the table: 60 ms becomes 3 ms at 100,000 records.
  const counted = bySet ? q.select('e.id') : q.select('e.id').orderBy('e.received_on', 'desc').orderBy('e.id', 'desc');
  const wordsAlone = match !== null && !f.includeArchived && !f.types?.length && !f.from && !f.to && !f.tag && !f.benefitLine && !f.themeId && !f.openDeadline;
  // Words alone are counted in the search index, less the few archived records: checking each of
  // 40,000 matches against the live-records index took 15 ms, this 3 ms.
  const [{ total }] = wordsAlone
    ? await db
        .selectFrom('evidence_fts as f')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where(sql<boolean>`evidence_fts match ${match}`)
        .where('f.rowid', 'not in', db.selectFrom('evidence').select('id').where('archived_at', 'is not', null))
        .execute()
    : await run(db.selectFrom(counted.as('matching')).select((eb) => eb.fn.countAll<number>().as('total')));
  const dir = o.desc ? 'desc' : 'asc';
  // A large set in date order is read along the live date index, each entry checked against the
  // set, stopping at the page: 100 of 40,000 matches in 6 ms instead of sorting all of them (17 ms).
  // A small set is still read member by member and sorted.
  const dense = bySet && o.sort === 'receivedOn' && !f.types?.length && total >= DENSE_SET;
  const rows = await run(
    q
      .select(['e.id', 'e.type', 'e.ref', 'e.title', 'e.received_on', 'e.benefit_lines', 'e.region', 'e.tags', 'e.archived_at'])
      .orderBy(o.sort === 'ref' ? sql`e.ref collate nocase` : SORT_COLUMN[o.sort], dir)
      .orderBy('e.id', dir)
      .limit(o.limit)
      .offset(o.offset),
    dense ? 'evidence_live_received' : undefined,
  );
  const ids = rows.map((r) => r.id);
  const counts = new Map<number, number>();
  const deadlines = new Map<number, string>();
  if (ids.length) {
    for (const c of await db
      .selectFrom('theme_evidence')
      .select(['evidence_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('evidence_id', 'in', ids)
      .groupBy('evidence_id')
      .execute())
      counts.set(c.evidence_id, c.n);
    for (const c of await db.selectFrom('coroner_reports').selectAll().where('evidence_id', 'in', ids).where('addressed_to_dwp', '=', 1).execute()) {
      const t = trackingOf(c, today);
      if (t && t.daysRemaining !== null) deadlines.set(c.evidence_id, t.extendedTo ?? t.responseDue);
    }
  }
  return {
    total,
    offset: o.offset,
    rows: rows.map(
      (r): EvidenceRow => ({
        id: r.id,
        type: r.type as EvidenceType,
        ref: r.ref,
        title: r.title,
        receivedOn: r.received_on,
        benefitLines: JSON.parse(r.benefit_lines) as string[],
        region: r.region,
        tags: JSON.parse(r.tags) as string[],
        archived: r.archived_at !== null,
        themeCount: counts.get(r.id) ?? 0,
        openDeadline: deadlines.get(r.id) ?? null,
      }),
    ),
  };
}

/**
 * Every label in use, for filter pickers. A few dozen values sit in 300,000 label rows, so each is
 * found by jumping along the index from one value to the next (a loose index scan) rather than
 * reading every row: 30 ms becomes well under 1 ms.
 */
export async function listLabels(db: Q): Promise<{ tags: string[]; benefitLines: string[]; regions: string[] }> {
  const distinctLabels = async (kind: 'tag' | 'benefit') =>
    (
      await sql<{ value: string }>`with recursive v(value) as (
        select min(value) from evidence_labels where kind = ${kind}
        union all
        select (select min(value) from evidence_labels where kind = ${kind} and value > v.value) from v where v.value is not null
      ) select value from v where value is not null`.execute(db)
    ).rows.map((r) => r.value);
  // Regions the same way, along the evidence_region index.
  const regions = await sql<{ region: string }>`with recursive r(region) as (
      select min(region) from evidence where region != ''
      union all
      select (select min(region) from evidence where region > r.region) from r where r.region is not null
    ) select region from r where region is not null`.execute(db);
  return { tags: await distinctLabels('tag'), benefitLines: await distinctLabels('benefit'), regions: regions.rows.map((r) => r.region) };
}

/** Reports and their records, in the order they were always read (newest report first). */
function coronerReportRows(db: Q, all: boolean) {
  // Only coroners' reports have a coroner_reports row, so naming the type changes nothing but lets
  // the records come from the narrow evidence_pfd_list index (migration 11) instead of their wide
  // rows: the CROSS JOIN reads that index first, then each report by its key.
  let q = db
    .selectFrom('evidence as e')
    .crossJoin('coroner_reports as c')
    .whereRef('c.evidence_id', '=', 'e.id')
    .where(sql<boolean>`e.type = 'pfd'`) // written out: a bound value cannot select a partial index
    .where('e.archived_at', 'is', null);
  if (!all) q = q.where('c.addressed_to_dwp', '=', 1);
  return q;
}

function toCoronerSummary(r: CoronerReportRow & { title: string; coroner_area: string }, today: string): CoronerReportSummary {
  return {
    evidenceId: r.evidence_id,
    ref: r.coroner_ref,
    title: r.title,
    coronerArea: r.coroner_area,
    addressedToDwp: r.addressed_to_dwp === 1,
    reportDate: r.report_date,
    tracking: trackingOf(r, today),
  };
}

/** Every report, newest first (the CLI sorts them by urgency itself); the screen reads pages. */
export async function listCoronerReports(db: Q, opts: { all: boolean; today: string }): Promise<CoronerReportSummary[]> {
  // Reports of the same date keep the order they always had (not answered first, then by record).
  let q = coronerReportRows(db, opts.all)
    .selectAll('c')
    .select(['e.title', sql<string>`coalesce(json_extract(e.details, '$.coronerArea'), '')`.as('coroner_area')]);
  if (!opts.all) q = q.orderBy('c.report_date', 'desc').orderBy('c.responded').orderBy('c.evidence_id');
  else q = q.orderBy('c.report_date', 'desc').orderBy('c.evidence_id');
  const rows = await q.execute();
  return rows.map((r) => toCoronerSummary(r, opts.today));
}

/**
 * A report's place in compareByUrgency's order, as SQL: its status (CORONER_STATUSES' order, then
 * reports not addressed to DWP), the due date of an open one (days remaining, soonest first), the
 * report date (newest first), then the order the whole list was read in before it was sorted.
 * coronerTracking's rules, word for word: due is the extended date or the report date + 56 days.
 * Day sums are left to SQLite only where they cannot be avoided: "due before today" is "reported
 * before today - 56", a comparison of strings, and most reports were answered long ago.
 */
function urgency(today: string) {
  const due = sql<string>`coalesce(c.extended_to, date(c.report_date, ${`+${CORONER_RESPONSE_DAYS} days`}))`;
  const dueBefore = (day: string, orOn: boolean) => {
    const op = sql.raw(orOn ? '<=' : '<');
    return sql<number>`case when c.extended_to is null then c.report_date ${op} ${addCalendarDays(day, -CORONER_RESPONSE_DAYS)} else c.extended_to ${op} ${day} end`;
  };
  const open = sql<boolean>`(c.responded = 0 and c.response_sent_on is null)`;
  const rank = sql<number>`case
      when c.addressed_to_dwp = 0 then 5
      when c.response_sent_on is not null then case when c.response_sent_on > ${due} then 3 else 4 end
      when c.responded = 1 then 4
      when ${dueBefore(today, false)} then 0
      when ${dueBefore(addCalendarDays(today, CORONER_DUE_SOON_DAYS), true)} then 1
      else 2 end`;
  const openDue = sql<string | null>`case when c.addressed_to_dwp = 1 and ${open} then ${due} end`;
  const overdue = sql<number>`case when c.addressed_to_dwp = 1 and ${open} then ${dueBefore(today, false)} else 0 end`;
  const dueSoon = sql<number>`case when c.addressed_to_dwp = 1 and ${open} and not ${dueBefore(today, false)} then ${dueBefore(addCalendarDays(today, CORONER_DUE_SOON_DAYS), true)} else 0 end`;
  return { rank, openDue, overdue, dueSoon };
}

/** One page of the reports, most urgent first, with the count of all of them and of the urgent ones. */
export async function listCoronerReportPage(db: Q, o: { all: boolean; today: string; offset: number; limit: number }): Promise<CoronerReportPage> {
  const { rank, openDue, overdue, dueSoon } = urgency(o.today);
  const open = sql<number>`(c.addressed_to_dwp = 1 and c.responded = 0 and c.response_sent_on is null)`;
  const [counts] = await coronerReportRows(db, o.all)
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`coalesce(sum(${overdue}), 0)`.as('overdue'),
      sql<number>`coalesce(sum(${dueSoon}), 0)`.as('due_soon'),
      sql<number>`coalesce(sum(${open}), 0)`.as('open'),
    ])
    .execute();
  // The open reports (addressed to DWP, not yet answered: a few hundred) come first, ranked against
  // today and sorted; the rest follow in an order that does not change from day to day, read from
  // an index (migration 12) instead of sorting thousands of reports for every page. Each report's
  // record is checked against the live coroners' reports, listed once (the + keeps SQLite from
  // reading the reports in that list's order instead of the index's).
  const reports = (where: string) =>
    db
      .selectFrom('coroner_reports as c')
      .select('c.evidence_id')
      .where(sql.raw<boolean>(where)) // written out: a bound value cannot select a partial index
      .where(sql<boolean>`+c.evidence_id in (select id from evidence where type = 'pfd' and archived_at is null)`);
  const ids: number[] = [];
  if (o.offset < counts.open) {
    let q = reports(OPEN_REPORT).orderBy(rank).orderBy(openDue).orderBy('c.report_date', 'desc');
    if (!o.all) q = q.orderBy('c.responded');
    ids.push(...(await q.orderBy('c.evidence_id').limit(o.limit).offset(o.offset).execute()).map((r) => r.evidence_id));
  }
  if (ids.length < o.limit) {
    // The rank of a report that is not open, spelt as the indexes spell it.
    let q = (o.all ? reports(`not (${OPEN_REPORT})`) : reports(`addressed_to_dwp = 1 and not (${OPEN_REPORT})`)).orderBy(sql.raw(CLOSED_RANK)).orderBy('c.report_date', 'desc');
    if (!o.all) q = q.orderBy('c.responded');
    const rest = await q
      .orderBy('c.evidence_id')
      .limit(o.limit - ids.length)
      .offset(Math.max(0, o.offset - counts.open))
      .execute();
    ids.push(...rest.map((r) => r.evidence_id));
  }
  const rows = ids.length
    ? await coronerReportRows(db, o.all)
        .selectAll('c')
        .select(['e.title', sql<string>`coalesce(json_extract(e.details, '$.coronerArea'), '')`.as('coroner_area')])
        .where('c.evidence_id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.evidence_id, r]));
  return {
    total: counts.total,
    offset: o.offset,
    rows: ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toCoronerSummary(r, o.today)] : [];
    }),
    counts: { overdue: counts.overdue, dueSoon: counts.due_soon },
  };
}

export interface CoronerResponseValues {
  extendedTo: string | null;
  extensionGrantedBy: string;
  extensionGrantedOn: string | null;
  responseSentOn: string | null;
}

export async function updateCoronerResponseRow(db: Q, evidenceId: number, v: CoronerResponseValues, now: string): Promise<boolean> {
  const r = await db
    .updateTable('coroner_reports')
    .set({
      extended_to: v.extendedTo,
      extension_granted_by: v.extendedTo ? v.extensionGrantedBy : '',
      extension_granted_on: v.extendedTo ? v.extensionGrantedOn : null,
      response_sent_on: v.responseSentOn,
      updated_at: now,
    })
    .where('evidence_id', '=', evidenceId)
    .where('addressed_to_dwp', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a report answered when the source says a reply exists but not when it was sent. */
export async function markCoronerResponded(db: Q, evidenceId: number, now: string): Promise<void> {
  await db.updateTable('coroner_reports').set({ responded: 1, updated_at: now }).where('evidence_id', '=', evidenceId).where('responded', '=', 0).execute();
}
