// What each record still holds (personal_holds, kept by triggers since migration 12) stays true
// through every way the app writes a record: creating, editing, archiving and restoring, the two
// imports and erasure. After each step the review lists exactly what its definition before
// migration 12 listed, which joined every record to its personal detail. Real handlers, real
// database, through the dispatch.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import type { JobStatus } from '#shared/domain/jobs';
import type { RetentionDue } from '#shared/domain/retention';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';
import { settleJob } from '../../tests/support/jobs';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());

const settle = (s: JobStatus) => settleJob(h.api, s);

/** What a record holds, worked out afresh from its personal detail and its details. */
const HOLDS_NOW = `coalesce(p.person_name != '', 0) + 2 * coalesce(p.case_reference != '', 0)
  + (e.type = 'pfd') * (4 * coalesce(json_extract(e.details, '$.circumstances') != '', 0) + 8 * coalesce(json_extract(e.details, '$.reportUrl') != '', 0))`;

/** Every record whose kept personal_holds is not what it holds now: there should be none. */
const stale = () =>
  h.opened.sqlite.prepare(`select e.id, e.ref, e.personal_holds as kept, ${HOLDS_NOW} as now from evidence e left join evidence_personal p on p.evidence_id = e.id where e.personal_holds != (${HOLDS_NOW})`).all();

/** The review's statement before migration 12 (default six years, any day): ids and what they hold, in its order. */
function dueBefore(today: string): [number, number][] {
  const cut = `${Number(today.slice(0, 4)) - 6}${today.slice(4)}`;
  return (
    h.opened.sqlite
      .prepare(
        `select e.id, ${HOLDS_NOW} as holds from evidence e left join evidence_personal p on p.evidence_id = e.id
         where e.erased_at is null and case type
           when 'ipr' then coalesce(json_extract(details, '$.concludedDate'), received_on)
           when 'pfd' then json_extract(details, '$.reportDate')
           when 'sar' then coalesce(json_extract(details, '$.reviewDate'), received_on)
           else received_on end <= ? and (${HOLDS_NOW}) > 0
         order by e.received_on, e.id`,
      )
      .all(cut) as { id: number; holds: number }[]
  ).map((r) => [r.id, r.holds]);
}

const WORDS: [number, string][] = [
  [1, 'name of'],
  [2, 'case reference'],
  [4, 'circumstances of the death'],
  [8, 'link to the published report'],
];
const bits = (d: RetentionDue) => WORDS.reduce((n, [bit, words]) => n + (d.holds.some((w) => w.startsWith(words)) ? bit : 0), 0);

/** The review now, a page at a time, against its definition before; and every record's holds kept true. */
async function reviewMatches(today = '2026-11-23') {
  expect(stale()).toEqual([]);
  const listed: RetentionDue[] = [];
  for (let offset = 0; ; offset += 7) {
    const page = ok(await h.api.listRetentionDue({ today, offset, limit: 7 }));
    listed.push(...page.rows);
    if (page.rows.length < 7) {
      expect(page.total).toBe(listed.length);
      break;
    }
  }
  expect(listed.map((d) => [d.evidenceId, bits(d)])).toEqual(dueBefore(today));
  return listed;
}

const base = { title: 'A record', summary: 'Anonymised learning.', region: 'Wales', sensitivity: 'official-sensitive' as const };
const ipr = (n: number, personName: string, caseReference = ''): EvidenceInput => ({
  ...base,
  ref: `IPR-${n}`,
  receivedOn: `2018-0${1 + (n % 9)}-1${n % 10}`,
  details: { type: 'ipr', referralDate: null, acceptedDate: null, concludedDate: n % 3 ? `2019-0${1 + (n % 9)}-0${1 + (n % 9)}` : null, presentedDate: null, suicideOrSelfHarm: n % 2 === 0, outcome: '', learningPoints: '' },
  personal: { personName, caseReference },
});
const pfd = (n: number, circumstances: string, reportUrl: string, personName = ''): EvidenceInput => ({
  ...base,
  ref: `PFD-${n}`,
  receivedOn: `2019-0${1 + (n % 9)}-20`,
  details: { type: 'pfd', coronerRef: `C-${n}`, reportDate: `2019-0${1 + (n % 9)}-15`, coronerName: '', coronerArea: 'Avon', category: '', addressees: ['DWP'], addressedToDwp: n % 2 === 0, circumstances, concerns: '', reportUrl },
  personal: { personName, caseReference: '' },
});
const complaint = (n: number, personName: string, receivedOn = '2017-05-01'): EvidenceInput => ({
  ...base,
  ref: `CMP-${n}`,
  receivedOn,
  details: { type: 'complaint', serviceArea: 'Debt', periodFrom: null, periodTo: null, complaintCount: null },
  personal: { personName, caseReference: '' },
});

describe('what each record still holds, through every write', () => {
  it('is kept true, and the review lists what it listed before, through creating, editing, archiving, imports and erasure', async () => {
    // Created: names, case references, coroners' circumstances and links, and records holding nothing.
    const made: EvidenceInput[] = [
      ipr(1, 'Person 1', 'CASE-1'),
      ipr(2, ''),
      ipr(3, '', 'CASE-3'),
      ipr(4, 'Person 4'),
      pfd(5, 'Found at home', 'https://example.org/5'),
      pfd(6, '', 'https://example.org/6'),
      pfd(7, 'Found at work', '', 'Deceased 7'),
      pfd(8, '', ''),
      complaint(9, 'Complainant 9'),
      complaint(10, ''),
      complaint(11, 'Complainant 11', '2026-01-01'),
      { ...base, ref: 'SAR-12', receivedOn: '2016-03-03', details: { type: 'sar', board: 'Board', reviewDate: null, dwpInvolvement: '' }, personal: { personName: 'Adult 12', caseReference: '' } },
    ];
    const ids: Record<string, number> = {};
    for (const v of made) ids[v.ref] = ok(await h.api.createEvidence(v)).id;
    const first = await reviewMatches();
    expect(first.map((d) => d.ref)).toEqual(['SAR-12', 'CMP-9', 'IPR-1', 'IPR-3', 'IPR-4', 'PFD-5', 'PFD-6', 'PFD-7']);

    // Edited: a name taken out, a case reference put in, a coroner's circumstances or link cleared
    // and a link added, a complaint that held nothing given a name.
    const edit = async (v: EvidenceInput) => ok(await h.api.updateEvidence({ id: ids[v.ref], ...v }));
    await edit(ipr(1, '', ''));
    await edit(ipr(2, '', 'CASE-2'));
    await edit(pfd(5, '', 'https://example.org/5'));
    await edit(pfd(8, '', 'https://example.org/8'));
    await edit(complaint(10, 'Complainant 10'));
    await edit(pfd(6, '', ''));
    expect((await reviewMatches()).map((d) => d.ref)).toEqual(['SAR-12', 'CMP-9', 'CMP-10', 'IPR-2', 'IPR-3', 'IPR-4', 'PFD-5', 'PFD-7', 'PFD-8']);

    // Archived and restored: an archived record is still reviewed.
    ok(await h.api.archiveEvidence({ id: ids['IPR-3'], archived: true }));
    await reviewMatches();
    ok(await h.api.archiveEvidence({ id: ids['IPR-3'], archived: false }));
    await reviewMatches();

    // Imported: a CSV of reviews with names and case references, and coroners' reports.
    const reviews = Papa.unparse([
      ['Reference', 'Title', 'Date received', 'Suicide or self-harm', 'Final report date', 'Claimant name', 'Case reference'],
      ['IPR-CSV-1', 'Imported review', '01/02/2018', 'yes', '01/06/2018', 'Imported Person', 'CASE-X'],
      ['IPR-CSV-2', 'Imported review', '01/03/2018', 'no', '', '', ''],
      ['IPR-CSV-3', 'Imported review', '01/04/2025', 'no', '', 'Recent Person', ''],
    ]);
    const preview = ok(await h.api.previewEvidenceCsv({ csv: reviews, type: 'ipr' }));
    expect(preview.problemCount).toBe(0);
    expect(await settle(ok(await h.api.startEvidenceCsvImport({ csv: reviews, type: 'ipr', mapping: preview.mapping, fileName: 'reviews.csv' })))).toMatchObject({ state: 'done', result: { imported: 3 } });
    const reports = Papa.unparse([
      ['date_added', 'date_of_report', 'ref', 'deceased_name', 'coroner_name', 'coroner_area', 'category', 'this_report_is_being_sent_to', 'report_url', 'pdf_url', 'reply_urls', 'circumstances', 'concerns', 'inquest', 'action', 'response', 'legal'],
      ['21/03/2019', '20/03/2019', '2019-0155', 'Deceased A', 'A Coroner', 'Surrey', 'Suicide (from 2015)', 'Department for Work and Pensions', 'https://example.org/a', '', '', 'Found at home', 'Concerns', '', '', '', ''],
      ['22/03/2019', '21/03/2019', '2019-0156', '', 'A Coroner', 'Kent', 'Other', 'NHS England', '', '', '', '', 'Concerns', '', '', '', ''],
    ]);
    expect(await settle(ok(await h.api.startPfdImport({ csv: reports, fileName: 'reports.csv' })))).toMatchObject({ state: 'done', result: { imported: 2 } });
    const imported = await reviewMatches();
    expect(imported.map((d) => d.ref)).toEqual(expect.arrayContaining(['IPR-CSV-1', 'PFD 2019-0155']));
    expect(imported.map((d) => d.ref)).not.toContain('IPR-CSV-3');

    // Erased: some by id, then every record due but two by "all", whose count is checked.
    const chosen = [ids['IPR-4'], ids['PFD-7']];
    expect(ok(await h.api.erasePersonalDetail({ ids: chosen }))).toEqual({ erased: 2 });
    const left = await reviewMatches();
    expect(left.map((d) => d.evidenceId)).not.toEqual(expect.arrayContaining(chosen));
    const keep = [left[0].evidenceId, left[left.length - 1].evidenceId];
    const wrong = await h.api.startErasure({ allDue: { except: keep, expected: left.length - 1 } });
    expect(wrong.ok || wrong.error.code).toBe('conflict');
    expect(await settle(ok(await h.api.startErasure({ allDue: { except: keep, expected: left.length - 2 } })))).toMatchObject({ state: 'done', result: { erased: left.length - 2 } });
    expect((await reviewMatches()).map((d) => d.evidenceId)).toEqual(keep);
    // Erased records hold nothing, and a later day finds the records that came due since.
    expect(h.opened.sqlite.prepare('select count(*) from evidence where erased_at is not null and personal_holds != 0').pluck().get()).toBe(0);
    expect((await reviewMatches('2032-01-01')).map((d) => d.ref)).toEqual(expect.arrayContaining(['CMP-11', 'IPR-CSV-3']));
  });
});
