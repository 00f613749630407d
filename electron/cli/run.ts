// The CLI without its process: tests call runCli directly; index.ts wires it to argv and exit.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '#db/open';
import { UserFacingError } from '#shared/ipc/result';
import { defaultDbPath } from '../paths';
import { auditVerifyCommand } from './commands/audit';
import { backupCommand, restoreCommand } from './commands/backup';
import { calendarCommand } from './commands/calendar';
import { demoCommand } from './commands/demo';
import { doctorCommand } from './commands/doctor';
import { exportAgendaCommand, exportPackCommand, exportBoardReportCommand, exportMinutesCommand, exportTorCommand, exportTrackerCommand } from './commands/export';
import { coronerListCommand, importPfdCommand } from './commands/evidence';
import { retentionRunCommand } from './commands/retention';
import { initCommand } from './commands/init';
import { panelsListCommand } from './commands/panels';
import { recommendationsListCommand } from './commands/recommendations';
import { CliError, UsageError, type CliCommand, type CliIO } from './types';
import { PersonalDataError } from '#shared/ipc/result';

/** Every command, by its words. Later features add a file and a line here. */
export const COMMANDS: CliCommand[] = [initCommand, doctorCommand, demoCommand, panelsListCommand, calendarCommand, exportAgendaCommand, exportTorCommand, exportPackCommand, exportMinutesCommand, exportTrackerCommand, exportBoardReportCommand, backupCommand, restoreCommand, auditVerifyCommand, importPfdCommand, coronerListCommand, retentionRunCommand, recommendationsListCommand];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'Usage: npm run -s scp -- [--db FILE] <command> [options] [--json]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --db FILE   the database file (default: the app’s, or $SCP_DB)',
    '  --json      print exactly one JSON object on stdout',
  ].join('\n');
}

export interface RunOptions {
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

export async function runCli(argv: string[], io: CliIO, opts: RunOptions = {}): Promise<number> {
  let json = false;
  try {
    const parsed = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: false, allowPositionals: true, tokens: true });
    json = parsed.values.json === true;
    const words = parsed.positionals;
    if (parsed.values.help || words[0] === 'help' || words.length === 0) {
      (words.length === 0 && !parsed.values.help ? io.stderr : io.stdout)(usage());
      return words.length === 0 && !parsed.values.help ? 2 : 0;
    }
    const command = [...COMMANDS].sort((a, b) => b.name.length - a.name.length).find((c) => c.name.split(' ').every((w, i) => words[i] === w));
    if (!command) throw new UsageError(`Unknown command "${words.join(' ')}".`);
    // Everything after the command words, less the global options, goes to the command.
    const commandWords = command.name.split(' ').length;
    const rest: string[] = [];
    let seenWords = 0;
    for (const t of parsed.tokens ?? []) {
      if (t.kind === 'positional') {
        if (seenWords < commandWords) seenWords++;
        else rest.push(t.value);
      } else if (t.kind === 'option') {
        if (t.name === 'db' || t.name === 'json') continue;
        rest.push(t.rawName);
        if (t.value !== undefined && !t.inlineValue) rest.push(t.value);
        else if (t.inlineValue) rest[rest.length - 1] = `${t.rawName}=${t.value}`;
      } else if (t.kind === 'option-terminator') rest.push('--');
    }
    if (typeof parsed.values.db === 'boolean') throw new UsageError('--db needs a file name.');
    const dbPath = resolve(typeof parsed.values.db === 'string' ? parsed.values.db : defaultDbPath(opts.env ?? process.env));
    return await command.run({ args: rest, json, dbPath, io, now: opts.now ?? (() => new Date()) });
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(err as Error).message}\n\n${usage()}`);
      return 2;
    }
    if (err instanceof PersonalDataError) {
      // Exit 3: the document would carry personal data; the findings say where, never what.
      io.stderr(err.message);
      io.stdout(JSON.stringify({ error: 'personal-data', findings: err.findings.map((f) => ({ kind: f.kind, recordType: f.recordType, recordId: f.recordId, field: f.field })) }));
      return 3;
    }
    const message = err instanceof DatabaseOpenError || err instanceof CliError || err instanceof UserFacingError ? err.message : `Unexpected error: ${String((err as Error).stack ?? err)}`;
    io.stderr(message);
    if (json) io.stdout(JSON.stringify({ error: err instanceof DatabaseOpenError ? err.code : (err as { code?: string }).code ?? 'error', message }));
    return 1;
  }
}
