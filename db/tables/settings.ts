import type { Selectable } from 'kysely';

/** Small key/value store for app-wide settings; values are JSON text. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}
export type SettingRow = Selectable<SettingsTable>;
