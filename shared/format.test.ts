import { describe, expect, it } from 'vitest';
import { formatDateLong, formatDateShort, formatTimestamp, londonToday, formatDateWithDay } from './format';

describe('UK formats', () => {
  it('formats dates in UK order', () => {
    expect(formatDateLong('2026-11-22')).toBe('22 November 2026');
    expect(formatDateShort('2026-11-22')).toBe('Sun 22 Nov 2026');
    expect(formatDateWithDay('2027-01-04')).toBe('Monday 4 January 2027');
  });
  it('shows timestamps in London time across the clock change', () => {
    expect(formatTimestamp('2026-07-01T12:00:00Z')).toBe('1 Jul 2026, 13:00');
    expect(formatTimestamp('2026-12-01T12:00:00Z')).toBe('1 Dec 2026, 12:00');
  });
  it('takes today from London, not UTC', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
