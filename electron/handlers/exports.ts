// Word exports from the app: written into the exports folder beside the database, through the
// personal-data gate, and logged; from the app's screens as cancellable jobs with progress.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { findPanel } from '#db/queries/panels';
import { EXPORT_DOCUMENT_NAMES } from '#shared/domain/exports';
import type { ExportedFile, ExportLogEntry, ExportRequest } from '#shared/ipc/contract';
import { buildAndPack, preparePack } from '../docs/docWorkerHost';
import { EXPORT_STEPS, exportPacked } from '../docs/exportDocument';
import { NO_JOB, startJob, type JobControl } from '../jobs/registry';
import { currentUser, nowIso } from './context';
import type { HandlerContext } from './context';
import type { HandlerTable } from './types';

export function exportsDir(ctx: HandlerContext): string {
  return join(ctx.dataDir, 'exports');
}

let inFlight = 0;
/** How many exports are being made now, by a job or a plain channel (a restore waits for none). */
export function exportsInFlight(): number {
  return inFlight;
}

/** Builds, checks and writes one document; the plain channels and the job both come here. */
export async function runExport(ctx: HandlerContext, req: ExportRequest, job: JobControl = NO_JOB): Promise<ExportedFile> {
  inFlight++;
  try {
    job.progress(0, EXPORT_STEPS, 'Gathering the records…');
    const packed = await buildAndPack(ctx, req, job);
    const panelId = 'panelId' in req ? req.panelId : null;
    const written = await exportPacked(ctx, packed, { kind: req.kind, panelId, path: join(exportsDir(ctx), packed.fileName), allowFindings: req.allowFindings, job });
    // Writing the pack from the approved agenda issues it.
    if (req.kind === 'pack') {
      await ctx.db.updateTable('panels').set({ status: 'pack-issued', updated_at: nowIso(ctx) }).where('id', '=', req.panelId).where('status', '=', 'agenda-approved').execute();
    }
    return written;
  } finally {
    inFlight--;
  }
}

export const exportHandlers = {
  exportAgenda: (ctx, a) => runExport(ctx, { kind: 'agenda', ...a }),
  exportTor: (ctx, a) => runExport(ctx, { kind: 'tor', ...a }),
  exportPack: (ctx, a) => runExport(ctx, { kind: 'pack', ...a }),
  exportMinutes: (ctx, a) => runExport(ctx, { kind: 'minutes', ...a }),
  exportTracker: (ctx, a) => runExport(ctx, { kind: 'tracker', ...a }),
  exportBoardReport: (ctx, a) => runExport(ctx, { kind: 'board-report', ...a }),
  startExport: async (ctx, req) => {
    // Who is exporting is checked before the job starts, so a missing name is said at once.
    await currentUser(ctx);
    return startJob(ctx, 'export', `Writing ${EXPORT_DOCUMENT_NAMES[req.kind]}`, (job) => runExport(ctx, req, job));
  },
  preparePack: async (ctx, { panelId }) => {
    // A pack the worker then refuses (a cancelled panel, an empty agenda) is simply not kept: the export says why.
    if (!(await findPanel(ctx.db, panelId))) throw notFound('Panel', panelId);
    return preparePack(ctx, panelId);
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
