import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareByUrgency, coronerTracking, responseDueDate } from './coroner';

const base = { extendedTo: null, extensionGrantedBy: '', extensionGrantedOn: null, responseSentOn: null, responded: false };

describe('coroner response tracking', () => {
  it('is due 56 calendar days after the report, across month and leap-year ends', () => {
    expect(responseDueDate('2024-03-20')).toBe('2024-05-15');
    expect(responseDueDate('2024-01-05')).toBe('2024-03-01');
    expect(responseDueDate('2023-01-05')).toBe('2023-03-02');
    expect(responseDueDate('2025-12-10')).toBe('2026-02-04');
  });

  it('derives each status from the dates', () => {
    const report = '2026-10-01'; // due 2026-11-26
    expect(coronerTracking({ ...base, reportDate: report }, '2026-10-02')).toMatchObject({ status: 'awaiting-response', daysRemaining: 55 });
    expect(coronerTracking({ ...base, reportDate: report }, '2026-11-12')).toMatchObject({ status: 'due-within-14-days', daysRemaining: 14 });
    expect(coronerTracking({ ...base, reportDate: report }, '2026-11-11')).toMatchObject({ status: 'awaiting-response', daysRemaining: 15 });
    expect(coronerTracking({ ...base, reportDate: report }, '2026-11-26')).toMatchObject({ status: 'due-within-14-days', daysRemaining: 0 });
    expect(coronerTracking({ ...base, reportDate: report }, '2026-11-27')).toMatchObject({ status: 'overdue', daysRemaining: -1 });
    expect(coronerTracking({ ...base, reportDate: report, responseSentOn: '2026-11-26' }, '2026-12-30')).toMatchObject({ status: 'responded', daysRemaining: null });
    expect(coronerTracking({ ...base, reportDate: report, responseSentOn: '2026-11-27' }, '2026-12-30')).toMatchObject({ status: 'responded-late' });
    expect(coronerTracking({ ...base, reportDate: report, responded: true }, '2026-12-30')).toMatchObject({ status: 'responded' });
  });

  it('an extension moves the due date without changing the statutory one', () => {
    const t = coronerTracking({ ...base, reportDate: '2026-10-01', extendedTo: '2026-12-31', extensionGrantedBy: 'HM Senior Coroner', extensionGrantedOn: '2026-11-20' }, '2026-11-30');
    expect(t).toMatchObject({ responseDue: '2026-11-26', status: 'awaiting-response', daysRemaining: 31 });
    const late = coronerTracking({ ...base, reportDate: '2026-10-01', extendedTo: '2026-12-31', responseSentOn: '2026-12-20' }, '2027-01-05');
    expect(late.status).toBe('responded');
  });

  it('orders overdue first, then soonest due, then answered', () => {
    const today = '2026-11-23';
    const mk = (reportDate: string, sent: string | null = null) => ({ reportDate, tracking: coronerTracking({ ...base, reportDate, responseSentOn: sent }, today) });
    const list = [mk('2026-11-01'), mk('2026-08-01', '2026-09-01'), mk('2026-09-01'), mk('2026-10-01'), mk('2026-06-01')];
    const sorted = [...list].sort(compareByUrgency).map((r) => r.reportDate);
    expect(sorted).toEqual(['2026-06-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-08-01']);
  });

  it('never reports an unanswered report as responded, whatever the dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -400, max: 400 }), (d, offset) => {
        const reportDate = new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const today = new Date(Date.UTC(2000, 0, 1) + (d + 56 + offset) * 86_400_000).toISOString().slice(0, 10);
        const t = coronerTracking({ ...base, reportDate }, today);
        expect(t.daysRemaining).toBe(0 - offset || 0);
        expect(t.status).toBe(offset > 0 ? 'overdue' : offset >= -14 ? 'due-within-14-days' : 'awaiting-response');
      }),
    );
  });
});
