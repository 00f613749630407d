// Migration 12 upgrades a database holding reviews, and the chart's IPR timeliness, read from its
// indexes, gives exactly what it gave from migration 10's.
import { Kysely, SqliteDialect, sql } from 'kysely';
import { expect, it } from 'vitest';
import { fyLabel } from '#shared/calendar/financialYear';
import { DEFAULT_IPR_TARGETS, IPR_STAGES, lastFinancialYears, medianOfCounts, type IprTargets, type IprYear } from '#shared/domain/insights';
import { seeded } from '../../electron/demo/register';
import { iprTimeliness } from '../queries/insights';
import { migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';

/** IPR timeliness as it was worked out before migration 12, from migration 10's indexes (date order, grouped by a sort). */
async function before(targets: IprTargets, years: { fy: string; from: string; to: string }[]): Promise<IprYear[]> {
  const jx = (f: string) => `json_extract(details, '$.${f}')`;
  const fy = (c: string) => `(cast(substr(${c}, 1, 4) as integer) - (substr(${c}, 6, 2) < '04'))`;
  const stage = (name: string, index: string, ended: string, started: string) =>
    `select '${name}' as stage, ${jx(ended)} as ended, julianday(${jx(ended)}) - julianday(${jx(started)}) as days
     from evidence indexed by ${index}
     where type = 'ipr' and archived_at is null and ${jx(ended)} between '${years[0].from}' and '${years[years.length - 1].to}' and ${jx(started)} is not null`;
  const { rows } = await sql<{ stage: string; fy: number; days: number; n: number }>`${sql.raw(`
    with d as (
      ${stage('referralToAcceptance', 'evidence_ipr_accepted', 'acceptedDate', 'referralDate')}
      union all
      ${stage('acceptanceToReport', 'evidence_ipr_concluded', 'concludedDate', 'acceptedDate')}
      union all
      ${stage('reportToPresentation', 'evidence_ipr_presented', 'presentedDate', 'concludedDate')}
    )
    select stage, ${fy('ended')} as fy, cast(round(days) as integer) as days, count(*) as n from d group by 1, 2, 3`)}`.execute(m.db);
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

it('12 counts each review stage by financial year and days from its index, as the chart counted them before', async () => {
  await m.to('2026-11-23-11-retention-and-list-indexes');
  // Reviews over ten years, each stage a few days to a few months after the last, some stages not
  // yet reached or with no start recorded, the first and last days of financial years among them;
  // some archived, and other sources' records with the same dates, neither of which counts.
  const rnd = seeded(12);
  const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const edges = ['2021-03-31', '2021-04-01', '2024-03-31', '2024-04-01', '2027-03-31', '2027-04-01'];
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const referral = rnd() < 0.1 ? null : i < edges.length * 4 ? day(edges[i % edges.length], -Math.floor(i / edges.length)) : day('2018-01-01', Math.floor(rnd() * 3650));
    const accepted = day(referral ?? '2020-06-01', Math.floor(rnd() * 60));
    const concluded = rnd() < 0.3 ? null : i < edges.length ? edges[i] : day(accepted, 20 + Math.floor(rnd() * 200));
    const presented = concluded && rnd() < 0.7 ? day(concluded, Math.floor(rnd() * 90)) : null;
    const type = rnd() < 0.1 ? 'complaint' : 'ipr';
    const details = { type, suicideOrSelfHarm: false, outcome: '', learningPoints: '', referralDate: referral, acceptedDate: accepted, concludedDate: concluded, presentedDate: presented };
    return { type, ref: `R-${i}`, title: `Review ${i}`, received_on: accepted, sensitivity: 'official', details: JSON.stringify(details), archived_at: rnd() < 0.05 ? now : null, created_at: now, updated_at: now };
  });
  for (let i = 0; i < rows.length; i += 200) await m.db.insertInto('evidence').values(rows.slice(i, i + 200)).execute();
  const targets = { ...DEFAULT_IPR_TARGETS, acceptanceToReport: 90 };
  const cases = [lastFinancialYears('2026-11-23', 6), lastFinancialYears('2027-04-01', 2), lastFinancialYears('2019-01-01', 1)];
  const was = await Promise.all(cases.map((years) => before(targets, years)));
  expect(was[0].every((y) => IPR_STAGES.every((s) => y.stages[s].count > 0))).toBe(true);

  await m.to('2026-12-02-01-ipr-stage-indexes');

  for (const [i, years] of cases.entries()) expect(await iprTimeliness(m.db, targets, years)).toEqual(was[i]);
  // Each stage is counted from its index as it is read: no review's row, no sort.
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const logged = new Kysely<unknown>({ dialect: new SqliteDialect({ database: m.raw }), log: (e) => void seen.push(e.query) });
  await iprTimeliness(logged as never, targets, cases[0]);
  expect(seen).toHaveLength(1);
  const p = (m.raw.prepare(`explain query plan ${seen[0].sql}`).all(...seen[0].parameters) as { detail: string }[]).map((r) => r.detail).join(' | ');
  for (const index of ['evidence_ipr_accepted_days', 'evidence_ipr_concluded_days', 'evidence_ipr_presented_days']) expect(p).toContain(`USING INDEX ${index} (<expr>>? AND <expr><?)`);
  expect(p).not.toMatch(/TEMP B-TREE/);
  // Migration 10's stage indexes are gone (nothing reads them).
  const indexes = (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name like 'evidence_ipr%' order by name`.execute(m.db)).rows.map((r) => r.name);
  expect(indexes).toEqual(['evidence_ipr_accepted_days', 'evidence_ipr_concluded_days', 'evidence_ipr_presented_days']);
});
