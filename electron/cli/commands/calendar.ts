import { parseArgs } from 'node:util';
import { isIsoDate, parseFy } from '#shared/calendar/financialYear';
import { meetingReport } from '#shared/calendar/milestones';
import { workingCalendar } from '../../handlers/calendar';
import { withSession } from '../session';
import { CliError, emit, UsageError, type CliCommand } from '../types';

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: 'Proposed quarterly panels for a financial year, or one meeting’s milestones',
  usage: 'calendar (--fy 2026-27 | --meeting YYYY-MM-DD) [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { fy: { type: 'string' }, meeting: { type: 'string' } }, strict: true });
    if (!values.fy === !values.meeting) throw new UsageError('Give either --fy or --meeting.');
    return withSession(cmd, async ({ ctx, api }) => {
      if (values.meeting) {
        if (!isIsoDate(values.meeting)) throw new UsageError(`--meeting ${values.meeting} is not a date (YYYY-MM-DD).`);
        const { calendar, rules } = await workingCalendar(ctx);
        const r = meetingReport(values.meeting, calendar, rules);
        emit(cmd, r, [`Meeting ${r.meeting} (${r.quarter})`, ...Object.entries(r.milestones).map(([k, v]) => `  ${k.padEnd(16)} ${v}`)].join('\n'));
        return 0;
      }
      try {
        parseFy(values.fy!);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const r = await api.proposeYear({ fy: values.fy! });
      if (!r.ok) throw new CliError(r.error.message);
      const out = { fy: r.value.fy, panels: r.value.panels.map((p) => ({ quarter: p.quarter, date: p.date, milestones: p.milestones })) };
      emit(
        cmd,
        out,
        [`Proposed panels for ${out.fy}`, ...r.value.panels.map((p) => `  ${p.quarter} ${p.date}${p.moved ? ` (moved from ${p.moved.from}: ${p.moved.reason})` : ''}  papers due ${p.milestones.papersDue}, pack ${p.milestones.packIssue}`)].join(
          '\n',
        ),
      );
      return 0;
    });
  },
};
