import { existsSync } from 'node:fs';
import { SCHEMA_VERSION } from '#db/migrations/index';
import { sqliteVersion, withSession } from '../session';
import { CliError, emit, expectNoArgs, type CliCommand } from '../types';

const SYNC_NAMES = ['off', 'normal', 'full', 'extra'];

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Check the database: pragmas, integrity and schema version',
  usage: 'doctor [--json]',
  run: async (cmd) => {
    expectNoArgs(cmd);
    if (!existsSync(cmd.dbPath)) throw new CliError(`There is no database at ${cmd.dbPath}. Run "init" to create one, or pass --db with the right file.`);
    return withSession(
      cmd,
      async ({ opened }) => {
        const s = opened.sqlite;
        const report = {
          journalMode: String(s.pragma('journal_mode', { simple: true })),
          synchronous: SYNC_NAMES[Number(s.pragma('synchronous', { simple: true }))] ?? 'unknown',
          foreignKeys: Number(s.pragma('foreign_keys', { simple: true })) === 1,
          integrity: (s.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; '),
          schemaVersion: opened.schemaVersion,
          sqliteVersion: sqliteVersion(opened),
        };
        const problems = [
          report.journalMode !== 'wal' && `journal mode is ${report.journalMode}, not wal`,
          report.synchronous !== 'full' && `synchronous is ${report.synchronous}, not full`,
          !report.foreignKeys && 'foreign keys are off',
          report.integrity !== 'ok' && `integrity check: ${report.integrity}`,
          report.schemaVersion !== SCHEMA_VERSION && `schema version ${report.schemaVersion} is not the current ${SCHEMA_VERSION} (run "init")`,
        ].filter(Boolean) as string[];
        emit(
          cmd,
          report,
          [
            `Database ${cmd.dbPath}`,
            `  journal mode   ${report.journalMode}`,
            `  synchronous    ${report.synchronous}`,
            `  foreign keys   ${report.foreignKeys ? 'on' : 'off'}`,
            `  integrity      ${report.integrity}`,
            `  schema version ${report.schemaVersion} (this app: ${SCHEMA_VERSION})`,
            `  SQLite         ${report.sqliteVersion}`,
            problems.length ? `Problems: ${problems.join('; ')}` : 'All checks passed.',
          ].join('\n'),
        );
        if (problems.length && cmd.json) cmd.io.stderr(`Problems: ${problems.join('; ')}`);
        return problems.length ? 1 : 0;
      },
      { migrate: false },
    );
  },
};
