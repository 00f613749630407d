import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retentionBasis, retentionDate, retentionSettingsInput, ruleFor, DEFAULT_RETENTION } from './retention';

const ipr = (suicide: boolean, concluded: string | null) => ({ type: 'ipr' as const, referralDate: null, acceptedDate: null, concludedDate: concluded, presentedDate: null, suicideOrSelfHarm: suicide, outcome: '', learningPoints: '' });

describe('retention', () => {
  it('counts six years from the final report for a suicide or self-harm review', () => {
    const d = ipr(true, '2020-03-15');
    expect(ruleFor('ipr', d)).toBe('ipr-suicide');
    expect(retentionBasis('2020-05-01', d)).toBe('2020-03-15');
    expect(retentionDate(retentionBasis('2020-05-01', d), DEFAULT_RETENTION['ipr-suicide'])).toBe('2026-03-15');
    expect(ruleFor('ipr', ipr(false, null))).toBe('ipr');
    expect(retentionBasis('2020-05-01', ipr(false, null))).toBe('2020-05-01');
  });

  it('handles 29 February by keeping to the 28th', () => {
    expect(retentionDate('2020-02-29', 6)).toBe('2026-02-28');
    expect(retentionDate('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('is always exactly the given number of years later, to the day where the day exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 1, max: 50 }), (d, y) => {
        const basis = new Date(Date.UTC(1990, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const r = retentionDate(basis, y);
        expect(Number(r.slice(0, 4)) - Number(basis.slice(0, 4))).toBe(y);
        expect(r.slice(5, 7)).toBe(basis.slice(5, 7));
        if (basis.slice(5) !== '02-29') expect(r.slice(5)).toBe(basis.slice(5));
      }),
    );
  });

  it('validates the settings', () => {
    expect(retentionSettingsInput.safeParse(DEFAULT_RETENTION).success).toBe(true);
    expect(retentionSettingsInput.safeParse({ ...DEFAULT_RETENTION, ipr: 0 }).success).toBe(false);
    expect(retentionSettingsInput.safeParse({ ...DEFAULT_RETENTION, extra: 1 }).success).toBe(false);
  });
});
