import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mapRows, readCsv, suggestMapping, targetFields } from './evidenceCsv';

const csv = (rows: string[][]) => Papa.unparse(rows);

describe('general evidence CSV import', () => {
  it('suggests a mapping from header names, aliases and labels', () => {
    const headers = ['Reference', 'Subject', 'Date', 'Service area', 'Count', 'Benefit', 'Unrelated'];
    const m = suggestMapping(headers, 'complaint');
    expect(m).toMatchObject({ ref: 0, title: 1, receivedOn: 2, 'details.serviceArea': 3, 'details.complaintCount': 4, benefitLines: 5, summary: null });
  });

  it('maps rows into validated records, converting dates, numbers, lists and yes/no', () => {
    const t = readCsv(
      csv([
        ['ref', 'title', 'received', 'suicide', 'benefits', 'final report', 'claimant'],
        ['IPR-1', 'Lost contact', '3 December 2021', 'yes', 'Universal Credit; Pension Credit', '13/02/2022', 'A Person'],
        ['IPR-2', 'Arrears', '2022-01-05', 'no', '', '', ''],
      ]),
    );
    const r = mapRows(t, 'ipr', suggestMapping(t.headers, 'ipr'));
    expect(r.problems).toEqual([]);
    expect(r.inputs[0]).toMatchObject({
      row: 1,
      input: { ref: 'IPR-1', receivedOn: '2021-12-03', benefitLines: ['Universal Credit', 'Pension Credit'], details: { type: 'ipr', suicideOrSelfHarm: true, concludedDate: '2022-02-13' }, personal: { personName: 'A Person' } },
    });
  });

  it('reports every bad row with its row number and field, and a missing required column once', () => {
    const t = readCsv(
      csv([
        ['ref', 'title', 'date', 'count'],
        ['C-1', 'Fine', '01/05/2026', '12'],
        ['C-2', '', '31/02/2026', 'many'],
        ['C-1', 'Duplicate', '02/05/2026', '1'],
        ['', 'No ref', '02/05/2026', '1'],
      ]),
    );
    const m = suggestMapping(t.headers, 'complaint');
    const r = mapRows(t, 'complaint', m);
    expect(r.inputs.map((x) => x.row)).toEqual([1]);
    expect(r.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'receivedOn'],
      [2, 'details.complaintCount'],
      [3, 'ref'],
      [4, 'ref'],
    ]);
    expect(mapRows(t, 'complaint', { ...m, title: null }).problems).toEqual([{ row: 0, field: 'title', message: expect.stringMatching(/required/) }]);
  });

  it('never throws on arbitrary files, and every accepted row is valid', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 30 }), { minLength: 0, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const t = readCsv(csv([['ref', 'title', 'date'], ...rows]));
        const r = mapRows(t, 'frontline', suggestMapping(t.headers, 'frontline'));
        for (const x of r.inputs) expect(x.input.ref.trim().length).toBeGreaterThan(0);
        expect(r.inputs.length + new Set(r.problems.map((p) => p.row)).size).toBeLessThanOrEqual(t.rows.length);
      }),
    );
  });

  it('offers the restricted fields for every type and never a panel-facing field by that name', () => {
    for (const type of ['ipr', 'complaint', 'frontline', 'ice', 'pfd', 'sar', 'other'] as const) {
      const keys = targetFields(type).map((f) => f.key);
      expect(keys).toContain('personal.personName');
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
