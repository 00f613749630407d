import { parseArgs } from 'node:util';
import { RAG_LABELS, REC_STATUS_LABELS, REC_STATUSES, type RecommendationSummary, type RecStatus } from '#shared/domain/recommendations';
import { formatDateCompact } from '#shared/format';
import { withSession } from '../session';
import { CliError, emit, UsageError, type CliCommand } from '../types';

/** "--status accepted,in-progress --status proposed" → the three statuses, or a usage error naming the bad one. */
function parseStatuses(given: string[] | undefined): RecStatus[] | undefined {
  if (!given) return undefined;
  const words = given.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (!words.length) throw new UsageError(`--status needs one or more of: ${REC_STATUSES.join(', ')}.`);
  for (const w of words) {
    if (!(REC_STATUSES as readonly string[]).includes(w)) throw new UsageError(`Unknown status "${w}". Choose from: ${REC_STATUSES.join(', ')} (several may be given, separated by commas).`);
  }
  return [...new Set(words)] as RecStatus[];
}

function parseMemberId(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(given)) throw new UsageError(`--dg needs the accountable Director General’s member id, a whole number such as 4 (got "${given}").`);
  return Number(given);
}

export const recommendationsListCommand: CliCommand = {
  name: 'recommendations list',
  summary: 'List the recommendations tracker, filtered by status, overdue or accountable DG',
  usage: 'recommendations list [--status S[,S]] [--overdue] [--dg MEMBER_ID] [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { status: { type: 'string', multiple: true }, overdue: { type: 'boolean' }, dg: { type: 'string' } }, strict: true });
    const status = parseStatuses(values.status);
    const dgId = parseMemberId(values.dg);
    return withSession(cmd, async ({ api }) => {
      // The whole tracker, a page at a time, in reference order.
      const recs: RecommendationSummary[] = [];
      for (let total = Infinity; recs.length < total; ) {
        const r = await api.listRecommendations({ ...(status && { status }), ...(values.overdue && { overdue: true }), ...(dgId !== undefined && { dgId }), sort: 'ref', offset: recs.length, limit: 500 });
        if (!r.ok) throw new CliError(r.error.message, r.error.code);
        if (!r.value.rows.length) break;
        recs.push(...r.value.rows);
        total = r.value.total;
      }
      const json = {
        recommendations: recs.map((x) => ({
          ref: x.ref,
          status: x.status,
          owner: x.owner,
          targetDate: x.targetDate,
          overdue: x.overdue,
          themeIds: x.themeIds,
          panelId: x.panelId,
          dg: x.dgId === null ? null : { id: x.dgId, name: x.dgName },
          rag: x.rag,
        })),
      };
      const rows = recs.map((x) => [x.ref, REC_STATUS_LABELS[x.status], RAG_LABELS[x.rag], x.targetDate ? formatDateCompact(x.targetDate) : '—', x.overdue ? `${x.overdueDays} days over` : '', x.dgName ?? '—', x.owner]);
      const header = ['Ref', 'Status', 'RAG', 'Target', 'Overdue', 'Director General', 'Owner'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
      const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
      const overdue = recs.filter((x) => x.overdue).length;
      const human = recs.length
        ? [line(header), ...rows.map(line), '', `${recs.length} recommendation${recs.length === 1 ? '' : 's'}, ${overdue} overdue.`].join('\n')
        : 'No recommendations match.';
      emit(cmd, json, human);
      return 0;
    });
  },
};
