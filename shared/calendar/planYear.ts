// "Plan a year": four quarterly dates, by default the second Wednesday of the middle month of
// each quarter (May, August, November, February), moved to the next working day when that day
// is a bank holiday.
import { z } from 'zod';
import { fyLabel, type Quarter } from './financialYear';
import { milestonesFor, type MilestoneRules, type Milestones } from './milestones';
import { addCalendarDays, fromDayNumber, toDayNumber, weekday, type WorkingCalendar } from './workingDays';

export interface PlanOptions {
  /** 1 = Monday ... 5 = Friday */
  weekday: number;
  /** which occurrence of that weekday in the month */
  week: 1 | 2 | 3 | 4 | 'last';
}
export const DEFAULT_PLAN_OPTIONS: PlanOptions = { weekday: 3, week: 2 };

export const planOptionsInput = z.strictObject({
  weekday: z.number({ error: 'Choose a weekday' }).int().min(1, 'Choose Monday to Friday').max(5, 'Choose Monday to Friday'),
  week: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('last')], { error: 'Choose the first to fourth week, or the last' }),
});

export interface ProposedPanel {
  quarter: Quarter;
  date: string;
  /** set when the chosen day was not a working day */
  moved: { from: string; reason: string } | null;
  milestones: Milestones;
}

const MIDDLE_MONTHS: [Quarter, number, number][] = [
  ['Q1', 5, 0],
  ['Q2', 8, 0],
  ['Q3', 11, 0],
  ['Q4', 2, 1],
];

export function nthWeekdayOfMonth(year: number, month: number, wd: number, week: PlanOptions['week']): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  if (week === 'last') {
    const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    let d = toDayNumber(nextMonth) - 1;
    while (weekday(fromDayNumber(d)) !== wd) d--;
    return fromDayNumber(d);
  }
  const offset = (wd - weekday(first) + 7) % 7;
  return addCalendarDays(first, offset + (week - 1) * 7);
}

export function proposeYear(
  fyStartYear: number,
  calendar: WorkingCalendar,
  rules: MilestoneRules,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
  holidayTitle: (iso: string) => string | undefined = () => undefined,
): { fy: string; panels: ProposedPanel[] } {
  const panels = MIDDLE_MONTHS.map(([quarter, month, yearOffset]) => {
    const chosen = nthWeekdayOfMonth(fyStartYear + yearOffset, month, options.weekday, options.week);
    const date = calendar.nextWorkingDayOnOrAfter(chosen);
    const moved = date === chosen ? null : { from: chosen, reason: holidayTitle(chosen) ?? 'not a working day' };
    return { quarter, date, moved, milestones: milestonesFor(date, calendar, rules) };
  });
  return { fy: fyLabel(fyStartYear), panels };
}
