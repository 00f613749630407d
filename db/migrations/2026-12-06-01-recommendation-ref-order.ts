// Purpose: recommendations listed by reference in the order they were issued, a panel's 100th after its 99th.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  // References are issued as SCP-2026-27-Q3-R01: compared as text, "…R100" came before "…R11".
  // In the order of the prefix (the reference without its number), then the number's length, then
  // the text, they are in the order issued; this index keeps the tracker's pages by reference
  // read in that order, as they were read from the reference's own unique index before.
  await db.schema
    .createIndex('recommendations_ref_order')
    .on('recommendations')
    .expression(sql`rtrim(ref, '0123456789'), length(ref), ref`)
    .execute();
}
