import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_BANK_HOLIDAYS } from './bankHolidaysEnglandWales';
import { parseGovUkBankHolidays } from './govukBankHolidays';
import { DEFAULT_MILESTONE_RULES, meetingReport, milestoneRulesInput, milestonesFor, milestoneStatus } from './milestones';
import { DEFAULT_PLAN_OPTIONS, nthWeekdayOfMonth, proposeYear } from './planYear';
import { addCalendarDays, fromDayNumber, toDayNumber, weekday, WorkingCalendar } from './workingDays';

const cal = new WorkingCalendar(SHIPPED_BANK_HOLIDAYS.map(([d]) => d));
const title = (iso: string) => SHIPPED_BANK_HOLIDAYS.find(([d]) => d === iso)?.[1];

describe('working days', () => {
  it('knows weekdays', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2027-01-03')).toBe(0);
    expect(weekday('1969-12-31')).toBe(3);
  });
  it('skips weekends and England and Wales bank holidays', () => {
    expect(cal.isWorkingDay('2026-12-24')).toBe(true);
    expect(cal.isWorkingDay('2026-12-25')).toBe(false);
    expect(cal.isWorkingDay('2026-12-26')).toBe(false);
    expect(cal.isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-03-26')).toBe(false);
    expect(cal.isWorkingDay('2027-03-29')).toBe(false);
    expect(cal.isWorkingDay('2026-08-03')).toBe(true); // Scotland's summer holiday is not England's
  });
  it('counts working days both ways', () => {
    expect(cal.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(4); // 29, 30, 31 Dec, 4 Jan
    expect(cal.workingDaysBetween('2027-01-04', '2026-12-24')).toBe(-4);
  });
  it('has addWorkingDays properties for every start date and step', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2012-01-01'), max: toDayNumber('2028-11-30') }), fc.integer({ min: -40, max: 40 }), (day, n) => {
        const start = fromDayNumber(day);
        const end = cal.addWorkingDays(start, n);
        expect(cal.isWorkingDay(end)).toBe(true);
        // Exactly |n| working days lie strictly between start and end, counting end itself.
        const [lo, hi] = n > 0 ? [day + 1, toDayNumber(end)] : [toDayNumber(end), day - 1];
        let count = 0;
        for (let d = lo; d <= hi; d++) if (cal.isWorkingDay(fromDayNumber(d))) count++;
        expect(count).toBe(Math.abs(n));
        if (n !== 0) expect(Math.sign(toDayNumber(end) - day)).toBe(Math.sign(n));
        // Monotonic: one more working day always lands later.
        if (n !== 0 && n !== -1) expect(toDayNumber(cal.addWorkingDays(start, n + 1))).toBeGreaterThan(toDayNumber(end));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('panel milestones', () => {
  it('crosses Christmas and New Year', () => {
    expect(milestonesFor('2027-01-13', cal)).toEqual({
      agendaReviewDue: '2026-12-18',
      papersDue: '2026-12-29',
      packIssue: '2027-01-06',
      minutesDue: '2027-01-27',
    });
  });
  it('crosses Easter and the financial-year boundary', () => {
    const r = meetingReport('2027-04-08', cal);
    expect(r.quarter).toBe('2027-28 Q1');
    expect(r.milestones.papersDue).toBe('2027-03-23'); // in 2026-27: skips Good Friday and Easter Monday
    expect(r.milestones.packIssue).toBe('2027-04-01');
  });
  it('puts draft minutes after a bank holiday Monday', () => {
    expect(milestonesFor('2026-08-28', cal).minutesDue).toBe('2026-09-14');
  });
  it('respects changed rules', () => {
    expect(milestonesFor('2027-01-13', cal, { ...DEFAULT_MILESTONE_RULES, papersDue: 7, packIssue: 3 })).toMatchObject({ papersDue: '2027-01-04', packIssue: '2027-01-08' });
  });
  it('keeps every milestone on a working day in the right order, for every day 2012-2028', () => {
    for (let d = toDayNumber('2012-02-01'); d <= toDayNumber('2028-11-30'); d++) {
      const meeting = fromDayNumber(d);
      const m = milestonesFor(meeting, cal);
      for (const v of Object.values(m)) expect(cal.isWorkingDay(v), `${meeting}: ${v}`).toBe(true);
      expect(m.agendaReviewDue < m.papersDue && m.papersDue < m.packIssue && m.packIssue < meeting && meeting < m.minutesDue).toBe(true);
      expect(cal.workingDaysBetween(m.papersDue, meeting) - (cal.isWorkingDay(meeting) ? 1 : 0)).toBe(DEFAULT_MILESTONE_RULES.papersDue - 1);
      expect(cal.workingDaysBetween(meeting, m.minutesDue)).toBe(DEFAULT_MILESTONE_RULES.minutesDue);
    }
  });
  it('validates rules with messages', () => {
    expect(milestoneRulesInput.safeParse(DEFAULT_MILESTONE_RULES).success).toBe(true);
    const bad = milestoneRulesInput.safeParse({ agendaReviewDue: 5, papersDue: 10, packIssue: 5, minutesDue: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).join(' ')).toMatch(/at least 1 working day/);
    const order = milestoneRulesInput.safeParse({ agendaReviewDue: 5, papersDue: 10, packIssue: 5, minutesDue: 10 });
    expect(order.error?.issues[0].message).toMatch(/chair’s review must come before/);
  });
  it('counts down for the dashboard', () => {
    expect(milestoneStatus('2026-11-30', '2026-11-23', false)).toEqual({ state: 'upcoming', daysRemaining: 7 });
    expect(milestoneStatus('2026-11-25', '2026-11-23', false)).toEqual({ state: 'due-soon', daysRemaining: 2 });
    expect(milestoneStatus('2026-11-23', '2026-11-23', false).state).toBe('due-today');
    expect(milestoneStatus('2026-11-20', '2026-11-23', false)).toEqual({ state: 'overdue', daysRemaining: -3 });
    expect(milestoneStatus('2026-11-20', '2026-11-23', true).state).toBe('done');
  });
});

describe('plan a year', () => {
  it('proposes the second Wednesday of May, August, November and February', () => {
    const plan = proposeYear(2026, cal, DEFAULT_MILESTONE_RULES, DEFAULT_PLAN_OPTIONS, title);
    expect(plan.fy).toBe('2026-27');
    expect(plan.panels.map((p) => [p.quarter, p.date, p.moved])).toEqual([
      ['Q1', '2026-05-13', null],
      ['Q2', '2026-08-12', null],
      ['Q3', '2026-11-11', null],
      ['Q4', '2027-02-10', null],
    ]);
    expect(plan.panels[3].milestones).toEqual(milestonesFor('2027-02-10', cal));
  });
  it('moves a proposed date off a bank holiday and says why', () => {
    const plan = proposeYear(2026, cal, DEFAULT_MILESTONE_RULES, { weekday: 1, week: 'last' }, title);
    expect(plan.panels[0]).toMatchObject({ date: '2026-05-26', moved: { from: '2026-05-25', reason: 'Spring bank holiday' } });
    expect(plan.panels[1]).toMatchObject({ date: '2026-09-01', moved: { from: '2026-08-31', reason: 'Summer bank holiday' } });
    const first = proposeYear(2026, cal, DEFAULT_MILESTONE_RULES, { weekday: 1, week: 1 }, title);
    expect(first.panels[0]).toMatchObject({ date: '2026-05-05', moved: { from: '2026-05-04', reason: 'Early May bank holiday' } });
  });
  it('finds the nth and last weekday of a month', () => {
    expect(nthWeekdayOfMonth(2027, 2, 3, 1)).toBe('2027-02-03');
    expect(nthWeekdayOfMonth(2027, 2, 3, 4)).toBe('2027-02-24');
    expect(nthWeekdayOfMonth(2026, 12, 5, 'last')).toBe('2026-12-25');
    for (let m = 1; m <= 12; m++) for (let wd = 1; wd <= 5; wd++) expect(weekday(nthWeekdayOfMonth(2030, m, wd, 3))).toBe(wd);
  });
});

describe('gov.uk bank holiday files', () => {
  it('reads the real file and matches what the app ships', () => {
    const parsed = parseGovUkBankHolidays(readFileSync('../shared/data/calendar/bank-holidays.json', 'utf8'));
    expect(parsed.map((h) => [h.date, h.title])).toEqual(SHIPPED_BANK_HOLIDAYS.map(([d, t]) => [d, t]));
  });
  it('says exactly what is wrong with a malformed file', () => {
    expect(() => parseGovUkBankHolidays('{oops')).toThrow(/not valid JSON/);
    expect(() => parseGovUkBankHolidays({ scotland: {} })).toThrow(/england-and-wales.*missing/);
    const bad = { 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year', date: '2030-01-01' }, { title: 'X', date: '2030-02-30' }] } };
    expect(() => parseGovUkBankHolidays(bad)).toThrow(/events\[1\]\.date: date is not a date/);
    expect(() => parseGovUkBankHolidays({ 'england-and-wales': { division: 'england-and-wales', events: [] } })).toThrow(/no England and Wales/);
  });
  it('never lands a milestone on an added holiday', () => {
    const extra = new WorkingCalendar([...SHIPPED_BANK_HOLIDAYS.map(([d]) => d), '2027-01-06']);
    expect(milestonesFor('2027-01-13', extra).packIssue).toBe('2027-01-05');
    expect(addCalendarDays('2027-01-06', 1)).toBe('2027-01-07');
  });
});

describe('day numbers by arithmetic', () => {
  const viaDate = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  it('agree with the calendar both ways, for every day from 1000 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -354_285, max: 2_932_896 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
        expect(toDayNumber(iso)).toBe(n);
        expect(viaDate(iso)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });
  it('still refuse what is not a real date, and count days outside the fast range', () => {
    expect(() => toDayNumber('2026-02-29')).toThrow(RangeError);
    expect(() => toDayNumber('2026-13-01')).toThrow(RangeError);
    expect(() => toDayNumber('26-01-01')).toThrow(RangeError);
    for (const bad of ['1e03-01-01', '2024-+1-01', '2024-01- 1', '2024-1.-01']) expect(() => toDayNumber(bad)).toThrow(RangeError);
    expect(toDayNumber('0999-12-31')).toBe(-354_286);
    expect(fromDayNumber(-354_286)).toBe('0999-12-31');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
  });
});
