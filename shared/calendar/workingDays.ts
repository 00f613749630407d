// Working days: Monday to Friday, less England and Wales bank holidays. All arithmetic is on
// ISO date strings through UTC, so no time zone or clock change can shift a deadline.
import { parseIsoDate } from './financialYear';

const DAY_MS = 86_400_000;

// Days in each month of a common year: one list, not a new one per call.
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number a run of ASCII digits in `iso` makes, or -1 if any character is not a digit. */
function digitsAt(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = iso.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * Days since 1970-01-01 of a plain, real YYYY-MM-DD date (years 1000 to 9000), by arithmetic alone;
 * undefined for anything else. Two Date objects a call were most of the time of
 * the coroners' list and the recommendations tracker at twenty years' scale; the digits are read
 * as character codes (no slices, no Number()), as a list of recommendations does this three times a row.
 */
export function dayNumberOf(iso: string): number | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  // Digits only: Number() would also take "1e03", "+1" or " 1".
  const y = digitsAt(iso, 0, 4);
  const m = digitsAt(iso, 5, 7);
  const d = digitsAt(iso, 8, 10);
  if (y < 1000 || y > 9000 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1])) return undefined;
  // Days from civil (H. Hinnant): years counted from March, so the leap day ends a year.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function isoOfDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Days since 1970-01-01; throws a RangeError for anything that is not a real YYYY-MM-DD date. */
export function toDayNumber(iso: string): number {
  const n = dayNumberOf(iso);
  if (n !== undefined) return n;
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The YYYY-MM-DD date of a day number (by arithmetic for years 1000 to 9999). */
export function fromDayNumber(n: number): string {
  if (Number.isInteger(n) && n >= FIRST_FAST_DAY && n <= LAST_FAST_DAY) return isoOfDayNumber(n);
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

// 1000-01-01 and 9999-12-31 as day numbers.
const FIRST_FAST_DAY = -354_285;
const LAST_FAST_DAY = 2_932_896;

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
