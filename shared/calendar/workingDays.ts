// Working days: Monday to Friday, less England and Wales bank holidays. All arithmetic is on
// ISO date strings through UTC, so no time zone or clock change can shift a deadline.
import { parseIsoDate } from './financialYear';

const DAY_MS = 86_400_000;

export function toDayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** 0 = Sunday ... 6 = Saturday */
export function weekday(iso: string): number {
  // Day 0 of the Unix epoch (1970-01-01) was a Thursday.
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(holidayDates: Iterable<string>) {
    this.holidays = new Set(holidayDates);
  }

  isHoliday(iso: string): boolean {
    return this.holidays.has(iso);
  }

  isWorkingDay(iso: string): boolean {
    const d = weekday(iso);
    return d !== 0 && d !== 6 && !this.holidays.has(iso);
  }

  /**
   * Steps over |n| working days from `iso`, never counting `iso` itself: "10 working days
   * before" a Wednesday meeting is the 10th working day counting back from the Tuesday.
   */
  addWorkingDays(iso: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number of working days`);
    let day = toDayNumber(iso);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    if (remaining === 0) return this.nextWorkingDayOnOrAfter(iso);
    while (remaining > 0) {
      day += step;
      if (this.isWorkingDay(fromDayNumber(day))) remaining--;
    }
    return fromDayNumber(day);
  }

  nextWorkingDayOnOrAfter(iso: string): string {
    let day = toDayNumber(iso);
    while (!this.isWorkingDay(fromDayNumber(day))) day++;
    return fromDayNumber(day);
  }

  previousWorkingDayOnOrBefore(iso: string): string {
    let day = toDayNumber(iso);
    while (!this.isWorkingDay(fromDayNumber(day))) day--;
    return fromDayNumber(day);
  }

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: string, to: string): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let d = lo + 1; d <= hi; d++) if (this.isWorkingDay(fromDayNumber(d))) count++;
    return count * sign;
  }
}
