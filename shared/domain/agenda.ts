// The agenda: standing items every panel has, theme items between them, and timings that the
// secretariat and chair can check against the meeting's length.
import { z } from 'zod';
import { recordId, trimmed } from './validation';

export const ITEM_PURPOSES = ['decision', 'discussion', 'information'] as const;
export type ItemPurpose = (typeof ITEM_PURPOSES)[number];
export const ITEM_PURPOSE_LABELS: Record<ItemPurpose, string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
};

export interface StandingItem {
  key: string;
  title: string;
  purpose: ItemPurpose;
  minutes: number;
  /** theme items go before this standing item */
  afterThemes: boolean;
}

/** A new panel's agenda starts from these, in this order; theme items go before "any other business". */
export const STANDING_ITEMS: readonly StandingItem[] = [
  { key: 'welcome', title: 'Welcome, apologies and declarations of interest', purpose: 'information', minutes: 5, afterThemes: false },
  { key: 'minutes', title: 'Minutes of the last meeting and matters arising', purpose: 'decision', minutes: 10, afterThemes: false },
  { key: 'tracker', title: 'Recommendations tracker update', purpose: 'discussion', minutes: 15, afterThemes: false },
  { key: 'aob', title: 'Any other business', purpose: 'discussion', minutes: 5, afterThemes: true },
  { key: 'next-meeting', title: 'Date of next meeting', purpose: 'information', minutes: 5, afterThemes: true },
];

export const AGENDA_STATES = ['draft', 'in-review', 'returned', 'approved'] as const;
export type AgendaState = (typeof AGENDA_STATES)[number];
export const AGENDA_STATE_LABELS: Record<AgendaState, string> = {
  draft: 'Draft: not yet sent to the chair',
  'in-review': "With the chair for review",
  returned: 'Returned by the chair for changes',
  approved: 'Approved by the chair',
};

export interface AgendaPaper {
  id: number;
  fileName: string;
  bytes: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
}

export interface AgendaItem {
  id: number;
  panelId: number;
  position: number;
  standingKey: string | null;
  title: string;
  purpose: ItemPurpose;
  presenterId: number | null;
  presenterName: string | null;
  minutes: number;
  themeId: number | null;
  themeTitle: string | null;
  notes: string;
  papers: AgendaPaper[];
  /** derived: running start and end times from the meeting start */
  startsAt: string;
  endsAt: string;
}

export type ReviewAction = 'sent' | 'comment' | 'approved' | 'returned' | 'reopened';
export interface AgendaReviewEvent {
  id: number;
  action: ReviewAction;
  itemId: number | null;
  itemTitle: string | null;
  comment: string;
  actorName: string;
  actorRole: string;
  at: string;
}

export interface Agenda {
  panelId: number;
  state: AgendaState;
  items: AgendaItem[];
  events: AgendaReviewEvent[];
  totalMinutes: number;
  meetingMinutes: number;
  /** positive when the items run past the meeting's end */
  overrunMinutes: number;
}

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function hhmm(totalMinutes: number): string {
  const t = ((totalMinutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** Running times for items in order, from the meeting's start. */
export function runningTimes(start: string, minutes: readonly number[]): { startsAt: string; endsAt: string }[] {
  let at = minutesOfDay(start);
  return minutes.map((m) => {
    const slot = { startsAt: hhmm(at), endsAt: hhmm(at + m) };
    at += m;
    return slot;
  });
}

/**
 * The agenda with its items in the order of `itemIds`, numbered 1 to n as the reorder numbers them,
 * their running times worked out again from the meeting's start (the first item's start): what a
 * reorder will give, shown before it comes back. The agenda as it is when `itemIds` are not its
 * items' ids, each once.
 */
export function reorderedAgenda(agenda: Agenda, itemIds: readonly number[]): Agenda {
  const byId = new Map(agenda.items.map((item) => [item.id, item]));
  if (itemIds.length !== agenda.items.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => byId.has(id))) return agenda;
  const items = itemIds.map((id) => byId.get(id)!);
  const start = agenda.items[0]?.startsAt;
  if (start === undefined) return agenda;
  const times = runningTimes(start, items.map((item) => item.minutes));
  return { ...agenda, items: items.map((item, i) => ({ ...item, position: i + 1, ...times[i] })) };
}

export function agendaTiming(start: string, end: string, minutes: readonly number[]) {
  const meetingMinutes = minutesOfDay(end) - minutesOfDay(start);
  const totalMinutes = minutes.reduce((a, b) => a + b, 0);
  return { meetingMinutes, totalMinutes, overrunMinutes: Math.max(0, totalMinutes - meetingMinutes) };
}

const itemFields = {
  title: trimmed('Title', 1, 300),
  purpose: z.enum(ITEM_PURPOSES, { error: 'Choose for decision, for discussion or for information' }),
  presenterId: recordId.nullable(),
  minutes: z.number({ error: 'Minutes must be a number' }).int('Minutes must be a whole number').min(0, 'Minutes cannot be negative').max(600, 'An item cannot be longer than 600 minutes'),
  themeId: recordId.nullable().optional(),
  notes: trimmed('Notes', 0, 4000).optional(),
};

export const agendaItemInput = z.strictObject({ panelId: recordId, ...itemFields });
export const agendaItemUpdate = z.strictObject({ id: recordId, ...itemFields });
export type AgendaItemInput = z.input<typeof agendaItemInput>;
export type AgendaItemUpdate = z.input<typeof agendaItemUpdate>;
