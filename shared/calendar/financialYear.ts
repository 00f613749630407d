// DWP's financial year runs April to March; quarters are counted from April.
export type Quarter = 'Q1' | 'Q2' | 'Q3' | 'Q4';

export interface FinancialQuarter {
  /** e.g. "2026-27" */
  fy: string;
  quarter: Quarter;
  /** e.g. "2026-27 Q3" */
  label: string;
  /** first calendar year of the financial year, e.g. 2026 for 2026-27 */
  startYear: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO calendar date (YYYY-MM-DD) strictly: 2026-02-30 is rejected. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`"${iso}" is not a date in the form YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`"${iso}" is not a real calendar date`);
  }
  return { year, month, day };
}

export function isIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

export function fyLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function financialQuarterOf(iso: string): FinancialQuarter {
  const { year, month } = parseIsoDate(iso);
  const startYear = month >= 4 ? year : year - 1;
  const quarterIndex = Math.floor(((month + 8) % 12) / 3); // Apr->0 ... Jan->3
  const quarter = (['Q1', 'Q2', 'Q3', 'Q4'] as const)[quarterIndex];
  const fy = fyLabel(startYear);
  return { fy, quarter, label: `${fy} ${quarter}`, startYear };
}

/** Parses "2026-27" into its start year; rejects "2026-28" and other non-consecutive pairs. */
export function parseFy(fy: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(fy);
  if (!m) throw new RangeError(`"${fy}" is not a financial year such as 2026-27`);
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) {
    throw new RangeError(`"${fy}" is not a financial year: the second year must follow the first (e.g. ${fyLabel(start)})`);
  }
  return start;
}
