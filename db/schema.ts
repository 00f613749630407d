import type { AgendaItemsTable, AgendaPapersTable, AgendaReviewsTable } from './tables/agenda';
import type { BankHolidaysTable } from './tables/calendar';
import type { MembersTable } from './tables/members';
import type { PanelsTable } from './tables/panels';
import type { SettingsTable } from './tables/settings';
import type { TorSectionsTable, TorVersionsTable } from './tables/tor';
import type { AuditLogTable } from './tables/audit';
import type { ExportLogTable } from './tables/exports';
import type { CoronerReportsTable, EvidenceFtsTable, EvidenceLabelsTable, EvidencePersonalTable, EvidenceTable } from './tables/evidence';
import type {
  ActionsTable,
  DecisionsTable,
  MeetingAttendanceTable,
  MeetingDeclarationsTable,
  MeetingItemsTable,
  MeetingStateTable,
  MinutesVersionsTable,
  RecommendationThemesTable,
  RecommendationUpdatesTable,
  RecommendationsTable,
  RefCountersTable,
} from './tables/meetings';
import type { ThemeEvidenceTable, ThemeRejectionsTable, ThemeStatsTable, ThemesFtsTable, ThemesTable } from './tables/themes';

export interface DB {
  members: MembersTable;
  panels: PanelsTable;
  settings: SettingsTable;
  bank_holidays: BankHolidaysTable;
  tor_versions: TorVersionsTable;
  tor_sections: TorSectionsTable;
  agenda_items: AgendaItemsTable;
  agenda_papers: AgendaPapersTable;
  agenda_reviews: AgendaReviewsTable;
  audit_log: AuditLogTable;
  export_log: ExportLogTable;
  evidence: EvidenceTable;
  evidence_personal: EvidencePersonalTable;
  evidence_labels: EvidenceLabelsTable;
  coroner_reports: CoronerReportsTable;
  evidence_fts: EvidenceFtsTable;
  themes: ThemesTable;
  theme_evidence: ThemeEvidenceTable;
  theme_rejections: ThemeRejectionsTable;
  themes_fts: ThemesFtsTable;
  theme_stats: ThemeStatsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_declarations: MeetingDeclarationsTable;
  meeting_items: MeetingItemsTable;
  meeting_state: MeetingStateTable;
  decisions: DecisionsTable;
  actions: ActionsTable;
  ref_counters: RefCountersTable;
  recommendations: RecommendationsTable;
  recommendation_themes: RecommendationThemesTable;
  recommendation_updates: RecommendationUpdatesTable;
  minutes_versions: MinutesVersionsTable;
}
