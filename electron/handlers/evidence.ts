import { findEvidence, findPersonal, insertEvidence, listCoronerReportPage, listEvidence, listLabels, setEvidenceArchived, updateCoronerResponseRow, updateEvidenceRow } from '#db/queries/evidence';
import { londonToday } from '#shared/format';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { importEvidenceCsv, previewEvidenceCsv } from '../import/evidenceCsvImport';
import { importPfd } from '../import/pfdImport';
import { cancelJob, getJob, startJob } from '../jobs/registry';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

async function load(ctx: HandlerContext, id: number) {
  const e = await findEvidence(ctx.db, id, londonToday(ctx.now()));
  if (!e) throw notFound('Evidence', id);
  return e;
}

function refTaken(err: unknown, ref: string): never {
  if (err instanceof Error && /UNIQUE constraint failed: evidence\.ref|evidence_ref/.test(err.message)) {
    throw new UserFacingError('conflict', `Another record already has the reference “${ref}”. Give this one a different reference.`, { ref: 'This reference is already in use' });
  }
  throw err;
}

export const evidenceHandlers = {
  listEvidence: async (ctx, arg) => listEvidence(ctx.db, arg, londonToday(ctx.now())),
  getEvidence: async (ctx, { id }) => load(ctx, id),
  getEvidencePersonal: async (ctx, { id }) => {
    await load(ctx, id);
    return findPersonal(ctx.db, id);
  },
  getEvidenceLabels: async (ctx) => listLabels(ctx.db),
  createEvidence: async (ctx, v) => {
    await currentUser(ctx);
    const id = await ctx.db
      .transaction()
      .execute((tx) => insertEvidence(tx, v, nowIso(ctx)))
      .catch((e: unknown) => refTaken(e, v.ref));
    return load(ctx, id);
  },
  updateEvidence: async (ctx, { id, ...v }) => {
    await currentUser(ctx);
    const before = await load(ctx, id);
    if (before.erasedAt) {
      const d = v.details;
      if (v.personal.personName || v.personal.caseReference || (d.type === 'pfd' && (d.circumstances || d.reportUrl))) {
        throw new UserFacingError('invalid-argument', `${before.ref}’s personal detail was erased at the end of its retention period and cannot be entered again.`, {
          'personal.personName': 'Erased at the end of retention',
        });
      }
    }
    if (before.type !== v.details.type) {
      throw new UserFacingError('invalid-argument', `This record is a ${before.type.toUpperCase()} record; its type cannot be changed. Archive it and add a new record instead.`);
    }
    await ctx.db
      .transaction()
      .execute((tx) => updateEvidenceRow(tx, id, v, nowIso(ctx)))
      .catch((e: unknown) => refTaken(e, v.ref));
    return load(ctx, id);
  },
  archiveEvidence: async (ctx, { id, archived }) => {
    await currentUser(ctx);
    await load(ctx, id);
    await setEvidenceArchived(ctx.db, id, archived ? nowIso(ctx) : null, nowIso(ctx));
    return load(ctx, id);
  },
  listCoronerReports: async (ctx, { all, offset, limit }) => listCoronerReportPage(ctx.db, { all: all ?? false, today: londonToday(ctx.now()), offset, limit }),
  updateCoronerResponse: async (ctx, { evidenceId, ...v }) => {
    await currentUser(ctx);
    const e = await load(ctx, evidenceId);
    if (!e.coroner) throw new UserFacingError('invalid-argument', `${e.ref} is not a coroner’s report addressed to DWP, so it has no response to track.`);
    if (v.responseSentOn && v.responseSentOn < e.coroner.reportDate) {
      throw new UserFacingError('invalid-argument', 'The response cannot have been sent before the report was written.', { responseSentOn: 'Must be on or after the date of the report' });
    }
    if (v.extendedTo && v.extendedTo <= e.coroner.reportDate) {
      throw new UserFacingError('invalid-argument', 'The new due date must be after the date of the report.', { extendedTo: 'Must be after the date of the report' });
    }
    await updateCoronerResponseRow(ctx.db, evidenceId, v, nowIso(ctx));
    return load(ctx, evidenceId);
  },
  startPfdImport: async (ctx, { csv, fileName }) => {
    await currentUser(ctx);
    return startJob(ctx, 'import-pfd', `Importing ${fileName || 'coroners’ reports'}`, (job) => importPfd(ctx, csv, job));
  },
  previewEvidenceCsv: async (ctx, { csv, type, mapping }) => previewEvidenceCsv(ctx, csv, type, mapping),
  startEvidenceCsvImport: async (ctx, { csv, type, mapping, fileName }) => {
    await currentUser(ctx);
    return startJob(ctx, 'import-evidence-csv', `Importing ${fileName || 'evidence'}`, (job) => importEvidenceCsv(ctx, csv, type, mapping, job));
  },
  getJob: async (ctx, { id }) => getJob(ctx, id),
  cancelJob: async (ctx, { id }) => cancelJob(ctx, id),
} satisfies Partial<HandlerTable>;
