// The dashboard's and the charts' aggregates, on small hand-made fixtures whose every figure is
// worked out by hand in the comments. Today is Monday 23 November 2026 (2026-27 Q3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import { DEFAULT_IPR_TARGETS, lastQuarters, medianOfCounts } from '#shared/domain/insights';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';
import { seedRecommendations } from '../../tests/support/insightsFixture';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());

let refs = 0;
const evidence = (type: 'complaint' | 'frontline' | 'sar' | 'ipr', receivedOn: string, details: Record<string, unknown> = {}): EvidenceInput => {
  const base = { ref: `E-${++refs}`, title: `Record ${refs}`, summary: '', receivedOn, region: '', sensitivity: 'official' as const };
  switch (type) {
    case 'complaint':
      return { ...base, details: { type, serviceArea: '', periodFrom: null, periodTo: null, complaintCount: 3 } };
    case 'frontline':
      return { ...base, details: { type, fromWhom: '', channel: '' } };
    case 'sar':
      return { ...base, details: { type, board: '', reviewDate: null, dwpInvolvement: '' } };
    case 'ipr':
      return { ...base, details: { type, referralDate: null, acceptedDate: null, concludedDate: null, presentedDate: null, suicideOrSelfHarm: false, outcome: '', learningPoints: '', ...details } };
  }
};
const pfd = (reportDate: string, addressedToDwp = true): EvidenceInput => ({
  ref: `PFD-${++refs}`,
  title: `Report ${refs}`,
  summary: '',
  receivedOn: reportDate,
  region: '',
  sensitivity: 'official',
  details: { type: 'pfd', coronerRef: `2026-${refs}`, reportDate, coronerName: '', coronerArea: '', category: '', addressees: ['DWP'], addressedToDwp, circumstances: '', concerns: '', reportUrl: '' },
});
const add = async (e: EvidenceInput) => ok(await h.api.createEvidence(e)).id;
const archive = async (id: number) => ok(await h.api.archiveEvidence({ id, archived: true }));

describe('recommendations on the dashboard and the charts', () => {
  let dana: number;
  let dev: number;
  beforeEach(async () => {
    ({ dana, dev } = await seedRecommendations(h)); // R1 to R10: see the fixture for each one's dates
  });

  it('counts open recommendations overdue or due by the end of the month, by Director General', async () => {
    const s = ok(await h.api.getDashboardSummary({}));
    expect(s).toMatchObject({ today: '2026-11-23', monthFrom: '2026-11-23', monthTo: '2026-11-30' });
    expect(s.recommendations).toEqual({
      overdue: 2,
      dueThisMonth: 2,
      // Most overdue first, then most due; the group without a DG is not hidden.
      byDg: [
        { dgId: dana, dgName: 'Dana General', overdue: 1, dueThisMonth: 1 },
        { dgId: null, dgName: null, overdue: 1, dueThisMonth: 0 },
        { dgId: dev, dgName: 'Dev General', overdue: 0, dueThisMonth: 1 },
      ],
    });
    // The tracker's filters that the tiles link to give the same recommendations.
    const refsOf = async (f: Parameters<typeof h.api.listRecommendations>[0]) => ok(await h.api.listRecommendations(f)).rows.map((r) => r.ref).sort();
    expect(await refsOf({ overdue: true })).toEqual(['R1', 'R5']);
    expect(await refsOf({ open: true, targetFrom: s.monthFrom, targetTo: s.monthTo })).toEqual(['R2', 'R3']);
    expect(await refsOf({ dgId: dana, overdue: true })).toEqual(['R1']);
    expect(await refsOf({ dgId: dev, open: true, targetFrom: s.monthFrom, targetTo: s.monthTo })).toEqual(['R3']);
  });

  it('a month later, the same recommendations have moved on', async () => {
    h.setNow('2026-12-02T10:00:00Z');
    const s = ok(await h.api.getDashboardSummary({}));
    // R2 (25 Nov), R3 (23 Nov) and R4 (1 Dec) are now overdue too; nothing else is due in December.
    expect(s).toMatchObject({ monthFrom: '2026-12-02', monthTo: '2026-12-31', recommendations: { overdue: 5, dueThisMonth: 0 } });
  });

  it('counts every recommendation by status and Director General', async () => {
    const { byDg } = ok(await h.api.getRecommendationCharts({}));
    expect(byDg).toEqual([
      { dgId: dana, dgName: 'Dana General', counts: { proposed: 1, accepted: 1, 'not-accepted': 0, 'in-progress': 1, implemented: 2, closed: 0 }, total: 5 },
      { dgId: dev, dgName: 'Dev General', counts: { proposed: 1, accepted: 0, 'not-accepted': 1, 'in-progress': 1, implemented: 0, closed: 1 }, total: 4 },
      { dgId: null, dgName: 'No Director General assigned', counts: { proposed: 0, accepted: 1, 'not-accepted': 0, 'in-progress': 0, implemented: 0, closed: 0 }, total: 1 },
    ]);
  });

  it('measures the days from the panel to implementation, by the quarter the recommendation was made', async () => {
    const { timeToImplement } = ok(await h.api.getRecommendationCharts({}));
    expect(timeToImplement).toEqual([
      // R6 took 110 days, R7 60: the median of two is their mean.
      { quarter: '2025-26 Q1', made: 4, implemented: 2, medianDays: 85, minDays: 60, maxDays: 110 },
      { quarter: '2025-26 Q3', made: 5, implemented: 1, medianDays: 120, minDays: 120, maxDays: 120 },
      { quarter: '2026-27 Q3', made: 1, implemented: 0, medianDays: null, minDays: null, maxDays: null },
    ]);
  });
});

describe('recent exports on the dashboard', () => {
  it('lists the last five documents written, newest first', async () => {
    for (let i = 1; i <= 7; i++) {
      await h.ctx.db
        .insertInto('export_log')
        .values({ kind: i % 2 ? 'agenda' : 'minutes', panel_id: null, title: `Document ${i}.docx`, path: `/x/${i}.docx`, bytes: 10, sha256: 'ab', marking: 'OFFICIAL', actor: `Person ${i}`, at: `2026-11-0${i}T09:00:00Z` })
        .execute();
    }
    const s = ok(await h.api.getDashboardSummary({}));
    expect(s.recentExports.map((e) => e.title)).toEqual(['Document 7.docx', 'Document 6.docx', 'Document 5.docx', 'Document 4.docx', 'Document 3.docx']);
    expect(s.recentExports[0]).toMatchObject({ kind: 'agenda', actor: 'Person 7', at: '2026-11-07T09:00:00Z', panelId: null });
  });
});

describe('evidence by source and quarter', () => {
  it('counts live evidence by the quarter it was received, oldest quarter first', async () => {
    await add(evidence('complaint', '2025-12-31')); // before the first quarter shown
    await add(evidence('complaint', '2026-01-01')); // 2025-26 Q4, first day
    await add(evidence('ipr', '2026-03-31')); // 2025-26 Q4, last day
    await add(evidence('ipr', '2026-04-01')); // 2026-27 Q1
    await add(evidence('frontline', '2026-09-30')); // 2026-27 Q2
    await archive(await add(evidence('frontline', '2026-10-01'))); // archived: not counted
    await add(evidence('sar', '2026-11-23')); // 2026-27 Q3, today
    const rows = ok(await h.api.getEvidenceByQuarter({ quarters: 4 }));
    const zero = { ipr: 0, complaint: 0, frontline: 0, ice: 0, pfd: 0, sar: 0, other: 0 };
    expect(rows).toEqual([
      { quarter: '2025-26 Q4', counts: { ...zero, complaint: 1, ipr: 1 }, total: 2 },
      { quarter: '2026-27 Q1', counts: { ...zero, ipr: 1 }, total: 1 },
      { quarter: '2026-27 Q2', counts: { ...zero, frontline: 1 }, total: 1 },
      { quarter: '2026-27 Q3', counts: { ...zero, sar: 1 }, total: 1 },
    ]);
    expect(ok(await h.api.getEvidenceByQuarter({})).map((r) => r.quarter)).toEqual(lastQuarters('2026-11-23', 12).map((q) => q.label));
    expect(ok(await h.api.getEvidenceByQuarter({})).at(0)?.quarter).toBe('2023-24 Q4');
  });
});

describe('coroner response timeliness', () => {
  it('sorts the reports addressed to DWP into on time, late, overdue and not yet due, by financial year, as the tracker does', async () => {
    const respond = async (id: number, responseSentOn: string | null, extendedTo: string | null = null) => {
      const e = ok(await h.api.getEvidence({ id }));
      const granted = e.details.type === 'pfd' ? e.details.reportDate : null;
      ok(await h.api.updateCoronerResponse({ evidenceId: id, responseSentOn, extendedTo, extensionGrantedBy: extendedTo ? 'HM Senior Coroner' : '', extensionGrantedOn: extendedTo ? granted : null }));
    };
    await respond(await add(pfd('2025-06-01')), '2025-07-20'); // due 27 Jul 2025: on time
    await respond(await add(pfd('2025-06-10')), '2025-08-20'); // due 5 Aug 2025: late
    await respond(await add(pfd('2025-07-01')), '2025-09-15', '2025-09-30'); // due 26 Aug, extended to 30 Sep: on time
    await add(pfd('2026-02-01')); // due 29 Mar 2026 (2025-26): overdue
    await add(pfd('2026-10-20')); // due 15 Dec 2026: not yet due
    await respond(await add(pfd('2026-08-01')), null, '2026-12-01'); // due 26 Sep, extended to 1 Dec: not yet due
    const published = await add(pfd('2024-03-15')); // 2023-24: answered, date not recorded (as the public tracker gives it)
    await h.ctx.db.updateTable('coroner_reports').set({ responded: 1 }).where('evidence_id', '=', published).execute();
    await add(pfd('2025-09-01', false)); // not addressed to DWP
    await archive(await add(pfd('2025-09-05'))); // archived
    await add(pfd('2019-05-01')); // 2019-20: older than the six years shown

    const years = ok(await h.api.getCoronerTimeliness({}));
    const none = { onTime: 0, late: 0, overdue: 0, notYetDue: 0 };
    expect(years).toEqual([
      { fy: '2021-22', ...none },
      { fy: '2022-23', ...none },
      { fy: '2023-24', ...none, onTime: 1 },
      { fy: '2024-25', ...none },
      { fy: '2025-26', onTime: 2, late: 1, overdue: 1, notYetDue: 0 },
      { fy: '2026-27', ...none, notYetDue: 2 },
    ]);
    expect(ok(await h.api.getCoronerTimeliness({ years: 8 })).slice(0, 2)).toEqual([{ fy: '2019-20', ...none, overdue: 1 }, { fy: '2020-21', ...none }]);

    // The SQL's rule is the tracker's rule (shared/domain/coroner.ts), report by report.
    const bucket = { responded: 'onTime', 'responded-late': 'late', overdue: 'overdue', 'due-within-14-days': 'notYetDue', 'awaiting-response': 'notYetDue' } as const;
    const fromTracker = { onTime: 0, late: 0, overdue: 0, notYetDue: 0 };
    const reports = ok(await h.api.listCoronerReports({ limit: 500 }));
    expect(reports.rows).toHaveLength(reports.total);
    for (const r of reports.rows) {
      if (r.reportDate >= '2021-04-01') fromTracker[bucket[r.tracking!.status]] += 1;
    }
    const sum = (k: keyof typeof fromTracker) => years.reduce((t, y) => t + y[k], 0);
    expect({ onTime: sum('onTime'), late: sum('late'), overdue: sum('overdue'), notYetDue: sum('notYetDue') }).toEqual(fromTracker);
  });
});

describe('IPR timeliness', () => {
  const ipr = (referralDate: string | null, acceptedDate: string | null, concludedDate: string | null, presentedDate: string | null) =>
    evidence('ipr', acceptedDate ?? referralDate ?? '2025-04-01', { referralDate, acceptedDate, concludedDate, presentedDate });

  it('gives each stage’s median days and the number over target, in the financial year the stage ended', async () => {
    ok(await h.api.setIprTargets({ referralToAcceptance: 20, acceptanceToReport: 60, reportToPresentation: 30 }));
    await add(ipr('2025-04-01', '2025-04-11', '2025-06-10', '2025-07-10')); // 10, 60, 30 days
    await add(ipr('2025-05-01', '2025-05-31', '2025-09-28', null)); // 30, 120
    await add(ipr('2025-06-01', '2025-06-21', null, null)); // 20
    await add(ipr('2025-07-01', '2025-07-26', null, null)); // 25
    await add(ipr('2026-03-20', '2026-04-05', '2026-06-04', '2026-08-03')); // 16 (accepted in 2026-27), 60, 60
    await add(ipr(null, '2025-08-01', '2025-10-30', null)); // no referral date: only 90 to the report
    await archive(await add(ipr('2025-04-01', '2025-12-01', null, null))); // archived: not counted
    const t = ok(await h.api.getIprTimeliness({ years: 2 }));
    expect(t.targets).toEqual({ referralToAcceptance: 20, acceptanceToReport: 60, reportToPresentation: 30 });
    expect(t.years).toEqual([
      {
        fy: '2025-26',
        stages: {
          // 10, 20, 25, 30: median (20 + 25) / 2; 25 and 30 are over 20.
          referralToAcceptance: { count: 4, medianDays: 22.5, overTarget: 2 },
          // 60, 90, 120: 90 and 120 are over 60.
          acceptanceToReport: { count: 3, medianDays: 90, overTarget: 2 },
          reportToPresentation: { count: 1, medianDays: 30, overTarget: 0 },
        },
      },
      {
        fy: '2026-27',
        stages: {
          referralToAcceptance: { count: 1, medianDays: 16, overTarget: 0 },
          // Exactly on target is not over it.
          acceptanceToReport: { count: 1, medianDays: 60, overTarget: 0 },
          reportToPresentation: { count: 1, medianDays: 60, overTarget: 1 },
        },
      },
    ]);
  });

  it('keeps the targets in Settings, with defaults, and refuses a target that is not a whole number of days, naming the field', async () => {
    expect(ok(await h.api.getIprTargets({}))).toEqual(DEFAULT_IPR_TARGETS);
    const bad = await h.api.setIprTargets({ referralToAcceptance: 0, acceptanceToReport: 12.5, reportToPresentation: 90 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields).toEqual({ referralToAcceptance: 'At least 1 day', acceptanceToReport: 'Whole days only' });
    expect(ok(await h.api.setIprTargets({ referralToAcceptance: 14, acceptanceToReport: 80, reportToPresentation: 100 }))).toEqual({ referralToAcceptance: 14, acceptanceToReport: 80, reportToPresentation: 100 });
    expect(ok(await h.api.getIprTargets({}))).toEqual({ referralToAcceptance: 14, acceptanceToReport: 80, reportToPresentation: 100 });
  });
});

describe('medians from counts', () => {
  it('agrees with the median of the values written out', () => {
    expect(medianOfCounts([])).toBeNull();
    expect(medianOfCounts([{ value: 5, n: 1 }])).toBe(5);
    expect(medianOfCounts([{ value: 30, n: 1 }, { value: 10, n: 2 }])).toBe(10); // 10, 10, 30
    expect(medianOfCounts([{ value: 30, n: 2 }, { value: 10, n: 2 }])).toBe(20); // 10, 10, 30, 30
    expect(medianOfCounts([{ value: 1, n: 3 }, { value: 2, n: 1 }, { value: 9, n: 0 }])).toBe(1); // 1, 1, 1, 2
  });
});
