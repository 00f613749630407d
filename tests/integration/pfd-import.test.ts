// The real Preventable Deaths Tracker file, imported through the real handlers and the CLI.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '#shared/calendar/workingDays';
import type { JobStatus, PfdImportSummary } from '#shared/domain/jobs';
import { makeHarness, ok, type Harness } from '../support/harness';

const FILE = fileURLToPath(new URL('../../../shared/data/pfd/reports-2024-03-24.csv', import.meta.url));


async function run(h: Harness, csv: string): Promise<PfdImportSummary> {
  let s: JobStatus = ok(await h.api.startPfdImport({ csv, fileName: 'reports.csv' }));
  const seen: number[] = [];
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    s = ok(await h.api.getJob({ id: s.id }));
    seen.push(s.done);
  }
  if (s.state !== 'done') throw new Error(`import ${s.state}: ${s.error}`);
  expect(Math.max(...seen, 0)).toBeGreaterThan(0);
  return s.result as PfdImportSummary;
}

let h: Harness;
let csv: string;
beforeAll(async () => {
  expect(existsSync(FILE), `the dataset should be at ${FILE}`).toBe(true);
  csv = readFileSync(FILE, 'utf8');
  h = await makeHarness({ now: '2026-11-23T10:00:00Z', file: true });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterAll(async () => h.close());

describe('Preventable Deaths Tracker import', () => {
  let first: PfdImportSummary;

  it('imports every report, reports the rows it cannot, and finds those addressed to DWP', async () => {
    first = await run(h, csv);
    expect(first).toMatchObject({ read: 4929, imported: 4826, updated: 0, skipped: 0, addressedToDwp: 12 });
    expect(first.errors).toHaveLength(103);
    expect(first.errors.every((e) => e.row >= 4827 && /ref/.test(e.message))).toBe(true);
    expect(first.read).toBe(first.imported + first.updated + first.skipped + first.errors.length);
    const all = ok(await h.api.listEvidence({ filter: { types: ['pfd'] }, limit: 1 }));
    expect(all.total).toBe(4826);
  }, 120_000);

  it('sets the response due 56 days after each DWP report and keeps names out of panel-facing fields', async () => {
    const { rows: reports, total } = ok(await h.api.listCoronerReports({}));
    expect(total).toBe(12);
    expect(reports).toHaveLength(12);
    for (const r of reports) {
      expect(r.tracking?.responseDue).toBe(addCalendarDays(r.reportDate, 56));
      expect(r.addressedToDwp).toBe(true);
    }
    // The deceased's name is only in the restricted table, never in a title, summary or the search index.
    const sqlite = h.opened.sqlite;
    const names = sqlite.prepare("select person_name from evidence_personal where person_name not in ('', 'REDACTED', '[REDACTED]') limit 200").pluck().all() as string[];
    expect(names.length).toBeGreaterThan(100);
    const leaks = sqlite
      .prepare(`select count(*) from evidence e join evidence_personal p on p.evidence_id = e.id where length(p.person_name) > 6 and p.person_name not like '%REDACTED%' and (instr(e.title, p.person_name) > 0 or instr(e.summary, p.person_name) > 0 or instr(e.search_text, p.person_name) > 0)`)
      .pluck()
      .get();
    expect(leaks).toBe(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    const audit = h.opened.sqlite.prepare('select count(*) from audit_log').pluck().get();
    const again = await run(h, csv);
    expect(again).toMatchObject({ read: 4929, imported: 0, updated: 0, skipped: 4826, addressedToDwp: 12 });
    expect(again.errors).toHaveLength(103);
    expect(h.opened.sqlite.prepare('select count(*) from audit_log').pluck().get()).toBe(audit);
  }, 120_000);

  it('reports a malformed row without aborting the rest', async () => {
    const lines = csv.split(/\r?\n/);
    const bad = [lines[0], '21/03/2024,not a date,,Someone,,,,', lines.slice(1).join('\n')].join('\n');
    const r = await run(h, bad);
    expect(r.errors.some((e) => e.row === 1)).toBe(true);
    expect(r.skipped).toBe(4826);
  }, 120_000);
});
