// The general CSV import: a preview that writes nothing, then one all-or-nothing transaction.
import { insertEvidence } from '#db/queries/evidence';
import type { EvidenceType } from '#shared/domain/evidence';
import { mapRows, readCsv, suggestMapping, targetFields, type ColumnMapping } from '#shared/import/evidenceCsv';
import type { CsvPreview } from '#shared/ipc/contract';
import { UserFacingError } from '#shared/ipc/result';
import { nowIso, type HandlerContext } from '../handlers/context';
import type { JobControl } from '../jobs/registry';


async function validate(ctx: HandlerContext, csv: string, type: EvidenceType, given: ColumnMapping | undefined) {
  const table = readCsv(csv);
  if (table.headers.length === 0) throw new UserFacingError('invalid-argument', 'The file has no header row. The first line must name the columns.');
  const mapping = given ?? suggestMapping(table.headers, type);
  for (const [key, col] of Object.entries(mapping)) {
    if (col !== null && col >= table.headers.length) throw new UserFacingError('invalid-argument', `The mapping for ${key} points at column ${col + 1}, but the file has ${table.headers.length} columns.`);
  }
  const mapped = mapRows(table, type, mapping);
  // A reference already in the register is a problem too: this import only adds.
  const refs = mapped.inputs.map((x) => x.input.ref);
  const taken = new Set<string>();
  for (let i = 0; i < refs.length; i += 500) {
    const chunk = refs.slice(i, i + 500).map((r) => r.toLowerCase());
    const found = await ctx.db.selectFrom('evidence').select('ref').where((eb) => eb(eb.fn('lower', ['ref']), 'in', chunk)).execute();
    for (const f of found) taken.add(f.ref.toLowerCase());
  }
  const inputs = mapped.inputs.filter((x) => {
    if (!taken.has(x.input.ref.toLowerCase())) return true;
    mapped.problems.push({ row: x.row, field: 'ref', message: `Reference ${x.input.ref} is already in the register` });
    return false;
  });
  mapped.problems.sort((a, b) => a.row - b.row);
  return { table, mapping, inputs, problems: mapped.problems };
}

export async function previewEvidenceCsv(ctx: HandlerContext, csv: string, type: EvidenceType, given?: ColumnMapping): Promise<CsvPreview> {
  const v = await validate(ctx, csv, type, given);
  return {
    headers: v.table.headers,
    mapping: v.mapping,
    fields: targetFields(type).map(({ key, label, required }) => ({ key, label, required })),
    rows: v.table.rows.length,
    valid: v.inputs.length,
    problems: v.problems.slice(0, 300),
    problemCount: v.problems.length,
    sample: v.inputs.slice(0, 8).map((x) => ({ row: x.row, ref: x.input.ref, title: x.input.title, receivedOn: x.input.receivedOn })),
  };
}

export async function importEvidenceCsv(ctx: HandlerContext, csv: string, type: EvidenceType, mapping: ColumnMapping, control: JobControl): Promise<{ imported: number }> {
  control.progress(0, 0, 'Checking the file…');
  const v = await validate(ctx, csv, type, mapping);
  if (v.problems.length) throw new UserFacingError('invalid-argument', `${v.problems.length} problems in the file (the first at row ${v.problems[0].row}: ${v.problems[0].message}). Nothing was imported; correct the file and preview again.`);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    for (const [i, x] of v.inputs.entries()) {
      if (i % 200 === 0) {
        control.progress(i, v.inputs.length, `Importing row ${i + 1} of ${v.inputs.length}`);
        await control.checkpoint();
      }
      await insertEvidence(tx, x.input, now);
    }
  });
  return { imported: v.inputs.length };
}
