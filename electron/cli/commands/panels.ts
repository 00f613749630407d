import { formatDateLong } from '#shared/format';
import { PANEL_STATUS_LABELS } from '#shared/domain/panels';
import { withSession } from '../session';
import { CliError, emit, expectNoArgs, type CliCommand } from '../types';

export const panelsListCommand: CliCommand = {
  name: 'panels list',
  summary: 'List every panel, by date',
  usage: 'panels list [--json]',
  run: async (cmd) => {
    expectNoArgs(cmd);
    return withSession(cmd, async ({ api }) => {
      const r = await api.listPanels({ includeCancelled: true });
      if (!r.ok) throw new CliError(r.error.message);
      const all = [...r.value.past, ...r.value.upcoming].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
      const panels = all.map((p) => ({
        id: p.id,
        date: p.date,
        quarter: p.quarter,
        status: p.status,
        startTime: p.startTime,
        endTime: p.endTime,
        format: p.format,
        location: p.location,
      }));
      emit(
        cmd,
        { panels },
        panels.length
          ? panels.map((p) => `${String(p.id).padStart(4)}  ${formatDateLong(p.date).padEnd(18)} ${p.startTime}-${p.endTime}  ${p.quarter}  ${PANEL_STATUS_LABELS[p.status]}`).join('\n')
          : 'No panels yet.',
      );
      return 0;
    });
  },
};
