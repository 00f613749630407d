import { parseArgs } from 'node:util';
import { listRetentionDue } from '#db/queries/retention';
import { isIsoDate } from '#shared/calendar/financialYear';
import { RETENTION_RULE_LABELS } from '#shared/domain/retention';
import { londonToday } from '#shared/format';
import { retentionSettings, runErasure } from '../../handlers/retention';
import { withSession } from '../session';
import { CliError, emit, UsageError, type CliCommand } from '../types';

export const retentionRunCommand: CliCommand = {
  name: 'retention run',
  summary: 'Erase the personal detail of records past their retention date (--dry-run lists them only)',
  usage: 'retention run [--today YYYY-MM-DD] [--dry-run] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { today: { type: 'string' }, 'dry-run': { type: 'boolean' } }, strict: true });
    const actual = londonToday(cmd.now());
    const today = values.today ?? actual;
    if (!isIsoDate(today)) throw new UsageError('--today must be a date such as 2026-11-23.');
    if (today > actual) throw new CliError(`--today ${today} is in the future; erasure is never run ahead of time.`);
    const dryRun = values['dry-run'] ?? false;
    return withSession(cmd, async ({ ctx }) => {
      const due = await listRetentionDue(ctx.db, await retentionSettings(ctx), today);
      const erased = dryRun || due.length === 0 ? 0 : await runErasure(ctx, due.map((d) => d.evidenceId), today);
      emit(
        cmd,
        { today, dryRun, due: due.map((d) => ({ id: d.evidenceId, ref: d.ref, type: d.type, rule: d.rule, basis: d.basis, retentionDate: d.retentionDate, holds: d.holds })), erased },
        due.length === 0
          ? `Nothing is due for erasure on ${today}.`
          : [
              ...due.map((d) => `${d.ref.padEnd(16)} ${d.retentionDate}  ${RETENTION_RULE_LABELS[d.rule]}: ${d.holds.join(', ')}`),
              dryRun ? `${due.length} records are due; nothing was erased (dry run).` : `Erased the personal detail of ${erased} records.`,
            ].join('\n'),
      );
      return 0;
    });
  },
};
