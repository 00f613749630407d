// Coroners' Prevention of Future Deaths reports from the public tracker CSV. Every report becomes
// coroner-report evidence; the deceased's name goes only into the restricted field. Matching is
// by the coroner's reference, so importing the same file again changes nothing.
import { createHash } from 'node:crypto';
import { formatDateLong } from '#shared/format';
import { parsePfdCsv, type PfdReport } from '#shared/import/pfd';
import type { EvidenceDetails } from '#shared/domain/evidence';
import type { PfdImportSummary } from '#shared/domain/jobs';
import { findEvidenceBySourceKey, insertEvidence, markCoronerResponded, updateEvidenceRow, type EvidenceValues } from '#db/queries/evidence';
import type { HandlerContext } from '../handlers/context';
import { NO_JOB, type JobControl } from '../jobs/registry';
import { nowIso } from '../handlers/context';

const CHUNK = 250;

/** The parser's terse reasons, in words that say what to do. */
function explain(message: string): string {
  return message
    .replace(/^no ref$/, 'The ref column is empty: add the report’s reference so it can be matched when the file is imported again.')
    .replace(/^no ref; /, 'The ref column is empty; ')
    .replace(/no usable date_of_report or date_added/, 'no readable date_of_report or date_added (write dates as 13/02/2024 or 13 February 2024)');
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The tracker reuses a reference for different deaths (52 refs on 110 rows in the 2024 file), so a
 * report is known by its reference, date and a hash of the deceased's name; the hash keeps the name
 * out of the key. Rows that agree on all three are the same report listed twice.
 */
export function pfdSourceKey(r: PfdReport): string {
  const who = createHash('sha256').update(r.deceasedName.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
  return `pfd:${r.ref.toLowerCase()}:${r.reportDate}:${who}`;
}

export function pfdToEvidence(r: PfdReport, ref = `PFD ${r.ref}`): EvidenceValues {
  const details: EvidenceDetails = {
    type: 'pfd',
    coronerRef: r.ref,
    reportDate: r.reportDate,
    coronerName: clip(r.coronerName, 200),
    coronerArea: clip(r.coronerArea, 200),
    category: clip(r.category, 300),
    addressees: r.addressees.slice(0, 60).map((a) => clip(a, 300)),
    addressedToDwp: r.addressedToDwp,
    circumstances: clip(r.circumstances, 20000),
    concerns: clip(r.concerns, 20000),
    reportUrl: clip(r.reportUrl, 1000),
  };
  const to = r.addressees.length ? r.addressees.join('; ') : 'no addressee recorded';
  return {
    ref,
    title: clip(`${r.category || 'No category given'}${r.coronerArea ? `, ${r.coronerArea}` : ''}`, 200),
    summary: clip(`Regulation 28 report of ${formatDateLong(r.reportDate)}${r.coronerArea ? ` from the coroner area of ${r.coronerArea}` : ''}, sent to ${to}.`, 8000),
    receivedOn: r.reportDate,
    benefitLines: [],
    region: clip(r.coronerArea, 100),
    tags: r.addressedToDwp ? ['addressed to DWP'] : [],
    sensitivity: 'official',
    details,
    personal: { personName: clip(r.deceasedName, 200), caseReference: '' },
  };
}

export async function importPfd(ctx: HandlerContext, csv: string, control: JobControl = NO_JOB): Promise<PfdImportSummary> {
  control.progress(0, 0, 'Reading the file…');
  const parsed = parsePfdCsv(csv);
  const summary: PfdImportSummary = { read: parsed.read, imported: 0, updated: 0, skipped: 0, addressedToDwp: 0, errors: parsed.errors.map((e) => ({ row: e.row, message: explain(e.message) })) };
  const total = parsed.reports.length;
  const now = nowIso(ctx);
  const seen = new Map<string, number>();
  const refUses = new Map<string, number>();
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < total; i++) {
      if (i % CHUNK === 0) {
        control.progress(i, total, `Importing report ${i + 1} of ${total}`);
        await control.checkpoint();
      }
      const r = parsed.reports[i];
      const key = pfdSourceKey(r);
      const first = seen.get(key);
      if (first !== undefined) {
        summary.errors.push({ row: r.row, message: `The same report (reference ${r.ref}, ${r.reportDate}) already appears at row ${first}; this row was not imported again.` });
        continue;
      }
      seen.set(key, r.row);
      // A reused reference gets a suffix in the register: PFD 2016-0396, PFD 2016-0396/2, …
      const uses = (refUses.get(r.ref.toLowerCase()) ?? 0) + 1;
      refUses.set(r.ref.toLowerCase(), uses);
      const registerRef = uses === 1 ? `PFD ${r.ref}` : `PFD ${r.ref}/${uses}`;
      if (r.addressedToDwp) summary.addressedToDwp++;
      try {
        const values = pfdToEvidence(r, registerRef);
        const existing = await findEvidenceBySourceKey(tx, key);
        let id: number;
        if (existing === undefined) {
          id = await insertEvidence(tx, values, now, key);
          summary.imported++;
        } else if (existing.erased) {
          // Its personal detail was erased at the end of retention: importing must not bring it back.
          summary.skipped++;
          continue;
        } else {
          id = existing.id;
          const outcome = await updateEvidenceRow(tx, id, values, now);
          summary[outcome === 'updated' ? 'updated' : 'skipped']++;
        }
        if (r.replied) await markCoronerResponded(tx, id, now);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        summary.errors.push({ row: r.row, message: /UNIQUE/.test(msg) ? `Reference ${r.ref} is already used by another record in the register.` : `Could not import: ${msg}` });
      }
    }
    control.progress(total, total, 'Saving…');
  });
  summary.errors.sort((a, b) => a.row - b.row);
  return summary;
}
