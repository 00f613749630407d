import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '#shared/domain/jobs';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());


export async function finished(api: Harness['api'], job: JobStatus): Promise<JobStatus> {
  let s = job;
  for (let i = 0; i < 2000 && s.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 5));
    s = ok(await api.getJob({ id: job.id }));
  }
  return s;
}

const count = (t: string) => (h.opened.sqlite.prepare(`select count(*) from ${t}`).pluck().get() as number);

const file = (rows: string[][]) => Papa.unparse([['Reference', 'Title', 'Date received', 'From', 'Channel', 'Tags'], ...rows]);

describe('general CSV import', () => {
  it('previews without writing, then imports every row in one go', async () => {
    const csv = file([
      ['FLF-1', 'Lost contact not escalated', '13/02/2026', 'Safeguarding Leads', 'Network', 'lost contact; safeguarding'],
      ['FLF-2', 'Journal messages unseen', '3 March 2026', 'Work coaches', 'Survey', ''],
    ]);
    const audit = count('audit_log');
    const p = ok(await h.api.previewEvidenceCsv({ csv, type: 'frontline' }));
    expect(p).toMatchObject({ rows: 2, valid: 2, problemCount: 0, mapping: { ref: 0, title: 1, receivedOn: 2, 'details.fromWhom': 3, 'details.channel': 4, tags: 5 } });
    expect(count('evidence')).toBe(0);
    expect(count('audit_log')).toBe(audit);
    const job = await finished(h.api, ok(await h.api.startEvidenceCsvImport({ csv, type: 'frontline', mapping: p.mapping, fileName: 'feedback.csv' })));
    expect(job).toMatchObject({ state: 'done', result: { imported: 2 } });
    const list = ok(await h.api.listEvidence({ sort: 'ref', desc: false }));
    expect(list.rows.map((r) => [r.ref, r.receivedOn, r.tags])).toEqual([
      ['FLF-1', '2026-02-13', ['lost contact', 'safeguarding']],
      ['FLF-2', '2026-03-03', []],
    ]);
  });

  it('refuses the whole file when any row is bad, and names the rows', async () => {
    ok(await h.api.createEvidence({ ref: 'FLF-9', title: 'Existing', summary: '', receivedOn: '2026-01-01', region: '', sensitivity: 'official', details: { type: 'frontline', fromWhom: '', channel: '' } }));
    const csv = file([
      ['FLF-1', 'Good row', '13/02/2026', '', '', ''],
      ['FLF-2', 'Bad date', '31/02/2026', '', '', ''],
      ['FLF-9', 'Already there', '01/03/2026', '', '', ''],
    ]);
    const p = ok(await h.api.previewEvidenceCsv({ csv, type: 'frontline' }));
    expect(p.valid).toBe(1);
    expect(p.problems.map((x) => [x.row, x.field])).toEqual([
      [2, 'receivedOn'],
      [3, 'ref'],
    ]);
    const before = count('evidence');
    const job = await finished(h.api, ok(await h.api.startEvidenceCsvImport({ csv, type: 'frontline', mapping: p.mapping })));
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/2 problems.*row 2.*Nothing was imported/);
    expect(count('evidence')).toBe(before);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`FLF-${i}`, `Feedback ${i}`, '01/04/2026', '', '', '']);
    const csv = file(rows);
    const p = ok(await h.api.previewEvidenceCsv({ csv, type: 'frontline' }));
    const started = ok(await h.api.startEvidenceCsvImport({ csv, type: 'frontline', mapping: p.mapping }));
    ok(await h.api.cancelJob({ id: started.id }));
    const job = await finished(h.api, started);
    expect(job.state).toBe('cancelled');
    expect(count('evidence')).toBe(0);
  });

  it('rejects a file without a header and a mapping beyond its columns', async () => {
    const r = await h.api.previewEvidenceCsv({ csv: '\n\n', type: 'ipr' });
    expect(r.ok || r.error.message).toMatch(/no header row/);
    const m = await h.api.previewEvidenceCsv({ csv: 'a,b\n1,2', type: 'ipr', mapping: { ref: 7 } });
    expect(m.ok || m.error.message).toMatch(/column 8/);
  });
});
