// Static migration list: a bundled app has no folder to scan. Files are frozen once landed;
// add a new file and a new line, never edit an old one.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m20261123members from './2026-11-23-01-members-panels-settings';
import * as m20261123agenda from './2026-11-23-02-calendar-tor-agenda';
import * as m20261123audit from './2026-11-23-03-audit-log';
import * as m20261123evidence from './2026-11-23-04-evidence-themes';
import * as m20261123indexes from './2026-11-23-05-evidence-indexes';
import * as m20261123retention from './2026-11-23-06-retention';
import * as m20261123exports from './2026-11-23-07-export-log';
import * as m20261123meetings from './2026-11-23-08-meetings-recommendations';
import * as m20261123themeStats from './2026-11-23-09-theme-stats';
import * as m20261123insights from './2026-11-23-10-insights-indexes';
import * as m20261123listIndexes from './2026-11-23-11-retention-and-list-indexes';
import * as m20261202iprDays from './2026-12-02-01-ipr-stage-indexes';
import * as m20261202evidenceTerms from './2026-12-02-02-evidence-terms';
import * as m20261202holds from './2026-12-02-12-retention-holds-and-coroner-order';
import * as m20261205recStatus from './2026-12-05-01-recommendation-status';
import * as m20261206recRefOrder from './2026-12-06-01-recommendation-ref-order';

export const migrations: Record<string, Migration> = {
  '2026-11-23-01-members-panels-settings': m20261123members,
  '2026-11-23-02-calendar-tor-agenda': m20261123agenda,
  '2026-11-23-03-audit-log': m20261123audit,
  '2026-11-23-04-evidence-themes': m20261123evidence,
  '2026-11-23-05-evidence-indexes': m20261123indexes,
  '2026-11-23-06-retention': m20261123retention,
  '2026-11-23-07-export-log': m20261123exports,
  '2026-11-23-08-meetings-recommendations': m20261123meetings,
  '2026-11-23-09-theme-stats': m20261123themeStats,
  '2026-11-23-10-insights-indexes': m20261123insights,
  '2026-11-23-11-retention-and-list-indexes': m20261123listIndexes,
  '2026-12-02-01-ipr-stage-indexes': m20261202iprDays,
  '2026-12-02-02-evidence-terms': m20261202evidenceTerms,
  '2026-12-02-12-retention-holds-and-coroner-order': m20261202holds,
  '2026-12-05-01-recommendation-status': m20261205recStatus,
  '2026-12-06-01-recommendation-ref-order': m20261206recRefOrder,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The schema version this build of the app knows: the number of migrations it ships. */
export const SCHEMA_VERSION = Object.keys(migrations).length;
