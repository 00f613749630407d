// A coroner's Prevention of Future Deaths report must be answered within 56 calendar days of
// the report's date (reg 29); the coroner may extend that. Status is derived, never typed.
import { addCalendarDays, toDayNumber } from '../calendar/workingDays';
import { CORONER_DUE_SOON_DAYS, CORONER_RESPONSE_DAYS, CORONER_STATUSES, type CoronerStatus, type CoronerTracking } from './evidence';

export function responseDueDate(reportDate: string): string {
  return addCalendarDays(reportDate, CORONER_RESPONSE_DAYS);
}

export interface CoronerFacts {
  reportDate: string;
  extendedTo: string | null;
  extensionGrantedBy: string;
  extensionGrantedOn: string | null;
  responseSentOn: string | null;
  responded: boolean;
}

export function coronerTracking(f: CoronerFacts, today: string): CoronerTracking {
  const responseDue = responseDueDate(f.reportDate);
  const due = f.extendedTo ?? responseDue;
  const answered = f.responded || f.responseSentOn !== null;
  let status: CoronerStatus;
  let daysRemaining: number | null = null;
  if (answered) {
    status = f.responseSentOn !== null && f.responseSentOn > due ? 'responded-late' : 'responded';
  } else {
    daysRemaining = toDayNumber(due) - toDayNumber(today);
    status = daysRemaining < 0 ? 'overdue' : daysRemaining <= CORONER_DUE_SOON_DAYS ? 'due-within-14-days' : 'awaiting-response';
  }
  return { ...f, responseDue, status, daysRemaining };
}

const STATUS_RANK = Object.fromEntries(CORONER_STATUSES.map((s, i) => [s, i])) as Record<(typeof CORONER_STATUSES)[number], number>;

/** The Focal Point's working order: overdue first (most overdue first), then due soonest, then answered (latest first). */
export function compareByUrgency(a: { tracking: CoronerTracking | null; reportDate: string }, b: { tracking: CoronerTracking | null; reportDate: string }): number {
  // The app orders its pages in SQL by the same rule (db/queries/evidence.ts; the tests hold the
  // two together); this sorts the command line's whole list, ten thousand reports: no closure per call.
  const ra = a.tracking ? STATUS_RANK[a.tracking.status] : CORONER_STATUSES.length;
  const rb = b.tracking ? STATUS_RANK[b.tracking.status] : CORONER_STATUSES.length;
  if (ra !== rb) return ra - rb;
  const da = a.tracking?.daysRemaining;
  const db = b.tracking?.daysRemaining;
  if (da != null && db != null && da !== db) return da - db;
  return a.reportDate < b.reportDate ? 1 : a.reportDate > b.reportDate ? -1 : 0;
}
