// What the dashboard and the charts page show: the work that needs someone now, and how the
// panel's evidence, recommendations and reviews are moving over time. Aggregates are computed
// in main; this file holds their shapes, the IPR timeliness targets and the small pure helpers.
import { z } from 'zod';
import { financialQuarterOf, fyLabel, parseIsoDate } from '../calendar/financialYear';
import type { EvidenceType } from './evidence';
import type { RecStatus } from './recommendations';

// ---- Dashboard ----

export interface RecDueGroup {
  /** the accountable Director General; null when none is recorded yet */
  dgId: number | null;
  dgName: string | null;
  overdue: number;
  dueThisMonth: number;
}

export interface RecentExport {
  id: number;
  kind: string;
  title: string;
  panelId: number | null;
  actor: string;
  at: string;
}

export interface DashboardSummary {
  today: string;
  /** the rest of this calendar month, today included: what "due this month" means */
  monthFrom: string;
  monthTo: string;
  recommendations: { overdue: number; dueThisMonth: number; byDg: RecDueGroup[] };
  recentExports: RecentExport[];
}

// ---- Charts ----

export interface EvidenceQuarter {
  /** "2026-27 Q3" */
  quarter: string;
  counts: Record<EvidenceType, number>;
  total: number;
}

export interface RecsByDg {
  dgId: number | null;
  dgName: string;
  counts: Record<RecStatus, number>;
  total: number;
}

export interface ImplementQuarter {
  /** the financial quarter of the panel that made the recommendations */
  quarter: string;
  made: number;
  /** implemented or closed, with the date it was implemented known */
  implemented: number;
  medianDays: number | null;
  minDays: number | null;
  maxDays: number | null;
}

export interface CoronerYear {
  /** "2025-26": the financial year of the report's date */
  fy: string;
  onTime: number;
  late: number;
  /** no reply recorded and the (extended) due date has passed */
  overdue: number;
  /** no reply yet, not yet due */
  notYetDue: number;
}

export const IPR_STAGES = ['referralToAcceptance', 'acceptanceToReport', 'reportToPresentation'] as const;
export type IprStage = (typeof IPR_STAGES)[number];
export const IPR_STAGE_LABELS: Record<IprStage, string> = {
  referralToAcceptance: 'Referral to acceptance',
  acceptanceToReport: 'Acceptance to final report',
  reportToPresentation: 'Final report to presentation',
};

export interface IprStageFigures {
  /** reviews that completed this stage in the year */
  count: number;
  medianDays: number | null;
  overTarget: number;
}

export interface IprYear {
  /** the financial year in which each stage ended */
  fy: string;
  stages: Record<IprStage, IprStageFigures>;
}

export type IprTargets = Record<IprStage, number>;

export interface RecommendationCharts {
  byDg: RecsByDg[];
  timeToImplement: ImplementQuarter[];
}

export interface IprTimeliness {
  years: IprYear[];
  targets: IprTargets;
}

export const quartersInput = z.strictObject({
  quarters: z.number({ error: 'Give a number of quarters' }).int('Whole quarters only').min(4, 'At least 4 quarters').max(40, 'At most 40 quarters').optional(),
});
export const yearsInput = z.strictObject({
  years: z.number({ error: 'Give a number of years' }).int('Whole years only').min(1, 'At least 1 year').max(20, 'At most 20 years').optional(),
});

/**
 * DWP's published plan for IPRs leaves these as "X days (measure TBC)": launched X days after
 * notification, concluded within X days, presented to the panel within X days. Until the
 * Department sets them, the defaults are the secretariat's own starting point: four weeks to
 * accept a referral, about three months to the final report, and presentation at the next
 * quarterly panel. Settings changes them.
 */
export const DEFAULT_IPR_TARGETS: IprTargets = { referralToAcceptance: 28, acceptanceToReport: 90, reportToPresentation: 90 };

const days = (label: string) =>
  z
    .number({ error: `Give the ${label} target in days` })
    .int('Whole days only')
    .min(1, 'At least 1 day')
    .max(730, 'At most 730 days (two years)');
export const iprTargetsInput = z.strictObject({
  referralToAcceptance: days('referral to acceptance'),
  acceptanceToReport: days('acceptance to final report'),
  reportToPresentation: days('final report to presentation'),
});

// ---- Helpers ----

/** The median of a list of numbers (the mean of the middle two when even); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The median of values given as (value, how many) pairs, in any order; null when empty. */
export function medianOfCounts(pairs: readonly { value: number; n: number }[]): number | null {
  const s = [...pairs].filter((p) => p.n > 0).sort((a, b) => a.value - b.value);
  const total = s.reduce((t, p) => t + p.n, 0);
  if (total === 0) return null;
  // The values at 1-based positions lo and hi (equal when the total is odd).
  const lo = Math.floor((total + 1) / 2);
  const hi = Math.floor(total / 2) + 1;
  let seen = 0;
  let atLo: number | null = null;
  for (const p of s) {
    seen += p.n;
    if (atLo === null && seen >= lo) atLo = p.value;
    if (seen >= hi) return (atLo! + p.value) / 2;
  }
  return atLo;
}

/** The financial quarter holding `today` and the `count - 1` before it, oldest first, with their first and last days. */
export function lastQuarters(today: string, count: number): { label: string; from: string; to: string }[] {
  const { year, month } = parseIsoDate(today);
  // Month index counted from April of year 0, so quarters are whole blocks of three.
  const idx = year * 12 + (month - 4);
  const firstOfQuarter = idx - (((idx % 3) + 3) % 3);
  const out: { label: string; from: string; to: string }[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = firstOfQuarter - i * 3;
    const from = monthStart(start);
    const to = monthEnd(start + 2);
    out.push({ label: financialQuarterOf(from).label, from, to });
  }
  return out;
}

/** The financial year holding `today` and the `count - 1` before it, oldest first. */
export function lastFinancialYears(today: string, count: number): { fy: string; from: string; to: string; startYear: number }[] {
  const start = financialQuarterOf(today).startYear;
  return Array.from({ length: count }, (_, i) => {
    const y = start - (count - 1) + i;
    return { fy: fyLabel(y), from: `${y}-04-01`, to: `${y + 1}-03-31`, startYear: y };
  });
}

/** The last day of the calendar month holding `iso`. */
export function endOfMonth(iso: string): string {
  const { year, month } = parseIsoDate(iso);
  return monthEnd(year * 12 + (month - 4));
}

function monthStart(idx: number): string {
  const m = ((idx % 12) + 12) % 12; // 0 = April
  const calMonth = ((m + 3) % 12) + 1;
  const year = Math.floor(idx / 12) + (calMonth < 4 ? 1 : 0);
  return `${year}-${String(calMonth).padStart(2, '0')}-01`;
}

function monthEnd(idx: number): string {
  const first = monthStart(idx);
  const [y, m] = first.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${first.slice(0, 8)}${String(last).padStart(2, '0')}`;
}
