// The one way a document leaves the app: packed, read back and passed through the personal-data
// gate, written atomically, then logged with its SHA-256, marking, author and any overrides.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { packDocx } from '#templates/style/pack';
import type { ExportKind } from '#shared/domain/exports';
import { finishGate, prepareGate, type GateSource, type PreparedGate, type RestrictedValue } from '#shared/pii/gate';
import { PersonalDataError, UserFacingError } from '#shared/ipc/result';
import { getDocumentSettings } from '../handlers/app';
import { currentUser, nowIso, type HandlerContext } from '../handlers/context';
import { docxParts } from './gate';
import { writeDocument } from './files';
import type { BuiltDocument } from './planningDocs';
import { NO_JOB, type JobControl } from '../jobs/registry';

export interface ExportOptions {
  kind: ExportKind;
  panelId: number | null;
  path: string;
  /** proceed despite findings; recorded in the export log with who and when */
  allowFindings?: { reason: string };
  /** the CLI has no signed-in person: the log names it */
  actor?: string;
  /** when run as a job: progress is reported, and a cancel before the file is written stops it */
  job?: JobControl;
}

/** The steps of an export, as its progress counts them (gathering the records is step 0). */
export const EXPORT_STEPS = 4;

export interface ExportResult {
  path: string;
  bytes: number;
  sha256: string;
  logId: number;
}

/** Packs a built document, then checks, writes and logs it (the CLI's way; the app's jobs pack in a worker). */
export async function exportDocument(ctx: HandlerContext, built: BuiltDocument, o: ExportOptions): Promise<ExportResult> {
  const bytes = await packDocx(built.doc);
  return exportPacked(ctx, { bytes, sources: built.sources, restricted: built.restricted }, o);
}

/** Checks packed bytes for personal data, writes them atomically and logs the file. */
export async function exportPacked(
  ctx: HandlerContext,
  packed: { bytes: Uint8Array; sources: GateSource[]; restricted: RestrictedValue[]; gate?: PreparedGate },
  o: ExportOptions,
): Promise<ExportResult> {
  const job = o.job ?? NO_JOB;
  const { bytes, sources, restricted } = packed;
  await job.checkpoint();
  job.progress(2, EXPORT_STEPS, 'Checking for personal data…');
  // The sources' part of the check, made while the worker laid the pages out; else made now.
  const findings = finishGate(packed.gate ?? prepareGate(sources, restricted), docxParts(bytes));
  if (findings.length && !o.allowFindings) throw new PersonalDataError(findings);
  if (o.allowFindings && o.allowFindings.reason.trim().length < 10) {
    throw new UserFacingError('invalid-argument', 'Give a reason of at least a few words for exporting despite the findings; it is recorded with your name.', { reason: 'Say why' });
  }
  const actor = o.actor ?? (await currentUser(ctx)).name;
  // The last moment a cancel is honoured: from here the file is written and logged as one step.
  await job.checkpoint();
  job.progress(3, EXPORT_STEPS, 'Writing the file…');
  const written = writeDocument(o.path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { marking } = await getDocumentSettings(ctx);
  const row = await ctx.db
    .insertInto('export_log')
    .values({
      kind: o.kind,
      panel_id: o.panelId,
      title: basename(o.path),
      path: written.path,
      bytes: written.bytes,
      sha256,
      marking,
      actor,
      at: nowIso(ctx),
      overridden: JSON.stringify(o.allowFindings ? findings : []),
      override_reason: o.allowFindings && findings.length ? o.allowFindings.reason.trim() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...written, sha256, logId: row.id };
}
