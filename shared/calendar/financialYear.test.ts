import { describe, expect, it } from 'vitest';
import { financialQuarterOf, isIsoDate, parseFy, parseIsoDate, fyLabel } from './financialYear';

describe('financialQuarterOf', () => {
  it.each([
    ['2026-04-01', '2026-27', 'Q1'],
    ['2026-06-30', '2026-27', 'Q1'],
    ['2026-07-01', '2026-27', 'Q2'],
    ['2026-09-30', '2026-27', 'Q2'],
    ['2026-10-01', '2026-27', 'Q3'],
    ['2026-12-31', '2026-27', 'Q3'],
    ['2027-01-01', '2026-27', 'Q4'],
    ['2027-03-31', '2026-27', 'Q4'],
    ['2027-04-01', '2027-28', 'Q1'],
    ['2099-02-01', '2098-99', 'Q4'],
    ['2099-05-01', '2099-00', 'Q1'],
  ])('%s is in %s %s', (iso, fy, q) => {
    const r = financialQuarterOf(iso);
    expect(r.fy).toBe(fy);
    expect(r.quarter).toBe(q);
    expect(r.label).toBe(`${fy} ${q}`);
  });

  it('covers every day of a year with the right quarter', () => {
    const expected = ['Q4', 'Q4', 'Q4', 'Q1', 'Q1', 'Q1', 'Q2', 'Q2', 'Q2', 'Q3', 'Q3', 'Q3'];
    for (let d = new Date(Date.UTC(2028, 0, 1)); d.getUTCFullYear() === 2028; d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      expect(financialQuarterOf(iso).quarter).toBe(expected[d.getUTCMonth()]);
    }
  });
});

describe('parseIsoDate', () => {
  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '', '2026-02-29', 'x']) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(() => parseIsoDate('2026-02-30')).toThrow(/not a real calendar date/);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('parseFy', () => {
  it('round-trips', () => {
    expect(parseFy('2026-27')).toBe(2026);
    expect(fyLabel(2026)).toBe('2026-27');
    expect(parseFy('2099-00')).toBe(2099);
  });
  it('rejects non-consecutive years', () => {
    expect(() => parseFy('2026-28')).toThrow(/must follow/);
    expect(() => parseFy('26-27')).toThrow(/not a financial year/);
  });
});
