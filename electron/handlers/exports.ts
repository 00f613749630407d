// Word exports from the app: written into the exports folder beside the database, through the
// personal-data gate, and logged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { notFound, UserFacingError } from '#shared/ipc/result';
import type { ExportLogEntry } from '#shared/ipc/contract';
import { exportDocument } from '../docs/exportDocument';
import { agendaDocument, torDocument } from '../docs/planningDocs';
import { boardReportDocument, minutesDocument, trackerDocument } from '../docs/meetingDocs';
import { packDocument } from '../docs/packDocument';
import { nowIso } from './context';
import type { HandlerContext } from './context';
import type { HandlerTable } from './types';

export function exportsDir(ctx: HandlerContext): string {
  return join(ctx.dataDir, 'exports');
}

export const exportHandlers = {
  exportAgenda: async (ctx, { panelId, allowFindings }) => {
    const built = await agendaDocument(ctx, panelId);
    return exportDocument(ctx, built, { kind: 'agenda', panelId, path: join(exportsDir(ctx), built.fileName), allowFindings });
  },
  exportTor: async (ctx, { id, allowFindings }) => {
    const built = await torDocument(ctx, { id });
    return exportDocument(ctx, built, { kind: 'tor', panelId: null, path: join(exportsDir(ctx), built.fileName), allowFindings });
  },
  exportPack: async (ctx, { panelId, allowFindings }) => {
    const built = await packDocument(ctx, panelId);
    const written = await exportDocument(ctx, built, { kind: 'pack', panelId, path: join(exportsDir(ctx), built.fileName), allowFindings });
    // Writing the pack from the approved agenda issues it.
    await ctx.db.updateTable('panels').set({ status: 'pack-issued', updated_at: nowIso(ctx) }).where('id', '=', panelId).where('status', '=', 'agenda-approved').execute();
    return written;
  },
  exportMinutes: async (ctx, { panelId, allowFindings }) => {
    const built = await minutesDocument(ctx, panelId);
    return exportDocument(ctx, built, { kind: 'minutes', panelId, path: join(exportsDir(ctx), built.fileName), allowFindings });
  },
  exportTracker: async (ctx, { allowFindings }) => {
    const built = await trackerDocument(ctx);
    return exportDocument(ctx, built, { kind: 'tracker', panelId: null, path: join(exportsDir(ctx), built.fileName), allowFindings });
  },
  exportBoardReport: async (ctx, { quarter, allowFindings }) => {
    const built = await boardReportDocument(ctx, quarter);
    return exportDocument(ctx, built, { kind: 'board-report', panelId: null, path: join(exportsDir(ctx), built.fileName), allowFindings });
  },
  listExports: async (ctx, { limit }) => {
    const rows = await ctx.db.selectFrom('export_log').selectAll().orderBy('id', 'desc').limit(limit ?? 200).execute();
    return rows.map(
      (r): ExportLogEntry => ({
        id: r.id,
        kind: r.kind,
        panelId: r.panel_id,
        title: r.title,
        path: r.path,
        bytes: r.bytes,
        sha256: r.sha256,
        marking: r.marking,
        actor: r.actor,
        at: r.at,
        overridden: JSON.parse(r.overridden) as ExportLogEntry['overridden'],
        overrideReason: r.override_reason,
        present: existsSync(r.path),
      }),
    );
  },
  openExport: async (ctx, { id }) => {
    const r = await ctx.db.selectFrom('export_log').select(['path']).where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Export', id);
    if (!existsSync(r.path)) throw new UserFacingError('not-found', `${r.path} is no longer there: it was moved or deleted after it was written. Export the document again.`);
    if (!ctx.openPath) return { opened: false, path: r.path };
    const problem = await ctx.openPath(r.path);
    if (problem) throw new UserFacingError('internal', `The file could not be opened: ${problem}`);
    return { opened: true, path: r.path };
  },
} satisfies Partial<HandlerTable>;
