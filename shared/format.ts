// One place for UK display formats, so every screen and document agrees.
import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';

/** "22 November 2026" */
export function formatDateLong(iso: string): string {
  return format(parseISO(iso), 'd MMMM yyyy', { locale: enGB });
}

/** "Sun 22 Nov 2026" */
export function formatDateShort(iso: string): string {
  return format(parseISO(iso), 'EEE d MMM yyyy', { locale: enGB });
}

/** "22 Nov 2026", for narrow table columns */
export function formatDateCompact(iso: string): string {
  return format(parseISO(iso), 'd MMM yyyy', { locale: enGB });
}

/** "Sunday 22 November 2026" */
export function formatDateWithDay(iso: string): string {
  return format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: enGB });
}

let numberFormat: Intl.NumberFormat | undefined;

/** "1,560": whole numbers with the thousands separated, as every screen shows a count. */
export function formatNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  return numberFormat.format(n);
}

/** "1 record", "2 records", "1,560 records": a count and its noun, singular for one. */
export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "10:00" stays "10:00"; times are wall-clock Europe/London and stored as such. */
export function formatTimeRange(start: string, end: string): string {
  return `${start} to ${end}`;
}

// Built once: an Intl.DateTimeFormat takes longer to build than to use (0.1 ms against a few
// microseconds), and londonToday runs in most handlers.
let timestampFormat: Intl.DateTimeFormat | undefined;
let dayFormat: Intl.DateTimeFormat | undefined;

/** "22 Nov 2026, 14:05" for a stored UTC timestamp shown in London time. */
export function formatTimestamp(isoUtc: string): string {
  const d = new Date(isoUtc);
  timestampFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = timestampFormat.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}

// The last answer and the UTC minute it was for: most handlers ask, several times, within the same
// minute, and London's date only changes on a minute's boundary (its offset has been whole hours
// since railway time, 1 December 1847; before that it was local mean time, -0:01:15, so earlier
// dates are never kept), so the formatting (about 50 microseconds) is done once a minute.
let lastDay: { minute: number; day: string } | undefined;
const WHOLE_HOURS_FROM = Date.UTC(1847, 11, 1);

/** Today's calendar date in London, as YYYY-MM-DD. */
export function londonToday(now: Date): string {
  const minute = now.getTime() >= WHOLE_HOURS_FROM ? Math.floor(now.getTime() / 60_000) : Number.NaN;
  if (lastDay?.minute === minute) return lastDay.day;
  dayFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = dayFormat.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  lastDay = { minute, day };
  return day;
}
