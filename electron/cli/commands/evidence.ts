import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listCoronerReports } from '#db/queries/evidence';
import { compareByUrgency } from '#shared/domain/coroner';
import { CORONER_STATUS_LABELS } from '#shared/domain/evidence';
import { londonToday } from '#shared/format';
import { importPfd } from '../../import/pfdImport';
import { withSession } from '../session';
import { CliError, emit, UsageError, type CliCommand } from '../types';

const MAX_BYTES = 60_000_000;

export const importPfdCommand: CliCommand = {
  name: 'import pfd',
  summary: 'Import coroners’ reports from the Preventable Deaths Tracker CSV (re-importing changes nothing)',
  usage: 'import pfd FILE.csv [--json]',
  run: async (cmd) => {
    const { positionals } = parseArgs({ args: cmd.args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('Give exactly one CSV file.');
    const path = resolve(positionals[0]);
    let text: string;
    try {
      if (statSync(path).size > MAX_BYTES) throw new CliError(`${path} is larger than 60 MB; split it and import the parts.`);
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }
    return withSession(cmd, async ({ ctx }) => {
      let lastShown = -1;
      const summary = await importPfd(ctx, text, {
        progress: (done, total) => {
          const pct = total ? Math.floor((done / total) * 10) : 0;
          if (!cmd.json && pct !== lastShown) {
            lastShown = pct;
            cmd.io.stderr(`Importing… ${pct * 10}%`);
          }
        },
        checkpoint: async () => {},
        throwIfCancelled: () => {},
      });
      emit(
        cmd,
        summary,
        [
          `Read ${summary.read} rows: ${summary.imported} new, ${summary.updated} updated, ${summary.skipped} unchanged; ${summary.addressedToDwp} addressed to DWP.`,
          ...(summary.errors.length ? [`${summary.errors.length} rows not imported:`, ...summary.errors.slice(0, 50).map((e) => `  row ${e.row}: ${e.message}`)] : []),
        ].join('\n'),
      );
      return 0;
    });
  },
};

export const coronerListCommand: CliCommand = {
  name: 'coroner list',
  summary: 'List coroners’ reports addressed to DWP (or --all), overdue and due soon first',
  usage: 'coroner list [--all] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { all: { type: 'boolean' } }, strict: true });
    return withSession(cmd, async ({ ctx }) => {
      const reports = (await listCoronerReports(ctx.db, { all: values.all ?? false, today: londonToday(cmd.now()) })).sort(compareByUrgency);
      const json = {
        reports: reports.map((r) => ({
          ref: r.ref,
          reportDate: r.reportDate,
          responseDue: r.tracking ? (r.tracking.extendedTo ?? r.tracking.responseDue) : null,
          status: r.tracking?.status ?? 'not-addressed-to-dwp',
          addressedToDwp: r.addressedToDwp,
          daysRemaining: r.tracking?.daysRemaining ?? null,
        })),
      };
      const human = reports.length
        ? reports
            .map((r, i) => `${r.ref.padEnd(12)} ${r.reportDate}  ${json.reports[i].responseDue ?? '—'.padEnd(10)}  ${r.tracking ? CORONER_STATUS_LABELS[r.tracking.status] : 'Not addressed to DWP'}`)
            .join('\n')
        : 'No coroners’ reports.';
      emit(cmd, json, human);
      return 0;
    });
  },
};
