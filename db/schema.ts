import type { MembersTable } from './tables/members';
import type { PanelsTable } from './tables/panels';
import type { SettingsTable } from './tables/settings';

export interface DB {
  members: MembersTable;
  panels: PanelsTable;
  settings: SettingsTable;
}
