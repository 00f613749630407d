// How long case-level personal detail is kept. After the retention date the personal detail of a
// record (the person's name and case reference, and a coroner's account of the circumstances) is
// erased for good; the anonymised learning, the links to themes and the recommendations stay.
import { addYears, format, parseISO } from 'date-fns';
import { z } from 'zod';
import type { EvidenceDetails, EvidenceType } from './evidence';

export const RETENTION_RULES = ['ipr-suicide', 'ipr', 'pfd', 'sar', 'complaint', 'frontline', 'ice', 'other'] as const;
export type RetentionRuleKey = (typeof RETENTION_RULES)[number];

export const RETENTION_RULE_LABELS: Record<RetentionRuleKey, string> = {
  'ipr-suicide': 'Internal Process Reviews about suicide or self-harm (from the final report)',
  ipr: 'Other Internal Process Reviews (from the final report)',
  pfd: 'Coroners’ reports (from the date of the report)',
  sar: 'Safeguarding Adult Reviews (from the date of the review)',
  complaint: 'Complaint themes (from the date received)',
  frontline: 'Frontline feedback (from the date received)',
  ice: 'ICE reports (from the date received)',
  other: 'Other reports (from the date received)',
};

export type RetentionSettings = Record<RetentionRuleKey, number>;

/** Six years for every type: the published rule for suicide and self-harm reviews, applied alike. */
export const DEFAULT_RETENTION: RetentionSettings = { 'ipr-suicide': 6, ipr: 6, pfd: 6, sar: 6, complaint: 6, frontline: 6, ice: 6, other: 6 };

const years = z.number({ error: 'Give a number of years' }).int('Whole years only').min(1, 'At least 1 year').max(100, 'At most 100 years');
export const retentionSettingsInput = z.strictObject(Object.fromEntries(RETENTION_RULES.map((k) => [k, years])) as Record<RetentionRuleKey, typeof years>);

export function ruleFor(type: EvidenceType, details: EvidenceDetails): RetentionRuleKey {
  if (details.type === 'ipr') return details.suicideOrSelfHarm ? 'ipr-suicide' : 'ipr';
  return type;
}

/** The date retention is counted from: the final report for an IPR, the report or review date where there is one. */
export function retentionBasis(receivedOn: string, details: EvidenceDetails): string {
  switch (details.type) {
    case 'ipr':
      return details.concludedDate ?? receivedOn;
    case 'pfd':
      return details.reportDate;
    case 'sar':
      return details.reviewDate ?? receivedOn;
    default:
      return receivedOn;
  }
}

export function retentionDate(basis: string, yearsKept: number): string {
  // date-fns moves 29 February to 28 February in a common year, which keeps the record a day less, never more.
  return format(addYears(parseISO(basis), yearsKept), 'yyyy-MM-dd');
}

export interface RetentionDue {
  evidenceId: number;
  ref: string;
  type: EvidenceType;
  rule: RetentionRuleKey;
  basis: string;
  retentionDate: string;
  /** what would be erased, in words (never the values) */
  holds: string[];
}

export interface RetentionDuePage {
  /** records due in all, every page together */
  total: number;
  offset: number;
  rows: RetentionDue[];
}
