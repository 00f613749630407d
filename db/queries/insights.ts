// Aggregates for the dashboard and the charts: counted in SQL over indexed columns, so that each
// stays within a few milliseconds at 100,000 evidence records and 5,000 recommendations.
import { sql, type Kysely, type Transaction } from 'kysely';
import { financialQuarterOf, fyLabel } from '#shared/calendar/financialYear';
import { dayNumberOf } from '#shared/calendar/workingDays';
import { EVIDENCE_TYPES, type EvidenceType } from '#shared/domain/evidence';
import {
  IPR_STAGES,
  median,
  medianOfCounts,
  type CoronerYear,
  type EvidenceQuarter,
  type ImplementQuarter,
  type IprStage,
  type IprTargets,
  type IprYear,
  type RecDueGroup,
  type RecentExport,
  type RecsByDg,
} from '#shared/domain/insights';
import { OPEN_REC_STATUSES, REC_STATUSES, type RecStatus } from '#shared/domain/recommendations';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/** The financial year's first calendar year of a date column, in SQL: 2027-02-10 -> 2026. */
const fyStart = (col: string) => sql.raw(`(cast(substr(${col}, 1, 4) as integer) - (substr(${col}, 6, 2) < '04'))`);

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Open recommendations past their target date, or due between today and `monthTo`, by accountable Director General. */
export async function recommendationsDue(db: Db, today: string, monthTo: string): Promise<RecDueGroup[]> {
  const rows = await db
    .selectFrom('recommendations as r')
    .leftJoin('members as dg', 'dg.id', 'r.dg_member_id')
    .select([
      'r.dg_member_id as dg_id',
      'dg.name as dg_name',
      sql<number>`sum(r.target_date < ${today})`.as('overdue'),
      sql<number>`sum(r.target_date >= ${today})`.as('due'),
    ])
    .where('r.status', 'in', [...OPEN_REC_STATUSES])
    .where('r.target_date', 'is not', null)
    .where('r.target_date', '<=', monthTo)
    .groupBy('r.dg_member_id')
    .execute();
  return rows
    .map((r) => ({ dgId: r.dg_id, dgName: r.dg_name, overdue: Number(r.overdue), dueThisMonth: Number(r.due) }))
    .sort((a, b) => b.overdue - a.overdue || b.dueThisMonth - a.dueThisMonth || (a.dgName ?? '\uffff').localeCompare(b.dgName ?? '\uffff'));
}

export async function recentExports(db: Db, limit: number): Promise<RecentExport[]> {
  const rows = await db.selectFrom('export_log').select(['id', 'kind', 'title', 'panel_id', 'actor', 'at']).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, panelId: r.panel_id, actor: r.actor, at: r.at }));
}

/**
 * Live (unarchived) evidence by source and financial quarter received. One index range count per
 * quarter and source: counting entries of the (type, received_on) index is far cheaper than
 * reading and grouping every record in the period.
 */
export async function evidenceByQuarter(db: Db, quarters: { label: string; from: string; to: string }[]): Promise<EvidenceQuarter[]> {
  const q = sql.join(quarters.map((x, i) => sql`(${i}, ${x.from}, ${x.to})`));
  const ty = sql.join(EVIDENCE_TYPES.map((t) => sql`(${t})`));
  const { rows } = await sql<{ i: number; type: EvidenceType; n: number }>`
    with q(i, f, t) as (values ${q}), ty(type) as (values ${ty})
    select q.i as i, ty.type as type,
      (select count(*) from evidence e where e.type = ty.type and e.received_on between q.f and q.t and e.archived_at is null) as n
    from q, ty`.execute(db);
  const out = quarters.map((x) => ({ quarter: x.label, counts: zeroCounts(EVIDENCE_TYPES), total: 0 }));
  for (const r of rows) {
    out[r.i].counts[r.type] = Number(r.n);
    out[r.i].total += Number(r.n);
  }
  return out;
}

/** Every recommendation by accountable Director General and status. */
export async function recommendationsByDg(db: Db): Promise<RecsByDg[]> {
  const rows = await db
    .selectFrom('recommendations as r')
    .leftJoin('members as dg', 'dg.id', 'r.dg_member_id')
    .select(['r.dg_member_id as dg_id', 'dg.name as dg_name', 'r.status', sql<number>`count(*)`.as('n')])
    .groupBy(['r.dg_member_id', 'r.status'])
    .execute();
  const by = new Map<number | null, RecsByDg>();
  for (const r of rows) {
    const g = by.get(r.dg_id) ?? { dgId: r.dg_id, dgName: r.dg_name ?? 'No Director General assigned', counts: zeroCounts(REC_STATUSES), total: 0 };
    g.counts[r.status as RecStatus] += Number(r.n);
    g.total += Number(r.n);
    by.set(r.dg_id, g);
  }
  return [...by.values()].sort((a, b) => (a.dgId === null ? 1 : b.dgId === null ? -1 : a.dgName.localeCompare(b.dgName)));
}

/**
 * Days from the panel that made a recommendation to its implementation (the latest change of
 * status to implemented; for a recommendation closed without that step, its closing), by the
 * financial quarter of the panel. Quarters from the first with a recommendation, at most `limit`.
 */
export async function timeToImplement(db: Db, limit: number): Promise<ImplementQuarter[]> {
  const made = await db
    .selectFrom('recommendations as r')
    .innerJoin('panels as p', 'p.id', 'r.panel_id')
    .select(['p.date', sql<number>`count(*)`.as('n')])
    .groupBy('p.date')
    .execute();
  const done = await db
    .selectFrom('recommendations as r')
    .innerJoin('panels as p', 'p.id', 'r.panel_id')
    .select([
      'p.date',
      sql<string | null>`(select coalesce(max(case when u.to_status = 'implemented' then u.on_date end), min(case when u.to_status = 'closed' then u.on_date end))
        from recommendation_updates u where u.recommendation_id = r.id and u.kind = 'status')`.as('done_on'),
    ])
    .where('r.status', 'in', ['implemented', 'closed'])
    .execute();
  const quarters = new Map<string, { made: number; days: number[] }>();
  // A few hundred panel dates for thousands of recommendations: each date's quarter and day number
  // once (a regular expression, a Date and two parses a row were a third of the handler's time).
  const byDate = new Map<string, { q: { made: number; days: number[] }; day: number | undefined }>();
  const slot = (date: string) => {
    let d = byDate.get(date);
    if (!d) {
      const label = financialQuarterOf(date).label;
      const q = quarters.get(label) ?? { made: 0, days: [] };
      quarters.set(label, q);
      d = { q, day: dayNumberOf(date) };
      byDate.set(date, d);
    }
    return d;
  };
  for (const r of made) slot(r.date).q.made += Number(r.n);
  for (const r of done) {
    if (!r.done_on) continue;
    const { q, day } = slot(r.date);
    const doneDay = dayNumberOf(r.done_on);
    const days = day !== undefined && doneDay !== undefined ? doneDay - day : Math.round((Date.parse(r.done_on) - Date.parse(r.date)) / 86_400_000);
    q.days.push(Math.max(0, days));
  }
  return [...quarters.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-limit)
    .map(([quarter, q]) => ({
      quarter,
      made: q.made,
      implemented: q.days.length,
      medianDays: median(q.days),
      minDays: q.days.length ? Math.min(...q.days) : null,
      maxDays: q.days.length ? Math.max(...q.days) : null,
    }));
}

/**
 * Coroners' reports addressed to DWP by the financial year of the report: answered on time
 * (by the due date, 56 days after the report or as extended), late, overdue, or not yet due.
 * The same rule as the tracker's (shared/domain/coroner.ts): a reply known to exist without a
 * recorded date counts as on time.
 */
export async function coronerTimeliness(db: Db, today: string, years: { fy: string; from: string; to: string }[]): Promise<CoronerYear[]> {
  // The due date is worked out once per report (date arithmetic is the costly part), then counted.
  const { rows } = await sql<{ fy: number; on_time: number; late: number; overdue: number; not_yet_due: number }>`
    with d as materialized (
      select ${fyStart('c.report_date')} as fy, c.responded, c.response_sent_on as sent, coalesce(c.extended_to, date(c.report_date, '+56 days')) as due
      from coroner_reports c
      where c.addressed_to_dwp = 1 and c.report_date between ${years[0].from} and ${years[years.length - 1].to}
        and c.evidence_id not in (select id from evidence where archived_at is not null)
    )
    select fy,
      sum((responded = 1 or sent is not null) and (sent is null or sent <= due)) as on_time,
      sum(sent is not null and sent > due) as late,
      sum(responded = 0 and sent is null and due < ${today}) as overdue,
      sum(responded = 0 and sent is null and due >= ${today}) as not_yet_due
    from d group by fy`.execute(db);
  const by = new Map(rows.map((r) => [fyLabel(Number(r.fy)), r]));
  return years.map(({ fy }) => {
    const r = by.get(fy);
    return { fy, onTime: Number(r?.on_time ?? 0), late: Number(r?.late ?? 0), overdue: Number(r?.overdue ?? 0), notYetDue: Number(r?.not_yet_due ?? 0) };
  });
}

/**
 * Internal Process Reviews: the median days of each stage, counted in the financial year the
 * stage ended, and how many took longer than the target. SQL returns how many reviews took each
 * number of days (a few hundred rows at most); the median is read from those counts.
 */
export async function iprTimeliness(db: Db, targets: IprTargets, years: { fy: string; startYear: number }[]): Promise<IprYear[]> {
  // Each branch reads one of migration 12's indexes, keyed by the financial year the stage ended
  // and the whole days it took, so its entries come in this grouping's order and no review's row is
  // read (named, because without statistics SQLite prefers the type index and would read every
  // review's row). The expressions must match the index's exactly.
  const jx = (field: string) => `json_extract(details, '$.${field}')`;
  const stage = (name: IprStage, index: string, ended: string, started: string) => sql`
    select ${name} as stage, ${fyStart(jx(ended))} as fy, ${sql.raw(`cast(round(julianday(${jx(ended)}) - julianday(${jx(started)})) as integer)`)} as days, count(*) as n
    from evidence indexed by ${sql.raw(index)}
    where type = 'ipr' and archived_at is null and ${sql.raw(jx(started))} is not null and ${fyStart(jx(ended))} between ${years[0].startYear} and ${years[years.length - 1].startYear}
    group by 2, 3`;
  const { rows } = await sql<{ stage: IprStage; fy: number; days: number; n: number }>`
    ${stage('referralToAcceptance', 'evidence_ipr_accepted_days', 'acceptedDate', 'referralDate')}
    union all
    ${stage('acceptanceToReport', 'evidence_ipr_concluded_days', 'concludedDate', 'acceptedDate')}
    union all
    ${stage('reportToPresentation', 'evidence_ipr_presented_days', 'presentedDate', 'concludedDate')}
  `.execute(db);
  const by = new Map<string, { value: number; n: number }[]>();
  for (const r of rows) {
    const key = `${r.stage}|${fyLabel(Number(r.fy))}`;
    by.set(key, [...(by.get(key) ?? []), { value: Number(r.days), n: Number(r.n) }]);
  }
  return years.map(({ fy }) => ({
    fy,
    stages: Object.fromEntries(
      IPR_STAGES.map((s) => {
        const counts = by.get(`${s}|${fy}`) ?? [];
        return [s, { count: counts.reduce((t, c) => t + c.n, 0), medianDays: medianOfCounts(counts), overTarget: counts.filter((c) => c.value > targets[s]).reduce((t, c) => t + c.n, 0) }];
      }),
    ) as IprYear['stages'],
  }));
}
