import { withSession } from '../session';
import { emit, expectNoArgs, type CliCommand } from '../types';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Create the database, or bring it up to date',
  usage: 'init [--json]',
  run: async (cmd) => {
    expectNoArgs(cmd);
    return withSession(cmd, async ({ opened }) => {
      emit(cmd, { path: cmd.dbPath, schemaVersion: opened.schemaVersion }, `Database ready at ${cmd.dbPath} (schema version ${opened.schemaVersion}).`);
      return 0;
    });
  },
};
