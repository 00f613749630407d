// The evidence register: every source the panel draws themes from. Each source type keeps the
// common fields plus its own; what identifies a person is held apart in `personal` and never
// travels into panel-facing views or documents.
import { z } from 'zod';
import { isoDate, optionalIsoDate, pageLimit, pageOffset, trimmed } from './validation';

export const EVIDENCE_TYPES = ['ipr', 'complaint', 'frontline', 'ice', 'pfd', 'sar', 'other'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  ipr: 'Internal Process Review',
  complaint: 'Complaint theme',
  frontline: 'Frontline feedback',
  ice: 'ICE report',
  pfd: 'Coroner’s report (PFD)',
  sar: 'Safeguarding Adult Review',
  other: 'Other report',
};

/** Short forms for narrow columns and charts. */
export const EVIDENCE_TYPE_SHORT: Record<EvidenceType, string> = {
  ipr: 'IPR',
  complaint: 'Complaints',
  frontline: 'Frontline',
  ice: 'ICE',
  pfd: 'PFD',
  sar: 'SAR',
  other: 'Other',
};

export const BENEFIT_LINES = [
  'Universal Credit',
  'Personal Independence Payment',
  'Employment and Support Allowance',
  'Jobseeker’s Allowance',
  'Pension Credit',
  'State Pension',
  'Disability Living Allowance',
  'Attendance Allowance',
  'Carer’s Allowance',
  'Housing Benefit',
  'Child Maintenance',
  'Income Support',
  'Cross-benefit',
] as const;

export const SENSITIVITIES = ['official', 'official-sensitive'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export const SENSITIVITY_LABELS: Record<Sensitivity, string> = { official: 'OFFICIAL', 'official-sensitive': 'OFFICIAL-SENSITIVE' };

export const OTHER_SOURCES = ['NAO', 'PHSO', 'Select committee', 'Policy review', 'Other'] as const;

const count = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(10_000_000, `${label} is too large`)
    .nullable()
    .optional()
    .transform((v) => v ?? null);
const text = (label: string, max = 4000) => trimmed(label, 0, max).optional().transform((v) => v ?? '');

/** The fields each source type keeps besides the common ones. Coroner's reports keep theirs in `coroner`. */
export const evidenceDetails = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('ipr'),
      referralDate: optionalIsoDate('Referral date'),
      acceptedDate: optionalIsoDate('Accepted date'),
      concludedDate: optionalIsoDate('Final report date'),
      presentedDate: optionalIsoDate('Presented date'),
      suicideOrSelfHarm: z.boolean({ error: 'Say whether the review concerns suicide or self-harm' }),
      outcome: text('Outcome'),
      learningPoints: text('Learning points', 8000),
    }),
    z.strictObject({
      type: z.literal('complaint'),
      serviceArea: text('Service area', 200),
      periodFrom: optionalIsoDate('Period from'),
      periodTo: optionalIsoDate('Period to'),
      complaintCount: count('Number of complaints'),
    }),
    z.strictObject({ type: z.literal('frontline'), fromWhom: text('From (role or team)', 200), channel: text('Channel', 200) }),
    z.strictObject({
      type: z.literal('ice'),
      periodFrom: optionalIsoDate('Period from'),
      periodTo: optionalIsoDate('Period to'),
      casesExamined: count('Cases examined'),
      upheld: count('Cases upheld'),
      themesRaised: text('Themes raised', 8000),
    }),
    z.strictObject({
      type: z.literal('pfd'),
      coronerRef: trimmed('Coroner’s reference', 1, 60),
      reportDate: isoDate('Date of report'),
      coronerName: text('Coroner', 200),
      coronerArea: text('Coroner area', 200),
      category: text('Category', 300),
      addressees: z.array(trimmed('Addressee', 1, 300)).max(60, 'No more than 60 addressees').default([]),
      addressedToDwp: z.boolean({ error: 'Say whether the report is addressed to DWP' }),
      circumstances: text('Circumstances', 20000),
      concerns: text('Concerns', 20000),
      reportUrl: text('Report link', 1000),
    }),
    z.strictObject({ type: z.literal('sar'), board: text('Safeguarding Adults Board', 200), reviewDate: optionalIsoDate('Date of review'), dwpInvolvement: text('DWP’s involvement', 4000) }),
    z.strictObject({ type: z.literal('other'), sourceBody: z.enum(OTHER_SOURCES, { error: 'Choose where the report came from' }), sourceDetail: text('Source detail', 300) }),
  ],
  { error: 'Choose the type of evidence' },
);
export type EvidenceDetails = z.output<typeof evidenceDetails>;
export type EvidenceDetailsInput = z.input<typeof evidenceDetails>;

const label = (what: string) => trimmed(what, 1, 60);

const evidenceFields = {
  ref: trimmed('Reference', 1, 60),
  title: trimmed('Title', 1, 200),
  summary: trimmed('Panel-facing summary', 0, 8000),
  receivedOn: isoDate('Date received'),
  benefitLines: z.array(label('Benefit line')).max(20, 'Choose up to 20 benefit lines').default([]),
  region: trimmed('Region', 0, 100),
  tags: z.array(label('Tag')).max(30, 'Up to 30 tags').default([]),
  sensitivity: z.enum(SENSITIVITIES, { error: 'Choose OFFICIAL or OFFICIAL-SENSITIVE' }),
  details: evidenceDetails,
  /** Restricted: identifies a person. Never panel-facing. */
  personal: z
    .strictObject({ personName: trimmed('Name of the person', 0, 200), caseReference: trimmed('Case reference', 0, 100) })
    .default({ personName: '', caseReference: '' }),
};

export const evidenceInput = z.strictObject(evidenceFields);
export type EvidenceInput = z.input<typeof evidenceInput>;
export type EvidenceParsed = z.output<typeof evidenceInput>;
export const evidenceUpdate = z.strictObject({ id: z.number().int().positive(), ...evidenceFields });
export type EvidenceUpdate = z.input<typeof evidenceUpdate>;

/** The label the restricted name field carries for each type. */
export const PERSON_NAME_LABEL: Record<EvidenceType, string> = {
  ipr: 'Claimant’s name',
  complaint: 'Complainant’s name (if one stands out)',
  frontline: 'Name of the person raised',
  ice: 'Name of the complainant',
  pfd: 'Name of the deceased',
  sar: 'Name of the adult',
  other: 'Name of the person',
};

export interface Evidence {
  id: number;
  type: EvidenceType;
  ref: string;
  title: string;
  summary: string;
  receivedOn: string;
  benefitLines: string[];
  region: string;
  tags: string[];
  sensitivity: Sensitivity;
  details: EvidenceDetails;
  archivedAt: string | null;
  /** personal detail erased at the end of its retention; it cannot be entered again */
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Coroner response tracking, for reports addressed to DWP. */
  coroner: CoronerTracking | null;
  themes: { id: number; title: string; note: string }[];
}

/** Restricted fields, fetched only by the screen that edits them. */
export interface EvidencePersonal {
  personName: string;
  caseReference: string;
}

export interface EvidenceRow {
  id: number;
  type: EvidenceType;
  ref: string;
  title: string;
  receivedOn: string;
  benefitLines: string[];
  region: string;
  tags: string[];
  archived: boolean;
  themeCount: number;
  /** due date of an open coroner response, if any */
  openDeadline: string | null;
}

export const EVIDENCE_SORTS = ['receivedOn', 'ref', 'title', 'type', 'region'] as const;
export type EvidenceSort = (typeof EVIDENCE_SORTS)[number];

export const evidenceFilter = z.strictObject({
  types: z.array(z.enum(EVIDENCE_TYPES, { error: 'Unknown evidence type' })).max(EVIDENCE_TYPES.length).optional(),
  from: isoDate('From').optional(),
  to: isoDate('To').optional(),
  benefitLine: label('Benefit line').optional(),
  tag: label('Tag').optional(),
  themeId: z.number().int().positive().optional(),
  openDeadline: z.boolean().optional(),
  includeArchived: z.boolean().optional(),
  text: trimmed('Search words', 0, 200).optional(),
});
export type EvidenceFilter = z.input<typeof evidenceFilter>;

export const evidenceListInput = z.strictObject({
  filter: evidenceFilter.default({}),
  sort: z.enum(EVIDENCE_SORTS, { error: 'Unknown sort column' }).default('receivedOn'),
  desc: z.boolean().default(true),
  offset: pageOffset,
  limit: pageLimit(500, 100),
});
export type EvidenceListInput = z.input<typeof evidenceListInput>;
export type EvidenceListParsed = z.output<typeof evidenceListInput>;

export interface EvidencePage {
  total: number;
  offset: number;
  rows: EvidenceRow[];
}

// ---- Coroner response tracking (Coroners (Investigations) Regulations 2013, reg 29) ----

export const CORONER_RESPONSE_DAYS = 56;
export const CORONER_DUE_SOON_DAYS = 14;

export const CORONER_STATUSES = ['overdue', 'due-within-14-days', 'awaiting-response', 'responded-late', 'responded'] as const;
export type CoronerStatus = (typeof CORONER_STATUSES)[number];
export const CORONER_STATUS_LABELS: Record<CoronerStatus, string> = {
  overdue: 'Overdue',
  'due-within-14-days': 'Due within 14 days',
  'awaiting-response': 'Awaiting response',
  'responded-late': 'Responded late',
  responded: 'Responded',
};

export interface CoronerTracking {
  reportDate: string;
  /** report date + 56 calendar days */
  responseDue: string;
  extendedTo: string | null;
  extensionGrantedBy: string;
  extensionGrantedOn: string | null;
  responseSentOn: string | null;
  /** a reply is known to exist (e.g. published) even if the date it was sent is not recorded */
  responded: boolean;
  status: CoronerStatus;
  /** negative when overdue; null once responded */
  daysRemaining: number | null;
}

export const coronerResponseUpdate = z
  .strictObject({
    evidenceId: z.number().int().positive(),
    extendedTo: optionalIsoDate('New due date'),
    extensionGrantedBy: trimmed('Extension granted by', 0, 200).default(''),
    extensionGrantedOn: optionalIsoDate('Date the extension was granted'),
    responseSentOn: optionalIsoDate('Response sent'),
  })
  .superRefine((v, ctx) => {
    if (v.extendedTo && !v.extensionGrantedBy) ctx.addIssue({ code: 'custom', path: ['extensionGrantedBy'], message: 'Say who granted the extension' });
    if (v.extendedTo && !v.extensionGrantedOn) ctx.addIssue({ code: 'custom', path: ['extensionGrantedOn'], message: 'Say when the extension was granted' });
  });
export type CoronerResponseUpdate = z.input<typeof coronerResponseUpdate>;

/** A page of the coroners' reports list, in the Focal Point's working order (compareByUrgency). */
export const coronerListInput = z.strictObject({
  /** include reports not addressed to DWP */
  all: z.boolean({ error: 'Say whether to include reports not addressed to DWP' }).optional(),
  offset: pageOffset,
  limit: pageLimit(500, 100),
});
export type CoronerListInput = z.input<typeof coronerListInput>;

export interface CoronerReportPage {
  /** reports in the list, all pages together */
  total: number;
  offset: number;
  rows: CoronerReportSummary[];
  /** across the whole list, not the page */
  counts: { overdue: number; dueSoon: number };
}

export interface CoronerReportSummary {
  evidenceId: number;
  ref: string;
  title: string;
  coronerArea: string;
  addressedToDwp: boolean;
  reportDate: string;
  tracking: CoronerTracking | null;
}
