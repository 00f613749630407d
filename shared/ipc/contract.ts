// The one declaration of every channel between the renderer and main. Main, preload, the web
// preview and the in-process test transport all derive from this; nothing else names a channel.
import { z } from 'zod';
import { agendaItemInput, agendaItemUpdate, type Agenda } from '../domain/agenda';
import { milestoneRulesInput, type MilestoneKey, type MilestoneRules, type MilestoneState } from '../calendar/milestones';
import { planOptionsInput, type PlanOptions, type ProposedPanel } from '../calendar/planYear';
import { PANEL_FORMATS } from '../domain/panels';
import { timeOfDay } from '../domain/validation';
import { documentSettingsInput, type DocumentSettings } from '../domain/documentSettings';
import { identityInput, type Identity } from '../domain/identity';
import { memberInput, memberUpdate, type Member } from '../domain/members';
import { panelInput, panelUpdate, type Panel } from '../domain/panels';
import { torDraftUpdate, type TorVersion } from '../domain/tor';
import { isoDate, pageLimit, pageOffset, recordId, trimmed } from '../domain/validation';
import type { Result } from './result';
import {
  coronerListInput,
  coronerResponseUpdate,
  evidenceInput,
  evidenceListInput,
  evidenceUpdate,
  EVIDENCE_TYPES,
  type CoronerReportPage,
  type Evidence,
  type EvidencePage,
  type EvidencePersonal,
} from '../domain/evidence';
import { linkNote, themeInput, themeUpdate, type GrowingTheme, type Theme, type ThemeOption, type ThemeSuggestion, type ThemeSummary } from '../domain/themes';
import type { JobStatus } from '../domain/jobs';
import {
  actionInput,
  actionPatch,
  actionStatusInput,
  ACTION_STATUSES,
  approveMinutesInput,
  attendanceInput,
  correctionInput,
  declarationInput,
  declarationPatch,
  decisionPatch,
  itemNotesInput,
  quorumSettingInput,
  recommendationInput,
  type MattersArising,
  type Meeting,
  type MeetingAction,
} from '../domain/meeting';
import { recEscalateInput, recListInput, recPatch, recUpdateInput, type Recommendation, type RecommendationPage, type RecommendationSummary } from '../domain/recommendations';
import type { Quorum } from '../domain/tor';
import { retentionSettingsInput, type RetentionDuePage, type RetentionSettings } from '../domain/retention';
import { iprTargetsInput, quartersInput, yearsInput, type CoronerYear, type DashboardSummary, type EvidenceQuarter, type IprTargets, type IprTimeliness, type RecommendationCharts } from '../domain/insights';

interface ChannelSpec<I extends z.ZodType, R> {
  input: I;
  /** type-only: never read at run time */
  result?: R;
}
const channel = <I extends z.ZodType>(input: I) => ({ returns: <R>(): ChannelSpec<I, R> => ({ input }) });

const noArgs = z.strictObject({});
const byId = z.strictObject({ id: recordId });

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  sqliteVersion: string;
  transport: 'electron' | 'web-preview' | 'in-process';
}

export interface PanelList {
  upcoming: Panel[];
  past: Panel[];
}

export type TorVersionSummary = Omit<TorVersion, 'sections'>;

export interface ExportedFile {
  path: string;
  bytes: number;
  sha256: string;
  logId: number;
}

/**
 * Whether the panel's pack is being built ahead, in the background, for the export the user is
 * likely to ask for next (and if not, why not); nothing is written or logged until they do.
 */
export type PackPreparation = { preparing: true } | { preparing: false; reason: 'in-memory' | 'busy' | 'changing' };

export interface ExportLogEntry {
  id: number;
  kind: string;
  panelId: number | null;
  title: string;
  path: string;
  bytes: number;
  sha256: string;
  marking: string;
  actor: string;
  at: string;
  overridden: { kind: string; recordType: string; recordId: number | null; field: string; masked: string }[];
  overrideReason: string | null;
  /** whether the file is still where it was written */
  present: boolean;
}

const allowFindings = z.strictObject({ reason: trimmed('Reason for exporting despite the findings', 10, 1000) });

const byPanel = z.strictObject({ panelId: recordId });
/** Any Word document the app writes, as one request: what `startExport` runs as a cancellable job. */
export const exportRequest = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('agenda'), panelId: recordId, allowFindings: allowFindings.optional() }),
    z.strictObject({ kind: z.literal('tor'), id: recordId.optional(), allowFindings: allowFindings.optional() }),
    z.strictObject({ kind: z.literal('pack'), panelId: recordId, allowFindings: allowFindings.optional() }),
    z.strictObject({ kind: z.literal('minutes'), panelId: recordId, allowFindings: allowFindings.optional() }),
    z.strictObject({ kind: z.literal('tracker'), allowFindings: allowFindings.optional() }),
    z.strictObject({ kind: z.literal('board-report'), quarter: trimmed('Quarter', 1, 20), allowFindings: allowFindings.optional() }),
  ],
  { error: 'Choose which document to write: agenda, tor, pack, minutes, tracker or board-report' },
);
export type ExportRequest = z.infer<typeof exportRequest>;
/**
 * The records to erase: named by id, or every record due on the day but those left out, as the
 * retention review chooses them (it begins with all of them, and shows them a page at a time).
 * `expected` is how many the screen counted: if the records due have changed since, nothing is erased.
 */
const erasureInput = z
  .strictObject({
    ids: z.array(recordId, { error: 'Choose the records' }).min(1, 'Choose at least one record').max(200_000, 'Erase up to 200,000 records at a time').optional(),
    allDue: z
      .strictObject({
        except: z.array(recordId, { error: 'Give the records left out' }).max(200_000, 'Leave out up to 200,000 records'),
        expected: z.number({ error: 'Say how many records are to be erased' }).int('Say how many records are to be erased').min(1, 'Choose at least one record').max(10_000_000, 'Too many records'),
      })
      .optional(),
    today: isoDate('Today').optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.allDue === undefined)) ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Choose the records: give their ids, or every record due' });
  });
const comment = (label: string, min: number) => trimmed(label, min, 4000);

export interface CalendarSettings {
  holidays: { date: string; title: string; source: 'shipped' | 'imported' | 'user' }[];
  rules: MilestoneRules;
  plan: PlanOptions;
}

export interface PanelMilestone {
  key: MilestoneKey;
  label: string;
  due: string;
  state: MilestoneState;
  daysRemaining: number;
}

export interface YearProposal {
  fy: string;
  options: PlanOptions;
  panels: (ProposedPanel & { clash: number | null })[];
}

export const AUDITED_TABLES = [
  'members',
  'panels',
  'settings',
  'bank_holidays',
  'tor_versions',
  'tor_sections',
  'agenda_items',
  'agenda_papers',
  'agenda_reviews',
  'evidence',
  'evidence_personal',
  'coroner_reports',
  'themes',
  'theme_evidence',
  'theme_rejections',
  'meeting_attendance',
  'meeting_declarations',
  'meeting_items',
  'meeting_state',
  'decisions',
  'actions',
  'recommendations',
  'recommendation_themes',
  'minutes_versions',
] as const;

export interface Saved {
  savedAt: string;
}

export interface SearchHit {
  kind: 'evidence' | 'theme';
  id: number;
  ref: string;
  /** title and snippet carry U+E000 and U+E001 around matched words */
  title: string;
  snippet: string;
  type: (typeof EVIDENCE_TYPES)[number] | null;
  status: string | null;
  date: string;
}

export interface EvidenceLabels {
  tags: string[];
  benefitLines: string[];
  regions: string[];
}

const columnMapping = z.record(z.string().max(60), z.number().int().min(0).max(1000).nullable(), { error: 'Give the column for each field' });

export interface CsvPreview {
  headers: string[];
  mapping: Record<string, number | null>;
  fields: { key: string; label: string; required: boolean }[];
  rows: number;
  valid: number;
  problems: { row: number; field: string; message: string }[];
  problemCount: number;
  sample: { row: number; ref: string; title: string; receivedOn: string }[];
}

const evidenceIds = z.array(recordId, { error: 'Choose the evidence' }).min(1, 'Choose at least one item of evidence').max(5000, 'Link up to 5,000 items at a time');
const csvText = (what: string) => z.string({ error: `Choose ${what}` }).min(1, `The file is empty: choose ${what}`).max(60_000_000, 'That file is larger than 60 MB; split it and import the parts');

export interface HistoryEntry {
  id: number;
  action: 'create' | 'update' | 'delete';
  changedFields: string[];
  actor: string;
  at: string;
}

export interface BackupInfo {
  name: string;
  path: string;
  bytes: number;
}

export const contract = {
  getAppInfo: channel(noArgs).returns<AppInfo>(),
  getIdentity: channel(noArgs).returns<Identity | null>(),
  setIdentity: channel(identityInput).returns<Identity>(),
  getRecordHistory: channel(
    z.strictObject({ table: z.enum(AUDITED_TABLES, { error: 'Unknown kind of record' }), key: z.string({ error: 'Give the record’s key' }).min(1).max(100) }),
  ).returns<HistoryEntry[]>(),
  backupNow: channel(noArgs).returns<BackupInfo & { integrity: string }>(),
  openExternal: channel(z.strictObject({ url: z.string({ error: 'Give the link to open' }).min(1, 'Give the link to open').max(2000, 'That link is too long') })).returns<{ opened: boolean }>(),
  /** A manual backup as a job: progress shown, and cancelling it leaves no file behind. Its result is the backup's BackupInfo with its integrity. */
  startBackup: channel(noArgs).returns<JobStatus>(),
  listBackups: channel(noArgs).returns<{ folder: string; backups: BackupInfo[] }>(),
  restoreBackup: channel(z.strictObject({ name: z.string({ error: 'Choose a backup from the list' }).min(1, 'Choose a backup from the list').max(200) })).returns<{ restored: string; keptAside: string | null; schemaVersion: number }>(),
  loadDemoData: channel(noArgs).returns<Record<string, number>>(),
  getDocumentSettings: channel(noArgs).returns<DocumentSettings>(),
  setDocumentSettings: channel(documentSettingsInput).returns<DocumentSettings>(),

  listMembers: channel(z.strictObject({ includeInactive: z.boolean().optional() })).returns<Member[]>(),
  getMember: channel(byId).returns<Member>(),
  createMember: channel(memberInput).returns<Member>(),
  updateMember: channel(memberUpdate).returns<Member>(),
  deactivateMember: channel(
    z.strictObject({ id: recordId, activeTo: z.iso.date({ error: 'Active to must be a date (YYYY-MM-DD)' }).optional() }),
  ).returns<Member>(),
  reactivateMember: channel(byId).returns<Member>(),

  listPanels: channel(z.strictObject({ includeCancelled: z.boolean().optional() })).returns<PanelList>(),
  getPanel: channel(byId).returns<Panel>(),
  createPanel: channel(panelInput).returns<Panel>(),
  updatePanel: channel(panelUpdate).returns<Panel>(),
  cancelPanel: channel(z.strictObject({ id: recordId, reason: trimmed('Reason for cancelling', 1, 1000) })).returns<Panel>(),

  listTorVersions: channel(noArgs).returns<TorVersionSummary[]>(),
  getTorVersion: channel(byId).returns<TorVersion>(),
  getCalendarSettings: channel(noArgs).returns<CalendarSettings>(),
  setMilestoneRules: channel(milestoneRulesInput).returns<CalendarSettings>(),
  setPlanDefaults: channel(planOptionsInput).returns<CalendarSettings>(),
  importBankHolidays: channel(z.strictObject({ json: z.string({ error: 'Choose a gov.uk bank-holidays.json file' }).max(2_000_000, 'That file is too large to be a bank holiday list') })).returns<
    CalendarSettings & { read: number; added: number; updated: number }
  >(),
  addBankHoliday: channel(z.strictObject({ date: isoDate('Date'), title: trimmed('Name of the holiday', 1, 120) })).returns<CalendarSettings>(),
  removeBankHoliday: channel(z.strictObject({ date: isoDate('Date') })).returns<CalendarSettings>(),
  getPanelMilestones: channel(byPanel).returns<PanelMilestone[]>(),
  proposeYear: channel(
    z.strictObject({ fy: z.string({ error: 'Give a financial year such as 2026-27' }).regex(/^\d{4}-\d{2}$/, 'Give a financial year such as 2026-27'), weekday: planOptionsInput.shape.weekday.optional(), week: planOptionsInput.shape.week.optional() }),
  ).returns<YearProposal>(),
  createPlannedPanels: channel(
    z.strictObject({
      dates: z.array(isoDate('Date'), { error: 'Choose the dates to create' }).min(1, 'Choose at least one date').max(8),
      startTime: timeOfDay('Start time'),
      endTime: timeOfDay('End time'),
      format: z.enum(PANEL_FORMATS, { error: 'Choose in person, online or hybrid' }),
      location: trimmed('Location', 0, 200),
    }),
  ).returns<Panel[]>(),

  getTorInForce: channel(noArgs).returns<TorVersion | null>(),
  createTorDraft: channel(z.strictObject({ fromVersionId: recordId.optional() })).returns<TorVersion>(),
  updateTorDraft: channel(torDraftUpdate).returns<TorVersion>(),
  approveTorVersion: channel(z.strictObject({ id: recordId, approvedOn: isoDate('Approval date') })).returns<TorVersion>(),
  deleteTorDraft: channel(byId).returns<{ deleted: true }>(),

  getAgenda: channel(byPanel).returns<Agenda>(),
  addAgendaItem: channel(agendaItemInput).returns<Agenda>(),
  updateAgendaItem: channel(agendaItemUpdate).returns<Agenda>(),
  removeAgendaItem: channel(byId).returns<Agenda>(),
  reorderAgenda: channel(z.strictObject({ panelId: recordId, itemIds: z.array(recordId).min(1).max(200) })).returns<Agenda>(),
  sendAgendaForReview: channel(z.strictObject({ panelId: recordId, comment: comment('Note to the chair', 0).optional() })).returns<Agenda>(),
  commentOnAgenda: channel(z.strictObject({ panelId: recordId, itemId: recordId.nullable().optional(), comment: comment('Comment', 1) })).returns<Agenda>(),
  approveAgenda: channel(z.strictObject({ panelId: recordId, comment: comment('Comment', 0).optional() })).returns<Agenda>(),
  returnAgenda: channel(z.strictObject({ panelId: recordId, comment: comment('What needs to change', 1) })).returns<Agenda>(),
  reopenAgenda: channel(z.strictObject({ panelId: recordId, reason: comment('Reason for reopening', 1) })).returns<Agenda>(),
  attachPaper: channel(
    z.strictObject({
      itemId: recordId,
      // eslint-disable-next-line no-control-regex -- control characters are refused in file names
      fileName: trimmed('File name', 1, 200).refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n), 'The file name contains characters that are not allowed'),
      contentBase64: z.base64({ error: 'The file content was not readable' }).max(28_000_000, 'Papers must be 20 MB or smaller'),
    }),
  ).returns<Agenda>(),
  removePaper: channel(byId).returns<Agenda>(),

  listEvidence: channel(evidenceListInput).returns<EvidencePage>(),
  getEvidence: channel(byId).returns<Evidence>(),
  getEvidencePersonal: channel(byId).returns<EvidencePersonal>(),
  getEvidenceLabels: channel(noArgs).returns<EvidenceLabels>(),
  createEvidence: channel(evidenceInput).returns<Evidence>(),
  updateEvidence: channel(evidenceUpdate).returns<Evidence>(),
  archiveEvidence: channel(z.strictObject({ id: recordId, archived: z.boolean({ error: 'Say whether to archive or restore' }) })).returns<Evidence>(),
  listCoronerReports: channel(coronerListInput).returns<CoronerReportPage>(),
  updateCoronerResponse: channel(coronerResponseUpdate).returns<Evidence>(),
  startPfdImport: channel(z.strictObject({ csv: csvText('the Preventable Deaths Tracker CSV file'), fileName: trimmed('File name', 0, 300).optional() })).returns<JobStatus>(),
  previewEvidenceCsv: channel(z.strictObject({ csv: csvText('a CSV file'), type: z.enum(EVIDENCE_TYPES, { error: 'Choose the type of evidence in the file' }), mapping: columnMapping.optional() })).returns<CsvPreview>(),
  startEvidenceCsvImport: channel(
    z.strictObject({ csv: csvText('a CSV file'), type: z.enum(EVIDENCE_TYPES, { error: 'Choose the type of evidence in the file' }), mapping: columnMapping, fileName: trimmed('File name', 0, 300).optional() }),
  ).returns<JobStatus>(),
  getJob: channel(byId).returns<JobStatus>(),
  cancelJob: channel(byId).returns<JobStatus>(),

  getRetentionSettings: channel(noArgs).returns<RetentionSettings>(),
  setRetentionSettings: channel(retentionSettingsInput).returns<RetentionSettings>(),
  listRetentionDue: channel(z.strictObject({ today: isoDate('Today').optional(), offset: pageOffset, limit: pageLimit(1000, 200) })).returns<RetentionDuePage>(),
  erasePersonalDetail: channel(erasureInput).returns<{ erased: number }>(),
  /** The same erasure as a job: progress shown, and cancelling it erases nothing. Its result is `{ erased }`. */
  startErasure: channel(erasureInput).returns<JobStatus>(),

  listThemes: channel(noArgs).returns<ThemeSummary[]>(),
  /** Every theme's id, title and status, by title, for lists of choices (a fraction of listThemes). */
  themeOptions: channel(noArgs).returns<ThemeOption[]>(),
  /** The themes with most evidence dated this financial quarter, most first; none without. */
  growingThemes: channel(z.strictObject({ limit: z.number().int().min(1, 'Ask for at least 1 theme').max(50, 'Ask for at most 50 themes').optional() })).returns<GrowingTheme[]>(),
  getTheme: channel(byId).returns<Theme>(),
  createTheme: channel(themeInput).returns<Theme>(),
  updateTheme: channel(themeUpdate).returns<Theme>(),
  linkEvidence: channel(z.strictObject({ themeId: recordId, evidenceIds, note: linkNote })).returns<{ linked: number; alreadyLinked: number; theme: ThemeSummary }>(),
  updateLinkNote: channel(z.strictObject({ themeId: recordId, evidenceId: recordId, note: linkNote })).returns<Theme>(),
  unlinkEvidence: channel(z.strictObject({ themeId: recordId, evidenceId: recordId })).returns<Theme>(),
  suggestEvidence: channel(z.strictObject({ themeId: recordId, limit: z.number().int().min(1).max(100).optional() })).returns<ThemeSuggestion[]>(),
  rejectSuggestion: channel(z.strictObject({ themeId: recordId, evidenceId: recordId })).returns<ThemeSuggestion[]>(),
  search: channel(
    z.strictObject({
      text: trimmed('Search words', 0, 200),
      limit: z.number().int().min(1).max(200).optional(),
      types: z.array(z.enum(EVIDENCE_TYPES, { error: 'Unknown evidence type' })).max(EVIDENCE_TYPES.length).optional(),
      themes: z.boolean().optional(),
    }),
  ).returns<{
    evidence: SearchHit[];
    themes: SearchHit[];
    /** more evidence matched than RANKED_AMONG: the best were chosen from the newest of them */
    rankedAmongNewest: boolean;
  }>(),

  exportAgenda: channel(z.strictObject({ panelId: recordId, allowFindings: allowFindings.optional() })).returns<ExportedFile>(),
  exportTor: channel(z.strictObject({ id: recordId.optional(), allowFindings: allowFindings.optional() })).returns<ExportedFile>(),
  /** Any document as a job: progress shown, and cancelling it writes no file, logs nothing and changes no status. Its result is an ExportedFile. */
  startExport: channel(exportRequest).returns<JobStatus>(),
  /** Begins building the panel's pack ahead (the screen that offers to issue it calls this); a later startExport of the same pack, with nothing changed meanwhile, uses it. */
  preparePack: channel(byPanel).returns<PackPreparation>(),
  listExports: channel(z.strictObject({ limit: z.number().int().min(1).max(1000).optional() })).returns<ExportLogEntry[]>(),
  openExport: channel(byId).returns<{ opened: boolean; path: string }>(),

  getMeeting: channel(byPanel).returns<Meeting>(),
  /** Open actions and recommendations from earlier panels: read apart from the meeting, which is re-read after every save. */
  getMattersArising: channel(byPanel).returns<MattersArising>(),
  startMeeting: channel(byPanel).returns<Meeting>(),
  setCurrentItem: channel(z.strictObject({ panelId: recordId, itemId: recordId })).returns<Saved>(),
  setAttendance: channel(attendanceInput).returns<Meeting>(),
  addDeclaration: channel(declarationInput).returns<Meeting>(),
  updateDeclaration: channel(declarationPatch).returns<Saved>(),
  removeDeclaration: channel(byId).returns<Meeting>(),
  saveItemNotes: channel(itemNotesInput).returns<Saved>(),
  startItemTimer: channel(z.strictObject({ itemId: recordId })).returns<Meeting>(),
  stopItemTimer: channel(z.strictObject({ itemId: recordId })).returns<Meeting>(),
  addDecision: channel(z.strictObject({ itemId: recordId, text: trimmed('Decision', 0, 4000).optional() })).returns<Meeting>(),
  updateDecision: channel(decisionPatch).returns<Saved>(),
  removeDecision: channel(byId).returns<Meeting>(),
  addAction: channel(actionInput).returns<Meeting>(),
  updateAction: channel(actionPatch).returns<Saved>(),
  removeAction: channel(byId).returns<Meeting>(),
  setActionStatus: channel(actionStatusInput).returns<MeetingAction>(),
  listActions: channel(z.strictObject({ status: z.enum(ACTION_STATUSES, { error: 'Choose open, done or dropped' }).optional(), panelId: recordId.optional() })).returns<(MeetingAction & { panelDate: string })[]>(),
  addRecommendation: channel(recommendationInput).returns<Meeting>(),
  updateRecommendation: channel(recPatch).returns<Saved>(),
  removeRecommendation: channel(byId).returns<Meeting>(),
  endMeeting: channel(byPanel).returns<Meeting>(),
  approveMinutes: channel(approveMinutesInput).returns<Meeting>(),
  startMinutesCorrection: channel(correctionInput).returns<Meeting>(),
  getQuorumRule: channel(noArgs).returns<{ rule: Quorum; source: string }>(),
  setQuorumRule: channel(quorumSettingInput).returns<{ rule: Quorum; source: string }>(),

  listRecommendations: channel(recListInput).returns<RecommendationPage>(),
  getRecommendation: channel(byId).returns<Recommendation>(),
  addRecommendationUpdate: channel(recUpdateInput).returns<Recommendation>(),
  escalateRecommendation: channel(recEscalateInput).returns<Recommendation>(),
  exportPack: channel(z.strictObject({ panelId: recordId, allowFindings: allowFindings.optional() })).returns<ExportedFile>(),
  exportMinutes: channel(z.strictObject({ panelId: recordId, allowFindings: allowFindings.optional() })).returns<ExportedFile>(),
  exportTracker: channel(z.strictObject({ allowFindings: allowFindings.optional() })).returns<ExportedFile>(),
  exportBoardReport: channel(z.strictObject({ quarter: trimmed('Quarter', 1, 20), allowFindings: allowFindings.optional() })).returns<ExportedFile>(),
  recommendationsForEvidence: channel(z.strictObject({ evidenceId: recordId })).returns<RecommendationSummary[]>(),

  getDashboardSummary: channel(noArgs).returns<DashboardSummary>(),
  getEvidenceByQuarter: channel(quartersInput).returns<EvidenceQuarter[]>(),
  getRecommendationCharts: channel(noArgs).returns<RecommendationCharts>(),
  getCoronerTimeliness: channel(yearsInput).returns<CoronerYear[]>(),
  getIprTimeliness: channel(yearsInput).returns<IprTimeliness>(),
  getIprTargets: channel(noArgs).returns<IprTargets>(),
  setIprTargets: channel(iprTargetsInput).returns<IprTargets>(),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<K extends Channel> = z.input<Contract[K]['input']>;
export type ChannelParsed<K extends Channel> = z.output<Contract[K]['input']>;
export type ChannelResult<K extends Channel> = Exclude<Contract[K]['result'], undefined>;

/** What `window.scp` offers: one function per channel, each returning the result envelope. */
export type ScpApi = { [K in Channel]: (arg: ChannelInput<K>) => Promise<Result<ChannelResult<K>>> };

export { ipcName } from './channelName';
