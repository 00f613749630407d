import { describe, expect, it } from 'vitest';
import { formatCount, formatDateLong, formatDateShort, formatNumber, formatTimestamp, londonToday, formatDateWithDay } from './format';

describe('UK formats', () => {
  it('formats dates in UK order', () => {
    expect(formatDateLong('2026-11-22')).toBe('22 November 2026');
    expect(formatDateShort('2026-11-22')).toBe('Sun 22 Nov 2026');
    expect(formatDateWithDay('2027-01-04')).toBe('Monday 4 January 2027');
  });
  it('separates the thousands of a count', () => {
    expect([0, 999, 1560, -1560, 100000].map(formatNumber)).toEqual(['0', '999', '1,560', '-1,560', '100,000']);
    expect([0, 1, 2, 1560].map((n) => formatCount(n, 'record'))).toEqual(['0 records', '1 record', '2 records', '1,560 records']);
    expect(formatCount(1, 'entry', 'entries')).toBe('1 entry');
    expect(formatCount(3, 'entry', 'entries')).toBe('3 entries');
  });
  it('shows timestamps in London time across the clock change', () => {
    expect(formatTimestamp('2026-07-01T12:00:00Z')).toBe('1 Jul 2026, 13:00');
    expect(formatTimestamp('2026-12-01T12:00:00Z')).toBe('1 Dec 2026, 12:00');
  });
  it('takes today from London, not UTC', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
  it('keeps one formatter, and an answer only for its minute, without carrying a date into the next', () => {
    // Every hour for two years, across four clock changes, against the date London's offset gives.
    // British Summer Time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on October's.
    const lastSunday = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0, 1));
      return last.getTime() - last.getUTCDay() * 86_400_000;
    };
    const start = Date.parse('2026-01-01T00:30:00Z');
    for (let h = 0; h < 2 * 366 * 24; h++) {
      const at = new Date(start + h * 3_600_000);
      const bst = at.getTime() >= lastSunday(at.getUTCFullYear(), 2) && at.getTime() < lastSunday(at.getUTCFullYear(), 9);
      expect(londonToday(at)).toBe(new Date(at.getTime() + (bst ? 3_600_000 : 0)).toISOString().slice(0, 10));
    }
    expect(formatTimestamp('2027-03-28T00:59:00Z')).toBe('28 Mar 2027, 00:59');
    // The answer kept for a minute is that minute's only: the last millisecond before London's
    // midnight, then its first, in summer and in winter, each asked twice.
    for (const [before, after, day, next] of [
      ['2026-06-30T22:59:59.999Z', '2026-06-30T23:00:00.000Z', '2026-06-30', '2026-07-01'],
      ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z', '2026-12-31', '2027-01-01'],
    ]) {
      for (let i = 0; i < 2; i++) expect(londonToday(new Date(before))).toBe(day);
      for (let i = 0; i < 2; i++) expect(londonToday(new Date(after))).toBe(next);
      expect(londonToday(new Date(before))).toBe(day);
    }
    expect(() => londonToday(new Date('not a date'))).toThrow(RangeError);
    // Before railway time London kept local mean time (-0:01:15), so its date turned mid-minute:
    // those dates are formatted every time.
    expect(londonToday(new Date('1840-01-01T00:01:00Z'))).toBe('1839-12-31');
    expect(londonToday(new Date('1840-01-01T00:01:30Z'))).toBe('1840-01-01');
    expect(formatTimestamp('2027-03-28T01:00:00Z')).toBe('28 Mar 2027, 02:00');
  });
});
