// A panel is one quarterly meeting. Its quarter is derived from its date, never typed.
import { z } from 'zod';
import { financialQuarterOf } from '../calendar/financialYear';
import { isoDate, recordId, timeOfDay, trimmed } from './validation';

export const PANEL_STATUSES = [
  'planned',
  'agenda-in-preparation',
  'agenda-approved',
  'pack-issued',
  'held',
  'minutes-draft',
  'minutes-approved',
  'cancelled',
] as const;
export type PanelStatus = (typeof PANEL_STATUSES)[number];

export const PANEL_STATUS_LABELS: Record<PanelStatus, string> = {
  planned: 'Planned',
  'agenda-in-preparation': 'Agenda in preparation',
  'agenda-approved': 'Agenda approved',
  'pack-issued': 'Pack issued',
  held: 'Held',
  'minutes-draft': 'Minutes draft',
  'minutes-approved': 'Minutes approved',
  cancelled: 'Cancelled',
};

export const PANEL_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type PanelFormat = (typeof PANEL_FORMATS)[number];
export const PANEL_FORMAT_LABELS: Record<PanelFormat, string> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'Hybrid (in person and online)',
};

export interface Panel {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  format: PanelFormat;
  location: string;
  status: PanelStatus;
  notes: string;
  cancelledReason: string | null;
  /** derived from date: "2026-27 Q3" */
  quarter: string;
  createdAt: string;
  updatedAt: string;
}

const panelFields = {
  date: isoDate('Date'),
  startTime: timeOfDay('Start time'),
  endTime: timeOfDay('End time'),
  format: z.enum(PANEL_FORMATS, { error: 'Choose in person, online or hybrid' }),
  location: trimmed('Location', 0, 200),
  notes: trimmed('Notes', 0, 4000),
};

type PanelShape = { startTime?: string; endTime?: string; format?: PanelFormat; location?: string };
function checkPanel(v: PanelShape, ctx: z.RefinementCtx) {
  if (v.startTime && v.endTime && v.endTime <= v.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'End time must be after the start time' });
  }
  if (v.format && v.format !== 'online' && !v.location) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'Give a location, or choose "Online"' });
  }
}

export const panelInput = z.strictObject(panelFields).superRefine(checkPanel);
export type PanelInput = z.input<typeof panelInput>;

export const panelUpdate = z
  .strictObject({ id: recordId, ...panelFields, status: z.enum(PANEL_STATUSES, { error: 'Choose a status from the list' }) })
  .superRefine(checkPanel)
  .refine((v) => v.status !== 'cancelled', { path: ['status'], message: 'Use "Cancel panel" to cancel, so the reason is recorded' });
export type PanelUpdate = z.input<typeof panelUpdate>;

export function quarterLabel(date: string): string {
  return financialQuarterOf(date).label;
}

export function panelTitle(p: Pick<Panel, 'date'>): string {
  return `Serious Case Panel ${quarterLabel(p.date)}`;
}
