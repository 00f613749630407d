// A theme gathers evidence from many sources into one systemic question for the panel.
import { z } from 'zod';
import { recordId, trimmed } from './validation';
import type { EvidenceType } from './evidence';

export const THEME_STATUSES = ['emerging', 'under-review', 'scheduled', 'considered', 'monitoring', 'closed'] as const;
export type ThemeStatus = (typeof THEME_STATUSES)[number];
export const THEME_STATUS_LABELS: Record<ThemeStatus, string> = {
  emerging: 'Emerging',
  'under-review': 'Under review',
  scheduled: 'Scheduled for a panel',
  considered: 'Considered',
  monitoring: 'Monitoring',
  closed: 'Closed',
};

const themeFields = {
  title: trimmed('Title', 1, 200),
  description: trimmed('Description', 0, 8000),
  ownerId: recordId.nullable().optional().transform((v) => v ?? null),
  status: z.enum(THEME_STATUSES, { error: 'Choose a status from the list' }),
  tags: z.array(trimmed('Tag', 1, 60)).max(30, 'Up to 30 tags').default([]),
};
export const themeInput = z.strictObject(themeFields);
export type ThemeInput = z.input<typeof themeInput>;
export type ThemeParsed = z.output<typeof themeInput>;
export const themeUpdate = z.strictObject({ id: recordId, ...themeFields });
export type ThemeUpdate = z.input<typeof themeUpdate>;

export const linkNote = trimmed('Why it belongs', 0, 1000).optional().transform((v) => v ?? '');

export interface ThemeSummary {
  id: number;
  title: string;
  status: ThemeStatus;
  ownerId: number | null;
  ownerName: string | null;
  tags: string[];
  evidenceCount: number;
  /** evidence linked whose date falls in the current financial quarter */
  evidenceThisQuarter: number;
  latestEvidence: string | null;
  updatedAt: string;
}

/** A theme as a list of choices names it: a filter, a link, an agenda item. */
export interface ThemeOption {
  id: number;
  title: string;
  status: ThemeStatus;
}

/** A theme with the evidence linked to it whose date falls in the current financial quarter. */
export interface GrowingTheme {
  id: number;
  title: string;
  evidenceThisQuarter: number;
}

export interface ThemeLink {
  evidenceId: number;
  ref: string;
  title: string;
  type: EvidenceType;
  receivedOn: string;
  note: string;
  linkedBy: string;
  linkedAt: string;
}

export interface ThemeProfile {
  byType: { type: EvidenceType; count: number }[];
  /** financial-year quarters from the first evidence to the latest, gaps included */
  byQuarter: { quarter: string; count: number }[];
  firstEvidence: string | null;
  latestEvidence: string | null;
  panels: { panelId: number; date: string; itemTitle: string }[];
}

export interface Theme extends ThemeSummary {
  description: string;
  createdAt: string;
  links: ThemeLink[];
  profile: ThemeProfile;
}

export interface ThemeSuggestion {
  evidenceId: number;
  ref: string;
  title: string;
  type: EvidenceType;
  receivedOn: string;
  /** the words that made it a candidate */
  matched: string[];
  snippet: string;
}
