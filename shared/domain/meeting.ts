// The meeting as the minute-taker records it: attendance checked against the quorum in force,
// declarations, and for each agenda item its notes, timer, decisions, actions and recommendations.
import { z } from 'zod';
import type { AgendaItem } from './agenda';
import type { MemberRole } from './members';
import type { Panel } from './panels';
import type { RecommendationSummary } from './recommendations';
import { quorumInput, type Quorum } from './tor';
import { isoDate, recordId, timeOfDay, trimmed } from './validation';

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'deputy', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus | 'unrecorded', string> = {
  present: 'Present',
  apologies: 'Apologies',
  deputy: 'Represented by a deputy',
  absent: 'Absent',
  unrecorded: 'Not yet recorded',
};

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

export interface Attendee {
  memberId: number;
  name: string;
  role: MemberRole;
  organisation: string;
  status: AttendanceStatus | null;
  deputyName: string;
  arrivedAt: string | null;
  leftAt: string | null;
}

export interface Declaration {
  id: number;
  memberId: number | null;
  memberName: string | null;
  itemId: number | null;
  interest: string;
  actionTaken: string;
}

export interface Decision {
  id: number;
  itemId: number;
  text: string;
}

export interface MeetingAction {
  id: number;
  panelId: number;
  itemId: number;
  text: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  completedOn: string | null;
  statusNote: string;
  overdue: boolean;
}

export interface MeetingItem extends AgendaItem {
  notes: string;
  /** seconds on the clock, counted to the moment the meeting was read */
  elapsedSeconds: number;
  timerRunning: boolean;
  timerStartedAt: string | null;
  decisions: Decision[];
  actions: MeetingAction[];
  recommendations: RecommendationSummary[];
}

export interface QuorumCheck {
  rule: Quorum;
  /** where the rule comes from: "Terms of Reference version 2" or "Settings" */
  source: string;
  met: boolean;
  chairOrDeputy: boolean;
  members: number;
  directorsGeneral: number;
  /** what is missing, in words; empty when met */
  shortfall: string[];
}

export interface MattersArising {
  actions: (MeetingAction & { panelDate: string })[];
  recommendations: RecommendationSummary[];
}

export interface MinutesVersion {
  id: number;
  version: number;
  status: 'draft' | 'approved';
  reason: string;
  approvedBy: string | null;
  approvedOn: string | null;
  createdBy: string;
  createdAt: string;
}

export type MeetingPhase = 'not-started' | 'in-progress' | 'ended';

export interface Meeting {
  panel: Panel;
  phase: MeetingPhase;
  startedAt: string | null;
  endedAt: string | null;
  currentItemId: number | null;
  attendees: Attendee[];
  /** secretariat and observers: in attendance, not counted for the quorum */
  inAttendance: { memberId: number; name: string; role: MemberRole }[];
  declarations: Declaration[];
  quorum: QuorumCheck;
  items: MeetingItem[];
  minutes: MinutesVersion[];
  /** true once the latest minutes version is approved: nothing may change */
  locked: boolean;
  /** the server's clock when this was read, for the running timer */
  readAt: string;
}

/** Counts attendance against a quorum rule. A deputy counts for the member they represent. */
export function checkQuorum(rule: Quorum, source: string, attendees: Pick<Attendee, 'role' | 'status'>[]): QuorumCheck {
  const here = attendees.filter((a) => a.status === 'present' || a.status === 'deputy');
  const chairOrDeputy = here.some((a) => a.role === 'chair');
  const members = here.length;
  const directorsGeneral = here.filter((a) => a.role === 'director-general').length;
  const shortfall: string[] = [];
  if (rule.chairOrDeputy && !chairOrDeputy) shortfall.push('the chair or a nominated deputy');
  if (members < rule.minMembers) shortfall.push(`${rule.minMembers - members} more member${rule.minMembers - members === 1 ? '' : 's'}`);
  if (directorsGeneral < rule.minDirectorsGeneral) {
    const n = rule.minDirectorsGeneral - directorsGeneral;
    shortfall.push(`${n} more Director${n === 1 ? '' : 's'} General`);
  }
  return { rule, source, met: shortfall.length === 0, chairOrDeputy, members, directorsGeneral, shortfall };
}

/** Seconds on an item's clock at `now`. */
export function elapsedAt(item: { timerElapsedS: number; timerStartedAt: string | null }, now: Date): number {
  if (!item.timerStartedAt) return item.timerElapsedS;
  return item.timerElapsedS + Math.max(0, Math.floor((now.getTime() - Date.parse(item.timerStartedAt)) / 1000));
}

const text = (label: string, max = 20000) => trimmed(label, 0, max);
const byPanel = { panelId: recordId };

export const attendanceInput = z
  .strictObject({
    ...byPanel,
    memberId: recordId,
    status: z.enum(ATTENDANCE_STATUSES, { error: 'Choose present, apologies, deputy or absent' }).nullable(),
    deputyName: trimmed('Deputy’s name', 0, 120).optional(),
    arrivedAt: z.union([timeOfDay('Arrival time'), z.null()]).optional(),
    leftAt: z.union([timeOfDay('Departure time'), z.null()]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.arrivedAt && v.leftAt && v.leftAt <= v.arrivedAt) ctx.addIssue({ code: 'custom', path: ['leftAt'], message: 'Departure must be after arrival' });
    if ((v.arrivedAt || v.leftAt) && v.status !== 'present' && v.status !== 'deputy') {
      ctx.addIssue({ code: 'custom', path: ['arrivedAt'], message: 'Arrival and departure times are for someone present' });
    }
  });

export const declarationInput = z.strictObject({ ...byPanel, memberId: recordId.nullable().optional(), itemId: recordId.nullable().optional() });
export const declarationPatch = z.strictObject({
  id: recordId,
  memberId: recordId.nullable().optional(),
  itemId: recordId.nullable().optional(),
  interest: text('Interest declared', 2000).optional(),
  actionTaken: text('What was done about it', 2000).optional(),
});

export const itemNotesInput = z.strictObject({ itemId: recordId, notes: z.string({ error: 'Notes must be text' }).max(100_000, 'Notes for one item must be 100,000 characters or fewer') });

export const decisionPatch = z.strictObject({ id: recordId, text: text('Decision', 4000) });
export const actionInput = z.strictObject({ itemId: recordId, text: text('Action', 4000).optional(), owner: trimmed('Owner', 0, 200).optional(), dueDate: z.union([isoDate('Due date'), z.null()]).optional() });
export const actionPatch = z.strictObject({ id: recordId, text: text('Action', 4000).optional(), owner: trimmed('Owner', 0, 200).optional(), dueDate: z.union([isoDate('Due date'), z.null()]).optional() });
export const actionStatusInput = z.strictObject({
  id: recordId,
  status: z.enum(ACTION_STATUSES, { error: 'Choose open, done or dropped' }),
  on: isoDate('Date'),
  note: trimmed('Note', 0, 2000).optional(),
});
export const recommendationInput = z.strictObject({
  itemId: recordId,
  text: text('Recommendation', 4000).optional(),
  dgId: recordId.nullable().optional(),
  owner: trimmed('Owner', 0, 200).optional(),
  targetDate: z.union([isoDate('Target date'), z.null()]).optional(),
  themeIds: z.array(recordId).max(50).optional(),
});

export const approveMinutesInput = z.strictObject({ ...byPanel, approvedOn: isoDate('Approval date') });
export const correctionInput = z.strictObject({ ...byPanel, reason: trimmed('Reason for the correction', 5, 2000) });
export const quorumSettingInput = quorumInput;

/** Problems that stop minutes being approved, in words a minute-taker can act on. */
export function minutesProblems(m: Pick<Meeting, 'attendees' | 'items' | 'declarations'>): string[] {
  const out: string[] = [];
  const unrecorded = m.attendees.filter((a) => a.status === null);
  if (unrecorded.length) out.push(`Record attendance for ${unrecorded.map((a) => a.name).join(', ')}.`);
  for (const a of m.attendees) if (a.status === 'deputy' && !a.deputyName) out.push(`Name the deputy for ${a.name}.`);
  for (const item of m.items) {
    const at = `item “${item.title}”`;
    item.decisions.forEach((d, i) => !d.text && out.push(`Decision ${i + 1} under ${at} is empty: write it or remove it.`));
    item.actions.forEach((a, i) => {
      if (!a.text) out.push(`Action ${i + 1} under ${at} is empty: write it or remove it.`);
      else if (!a.owner) out.push(`Give an owner for action ${i + 1} under ${at}.`);
    });
    for (const r of item.recommendations) {
      const missing = [!r.text && 'its text', r.dgId === null && 'the accountable Director General', !r.owner && 'an owner', !r.targetDate && 'a target date'].filter(Boolean);
      if (missing.length) out.push(`Recommendation ${r.ref} needs ${missing.join(', ')}.`);
    }
  }
  for (const d of m.declarations) if (!d.interest || d.memberId === null) out.push('A declaration of interest needs the member and the interest; complete it or remove it.');
  return out;
}
