// Recommendation references in the order they were issued, past a panel's 99th.
import { describe, expect, it } from 'vitest';
import { compareRefs, formatRef } from './recommendations';

describe('compareRefs', () => {
  it('puts a prefix’s references in the order they were issued, the 100th after the 99th', () => {
    const issued = [1, 2, 9, 10, 11, 99, 100, 101, 110, 1000].map((n) => formatRef('SCP-2026-Q3-', n));
    const shuffled = [...issued].reverse();
    expect(shuffled.sort(compareRefs)).toEqual(issued);
    // as plain text, "…100" came before "…11": the order this replaces
    expect([...issued].sort((a, b) => a.localeCompare(b))).not.toEqual(issued);
  });

  it('keeps references of different prefixes apart, by prefix first', () => {
    const refs = [formatRef('SCP-2027-Q1-', 2), formatRef('SCP-2026-Q4-', 100), formatRef('SCP-2026-Q4-', 3)];
    expect([...refs].sort(compareRefs)).toEqual([formatRef('SCP-2026-Q4-', 3), formatRef('SCP-2026-Q4-', 100), formatRef('SCP-2027-Q1-', 2)]);
    expect(compareRefs('SCP-2026-Q4-05', 'SCP-2026-Q4-05')).toBe(0);
  });
});
