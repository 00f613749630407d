import type { AgendaItemsTable, AgendaPapersTable, AgendaReviewsTable } from './tables/agenda';
import type { BankHolidaysTable } from './tables/calendar';
import type { MembersTable } from './tables/members';
import type { PanelsTable } from './tables/panels';
import type { SettingsTable } from './tables/settings';
import type { TorSectionsTable, TorVersionsTable } from './tables/tor';
import type { AuditLogTable } from './tables/audit';

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
}
