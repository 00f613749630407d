import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());


const ipr: EvidenceInput = {
  ref: 'IPR-2025-014',
  title: 'Payment stopped after lost contact with a vulnerable claimant',
  summary: 'Contact was lost and the award was suspended without a safeguarding check.',
  receivedOn: '2025-09-12',
  benefitLines: ['Universal Credit'],
  region: 'North West',
  tags: ['lost contact', 'safeguarding'],
  sensitivity: 'official-sensitive',
  details: { type: 'ipr', referralDate: '2025-06-02', acceptedDate: '2025-06-20', concludedDate: '2025-09-01', presentedDate: null, suicideOrSelfHarm: true, outcome: 'Guidance gap', learningPoints: 'Hold a case conference before suspension.' },
  personal: { personName: 'Alex Testperson', caseReference: 'CASE-991' },
};

const pfd = (ref: string, reportDate: string, toDwp = true): EvidenceInput => ({
  ref: `PFD ${ref}`,
  title: `Coroner’s report ${ref}`,
  summary: 'Regulation 28 report on benefit sanctions.',
  receivedOn: reportDate,
  sensitivity: 'official',
  region: 'Surrey',
  details: {
    type: 'pfd',
    coronerRef: ref,
    reportDate,
    coronerName: 'A Coroner',
    coronerArea: 'Surrey',
    category: 'Suicide',
    addressees: toDwp ? ['Department for Work and Pensions'] : ['NHS England'],
    addressedToDwp: toDwp,
    circumstances: '',
    concerns: 'Letters about sanctions were not read by the claimant.',
    reportUrl: '',
  },
  personal: { personName: 'Pat Deceased', caseReference: '' },
});

describe('evidence register', () => {
  it('creates, reads, edits, archives and restores a record, keeping personal fields apart', async () => {
    const e = ok(await h.api.createEvidence(ipr));
    expect(e).toMatchObject({ ref: 'IPR-2025-014', type: 'ipr', tags: ['lost contact', 'safeguarding'], coroner: null, archivedAt: null });
    expect(JSON.stringify(e)).not.toContain('Alex Testperson');
    expect(ok(await h.api.getEvidencePersonal({ id: e.id }))).toEqual({ personName: 'Alex Testperson', caseReference: 'CASE-991' });

    const edited = ok(await h.api.updateEvidence({ ...ipr, id: e.id, title: 'Suspension after lost contact', tags: ['lost contact'] }));
    expect(edited).toMatchObject({ title: 'Suspension after lost contact', tags: ['lost contact'] });

    const page = ok(await h.api.listEvidence({ filter: { tag: 'safeguarding' } }));
    expect(page.total).toBe(0);
    expect(ok(await h.api.listEvidence({ filter: { tag: 'lost contact' } })).total).toBe(1);

    ok(await h.api.archiveEvidence({ id: e.id, archived: true }));
    expect(ok(await h.api.listEvidence({})).total).toBe(0);
    expect(ok(await h.api.listEvidence({ filter: { includeArchived: true } })).rows[0]).toMatchObject({ id: e.id, archived: true });
    ok(await h.api.archiveEvidence({ id: e.id, archived: false }));
    expect(ok(await h.api.listEvidence({})).total).toBe(1);

    const history = ok(await h.api.getRecordHistory({ table: 'evidence', key: String(e.id) }));
    // newest first
    expect(history.map((x) => x.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(history[2].changedFields).toEqual(expect.arrayContaining(['title', 'tags']));
    const personalHistory = ok(await h.api.getRecordHistory({ table: 'evidence_personal', key: String(e.id) }));
    expect(JSON.stringify(personalHistory)).not.toContain('Alex');
  });

  it('refuses a duplicate reference (any case), a type change and a bad date, with field messages', async () => {
    const e = ok(await h.api.createEvidence(ipr));
    const dup = await h.api.createEvidence({ ...ipr, ref: 'ipr-2025-014' });
    expect(dup.ok || dup.error).toMatchObject({ code: 'conflict', fields: { ref: expect.any(String) } });
    const retype = await h.api.updateEvidence({ ...pfd('2025-0001', '2025-01-01'), id: e.id });
    expect(retype.ok || retype.error.message).toMatch(/type cannot be changed/);
    const bad = await h.api.createEvidence({ ...ipr, ref: 'X', receivedOn: '2025-02-30' });
    expect(bad.ok || bad.error.fields).toMatchObject({ receivedOn: expect.stringMatching(/real date/) });
    const noType = await h.api.createEvidence({ ...ipr, ref: 'Y', details: { type: 'gossip' } as never });
    expect(noType.ok).toBe(false);
  });

  it('lists each label and region in use once, in order, for the filter pickers', async () => {
    ok(await h.api.createEvidence({ ...ipr, ref: 'L-1', tags: ['vulnerability', 'appointee'], benefitLines: ['Universal Credit'], region: 'Wales' }));
    ok(await h.api.createEvidence({ ...ipr, ref: 'L-2', tags: ['appointee'], benefitLines: ['PIP', 'Universal Credit'], region: 'London' }));
    ok(await h.api.createEvidence({ ...ipr, ref: 'L-3', tags: [], benefitLines: [], region: '' }));
    expect(ok(await h.api.getEvidenceLabels({}))).toEqual({ tags: ['appointee', 'vulnerability'], benefitLines: ['PIP', 'Universal Credit'], regions: ['London', 'Wales'] });
  });

  it('filters by type, dates, benefit line, theme and open deadline, sorts and pages', async () => {
    for (let i = 1; i <= 30; i++) ok(await h.api.createEvidence({ ...ipr, ref: `IPR-${i}`, receivedOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`, benefitLines: i % 2 ? ['Universal Credit'] : ['Pension Credit'] }));
    ok(await h.api.createEvidence(pfd('2026-0100', '2026-10-20')));
    ok(await h.api.createEvidence(pfd('2026-0101', '2026-10-21', false)));
    expect(ok(await h.api.listEvidence({ filter: { types: ['pfd'] } })).total).toBe(2);
    expect(ok(await h.api.listEvidence({ filter: { openDeadline: true } })).rows.map((r) => r.ref)).toEqual(['PFD 2026-0100']);
    expect(ok(await h.api.listEvidence({ filter: { benefitLine: 'Pension Credit' } })).total).toBe(15);
    expect(ok(await h.api.listEvidence({ filter: { from: '2025-03-01', to: '2025-03-31' } })).rows.map((r) => r.ref).sort()).toEqual(['IPR-14', 'IPR-2', 'IPR-26']);
    const p1 = ok(await h.api.listEvidence({ sort: 'ref', desc: false, limit: 10 }));
    const p2 = ok(await h.api.listEvidence({ sort: 'ref', desc: false, limit: 10, offset: 10 }));
    expect(p1.total).toBe(32);
    expect(p1.rows[0].ref).toBe('IPR-1');
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(20);
    const open = ok(await h.api.listEvidence({ filter: { types: ['pfd'] } })).rows.find((r) => r.ref === 'PFD 2026-0100');
    expect(open?.openDeadline).toBe('2026-12-15');
    const theme = ok(await h.api.createTheme({ title: 'Lost contact', description: '', status: 'emerging', tags: [] }));
    ok(await h.api.linkEvidence({ themeId: theme.id, evidenceIds: [open!.id], note: 'Same failure' }));
    expect(ok(await h.api.listEvidence({ filter: { themeId: theme.id } })).rows).toMatchObject([{ id: open!.id, themeCount: 1 }]);
    expect(ok(await h.api.listEvidence({ filter: { text: 'sanctions letters' } })).total).toBe(2);
    expect(ok(await h.api.listEvidence({ filter: { text: '"; drop table evidence' } })).total).toBe(0);
  });
});

describe('coroners’ reports', () => {
  it('tracks the 56-day response, extensions and replies, urgent first', async () => {
    const soon = ok(await h.api.createEvidence(pfd('2026-0200', '2026-10-05'))); // due 30 Nov: 7 days
    const late = ok(await h.api.createEvidence(pfd('2026-0150', '2026-08-01'))); // due 26 Sep: overdue
    const later = ok(await h.api.createEvidence(pfd('2026-0300', '2026-11-20'))); // due 15 Jan
    ok(await h.api.createEvidence(pfd('2026-0301', '2026-11-20', false)));
    expect(soon.coroner).toMatchObject({ responseDue: '2026-11-30', status: 'due-within-14-days', daysRemaining: 7 });
    const list = ok(await h.api.listCoronerReports({})).rows;
    expect(list.map((r) => [r.ref, r.tracking?.status])).toEqual([
      ['2026-0150', 'overdue'],
      ['2026-0200', 'due-within-14-days'],
      ['2026-0300', 'awaiting-response'],
    ]);
    expect(ok(await h.api.listCoronerReports({})).counts).toEqual({ overdue: 1, dueSoon: 1 });
    expect(ok(await h.api.listCoronerReports({ all: true })).total).toBe(4);

    const missingWho = await h.api.updateCoronerResponse({ evidenceId: late.id, extendedTo: '2026-12-31' });
    expect(missingWho.ok || missingWho.error.fields).toMatchObject({ extensionGrantedBy: expect.any(String), extensionGrantedOn: expect.any(String) });
    const ext = ok(await h.api.updateCoronerResponse({ evidenceId: late.id, extendedTo: '2026-12-31', extensionGrantedBy: 'HM Senior Coroner for Surrey', extensionGrantedOn: '2026-09-20' }));
    expect(ext.coroner).toMatchObject({ responseDue: '2026-09-26', extendedTo: '2026-12-31', status: 'awaiting-response' });
    const sent = ok(await h.api.updateCoronerResponse({ evidenceId: later.id, responseSentOn: '2026-11-22' }));
    expect(sent.coroner?.status).toBe('responded');
    const early = await h.api.updateCoronerResponse({ evidenceId: later.id, responseSentOn: '2026-01-01' });
    expect(early.ok || early.error.fields).toMatchObject({ responseSentOn: expect.any(String) });
    const notDwp = await h.api.updateCoronerResponse({ evidenceId: ok(await h.api.listCoronerReports({ all: true })).rows.find((r) => !r.addressedToDwp)!.evidenceId, responseSentOn: '2026-11-22' });
    expect(notDwp.ok || notDwp.error.message).toMatch(/not a coroner’s report addressed to DWP/);
  });

  it('pages the list: a part page at the end, nothing past it, and a clear refusal of a bad page', async () => {
    for (let i = 1; i <= 7; i++) ok(await h.api.createEvidence(pfd(`2026-01${i}`, `2026-0${i}-01`)));
    const whole = ok(await h.api.listCoronerReports({})).rows.map((r) => r.ref);
    expect(whole).toHaveLength(7);
    const first = ok(await h.api.listCoronerReports({ limit: 3 }));
    const last = ok(await h.api.listCoronerReports({ offset: 6, limit: 3 }));
    expect(first).toMatchObject({ total: 7, offset: 0 });
    expect(first.rows.map((r) => r.ref)).toEqual(whole.slice(0, 3));
    expect(last.rows.map((r) => r.ref)).toEqual(whole.slice(6));
    expect(ok(await h.api.listCoronerReports({ offset: 40 }))).toMatchObject({ total: 7, offset: 40, rows: [] });
    const refused = async (arg: object) => {
      const r = await h.api.listCoronerReports(arg as never);
      if (r.ok) throw new Error(`accepted ${JSON.stringify(arg)}`);
      return `${r.error.code}: ${r.error.message}`;
    };
    expect(await refused({ limit: 0 })).toMatch(/invalid-argument: .*at least one row/);
    expect(await refused({ limit: 501 })).toMatch(/at most 500 rows/);
    expect(await refused({ offset: -1 })).toMatch(/cannot start before the first row/);
    expect(await refused({ offset: 1.5 })).toMatch(/whole number of rows/);
    expect(await refused({ limit: '10' })).toMatch(/how many rows/);
  });
});
