// Recommendations: made at a panel, then tracked through their lifecycle until implemented and
// closed. Overdue, RAG, days open and the number of target-date changes are derived, never typed.
import { z } from 'zod';
import { addCalendarDays, toDayNumber } from '../calendar/workingDays';
import { financialQuarterOf } from '../calendar/financialYear';
import { isoDate, optionalIsoDate, pageLimit, pageOffset, recordId, trimmed } from './validation';

export const REC_STATUSES = ['proposed', 'accepted', 'not-accepted', 'in-progress', 'implemented', 'closed'] as const;
export type RecStatus = (typeof REC_STATUSES)[number];
export const REC_STATUS_LABELS: Record<RecStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  'not-accepted': 'Not accepted',
  'in-progress': 'In progress',
  implemented: 'Implemented',
  closed: 'Closed',
};

/** Statuses in which the work is still owed: these can be overdue. */
export const OPEN_REC_STATUSES: readonly RecStatus[] = ['proposed', 'accepted', 'in-progress'];

/** Where each status may go next. Closed is final; not accepted may be proposed again. */
export const REC_TRANSITIONS: Record<RecStatus, readonly RecStatus[]> = {
  proposed: ['accepted', 'not-accepted'],
  accepted: ['in-progress', 'implemented'],
  'not-accepted': ['proposed'],
  'in-progress': ['implemented'],
  implemented: ['closed', 'in-progress'],
  closed: [],
};

export const ESCALATION_LEVELS = ['none', 'panel', 'secretary-of-state', 'ministers'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  none: 'Not escalated',
  panel: 'Escalated to the panel',
  'secretary-of-state': 'Escalated to the Secretary of State',
  ministers: 'Escalated to ministers',
};

export type Rag = 'red' | 'amber' | 'green' | 'complete' | 'none';
export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', complete: 'Complete', none: '—' };
/** How near a target date turns a recommendation amber. */
export const AMBER_WITHIN_DAYS = 30;

export type UpdateKind = 'made' | 'status' | 'target-date' | 'progress' | 'escalation';

export interface RecommendationUpdate {
  id: number;
  onDate: string;
  kind: UpdateKind;
  fromStatus: RecStatus | null;
  toStatus: RecStatus | null;
  fromTarget: string | null;
  toTarget: string | null;
  escalationLevel: EscalationLevel | null;
  narrative: string;
  author: string;
  at: string;
}

export interface Derived {
  overdue: boolean;
  /** days past the target date while still open, else null */
  overdueDays: number | null;
  rag: Rag;
  daysOpen: number;
  targetChanges: number;
}

export interface RecommendationSummary extends Derived {
  id: number;
  ref: string;
  text: string;
  status: RecStatus;
  panelId: number;
  panelDate: string;
  agendaItemId: number | null;
  dgId: number | null;
  dgName: string | null;
  owner: string;
  targetDate: string | null;
  escalationLevel: EscalationLevel;
  escalatedOn: string | null;
  themeIds: number[];
  themeTitles: string[];
  latestUpdate: { onDate: string; narrative: string; author: string } | null;
  /** text, accountable DG, owner and target date all given */
  complete: boolean;
}

export interface LineageEvidence {
  id: number;
  ref: string;
  title: string;
  type: string;
  receivedOn: string;
  themeId: number;
}

export interface Recommendation extends RecommendationSummary {
  notAcceptedReason: string;
  implementationEvidence: string;
  confirmedBy: string;
  escalationReason: string;
  panelQuarter: string;
  panelStatus: string;
  agendaItemTitle: string | null;
  updates: RecommendationUpdate[];
  /** the evidence behind the recommendation's themes */
  evidence: LineageEvidence[];
  evidenceTotal: number;
  /** whether text, DG, owner, target and themes may still be edited (its minutes are not approved) */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

/** SCP-2026-27-Q3-R04: the panel's financial quarter and a number issued once. */
export function recPrefix(panelDate: string): string {
  const q = financialQuarterOf(panelDate);
  return `SCP-${q.label.replace(' ', '-')}-R`;
}
export function formatRef(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(2, '0')}`;
}

const REF_ORDER = new Intl.Collator('en-GB', { numeric: true });
/**
 * Two references in the order they were issued: a prefix's 100th after its 99th, where comparing
 * them as text put "…100" before "…11" once a panel made more than 99 recommendations.
 */
export function compareRefs(a: string, b: string): number {
  return REF_ORDER.compare(a, b);
}

export function derive(
  r: { status: RecStatus; targetDate: string | null; escalationLevel: EscalationLevel; madeOn: string; closedOn: string | null },
  targetChanges: number,
  today: string,
): Derived {
  return deriver(today)(r, targetChanges);
}

/**
 * derive() for one day, with what depends on the day alone (its day number, the date that turns a
 * target amber) worked out once: a list derives every row for the same day.
 */
export function deriver(today: string) {
  const todayNumber = toDayNumber(today);
  const amberBy = addCalendarDays(today, AMBER_WITHIN_DAYS);
  return (
    r: { status: RecStatus; targetDate: string | null; escalationLevel: EscalationLevel; madeOn: string; closedOn: string | null },
    targetChanges: number,
  ): Derived => {
    const open = OPEN_REC_STATUSES.includes(r.status);
    const overdue = open && r.targetDate !== null && r.targetDate < today;
    // Whole-day arithmetic on ISO dates (no Date objects per row): a tracker of 5,000 is derived in a
    // list handler, where date-fns parsing each row was a third of its time.
    const end = r.closedOn && !open ? toDayNumber(r.closedOn) : todayNumber;
    const daysOpen = Math.max(0, end - toDayNumber(r.madeOn));
    let rag: Rag;
    if (r.status === 'implemented' || r.status === 'closed') rag = 'complete';
    else if (r.status === 'not-accepted') rag = 'none';
    else if (overdue || r.escalationLevel === 'secretary-of-state' || r.escalationLevel === 'ministers') rag = 'red';
    else if ((r.targetDate !== null && r.targetDate <= amberBy) || targetChanges >= 2 || r.escalationLevel === 'panel') rag = 'amber';
    else rag = 'green';
    return {
      overdue,
      overdueDays: overdue && r.targetDate ? todayNumber - toDayNumber(r.targetDate) : null,
      rag,
      daysOpen,
      targetChanges,
    };
  };
}

export const recFilter = z.strictObject({
  status: z.array(z.enum(REC_STATUSES, { error: 'Unknown status' })).max(REC_STATUSES.length).optional(),
  /** only those still owed (proposed, accepted, in progress) */
  open: z.boolean().optional(),
  overdue: z.boolean().optional(),
  dgId: recordId.optional(),
  owner: trimmed('Owner', 0, 200).optional(),
  themeId: recordId.optional(),
  panelId: recordId.optional(),
  rag: z.array(z.enum(['red', 'amber', 'green', 'complete', 'none'])).max(5).optional(),
  text: trimmed('Search words', 0, 200).optional(),
  /** target date on or after / on or before (the dashboard's "due this month") */
  targetFrom: isoDate('Target from').optional(),
  targetTo: isoDate('Target to').optional(),
  today: isoDate('Today').optional(),
});
export type RecFilter = z.output<typeof recFilter>;

/** The tracker's sort columns; each breaks ties by reference, and a missing target date is always last. */
export const REC_SORTS = ['targetDate', 'ref', 'daysOpen', 'status'] as const;
export type RecSort = (typeof REC_SORTS)[number];

/** A page of the tracker: its filters, its order, and (for the view by Director General) grouped by DG first. */
export const recListInput = recFilter.extend({
  sort: z.enum(REC_SORTS, { error: 'Unknown sort column' }).default('targetDate'),
  desc: z.boolean({ error: 'Say whether the order is reversed' }).default(false),
  byDg: z.boolean({ error: 'Say whether to group by Director General' }).optional(),
  offset: pageOffset,
  limit: pageLimit(500, 100),
});
export type RecListInput = z.input<typeof recListInput>;
export type RecListParsed = z.output<typeof recListInput>;

/** One accountable Director General's share of the list (dgId null: none assigned). */
export interface DgCount {
  dgId: number | null;
  dgName: string | null;
  total: number;
  open: number;
  overdue: number;
  red: number;
}

export interface RecommendationPage {
  /** recommendations matching the filters, every page together */
  total: number;
  offset: number;
  rows: RecommendationSummary[];
  /** across all that match, not the page */
  overdue: number;
  byStatus: Record<RecStatus, number>;
  /** in the order the view by Director General shows them (by name, none assigned last) */
  byDg: DgCount[];
}

const narrative = (label: string, min: number) => trimmed(label, min, 4000);

/** One update: a note of progress, and optionally a new status or target date with its reason. */
export const recUpdateInput = z
  .strictObject({
    id: recordId,
    onDate: isoDate('Date of the update'),
    narrative: narrative('What has happened', 1),
    status: z.enum(REC_STATUSES, { error: 'Choose a status from the list' }).optional(),
    targetDate: optionalIsoDate('New target date'),
    notAcceptedReason: narrative('Reason for not accepting', 0).optional(),
    implementationEvidence: narrative('Evidence of implementation', 0).optional(),
    confirmedBy: trimmed('Confirmed by', 0, 200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'not-accepted' && !v.notAcceptedReason) ctx.addIssue({ code: 'custom', path: ['notAcceptedReason'], message: 'Give the reason the recommendation was not accepted' });
    if (v.status === 'closed' && !v.implementationEvidence) ctx.addIssue({ code: 'custom', path: ['implementationEvidence'], message: 'Give the evidence that it was implemented' });
    if (v.status === 'closed' && !v.confirmedBy) ctx.addIssue({ code: 'custom', path: ['confirmedBy'], message: 'Say who confirmed it was implemented' });
  });
export type RecUpdateInput = z.input<typeof recUpdateInput>;

export const recEscalateInput = z.strictObject({
  id: recordId,
  level: z.enum(ESCALATION_LEVELS, { error: 'Choose where it is escalated to' }),
  onDate: isoDate('Date of escalation'),
  reason: narrative('Reason', 1),
});

/** Fields fixed when the recommendation is made; editable until its minutes are approved. */
export const recPatch = z.strictObject({
  id: recordId,
  text: trimmed('Recommendation', 0, 4000).optional(),
  dgId: recordId.nullable().optional(),
  owner: trimmed('Owner', 0, 200).optional(),
  /** null clears it; absent leaves it */
  targetDate: z.union([isoDate('Target date'), z.null()]).optional(),
  themeIds: z.array(recordId).max(50, 'Link up to 50 themes').optional(),
});
export type RecPatch = z.input<typeof recPatch>;
