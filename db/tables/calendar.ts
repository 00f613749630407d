import type { Selectable } from 'kysely';

export interface BankHolidaysTable {
  date: string;
  title: string;
  /** shipped with the app, imported from a gov.uk file, or added by the user */
  source: 'shipped' | 'imported' | 'user';
  updated_at: string;
}
export type BankHolidayRow = Selectable<BankHolidaysTable>;
