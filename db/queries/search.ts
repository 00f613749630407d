import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { EvidenceType } from '#shared/domain/evidence';
import { RANKED_AMONG } from '#shared/domain/search';
import type { SearchHit } from '#shared/ipc/contract';
import type { DB } from '../schema';

type Q = Kysely<DB> | Transaction<DB>;

/** Marks around matched words in snippets; private-use characters cannot occur in typed text we keep. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * Turns what a person typed into an FTS5 query: every word must appear (as a prefix, since the last
 * may be half typed), and nothing typed can be read as FTS syntax (quotes, NEAR, column filters,
 * stars). Whole words (`prefix: false`) match by their stem alone, without reading every longer word.
 */
export function ftsQuery(text: string, mode: 'all' | 'any' = 'all', opts: { prefix?: boolean } = {}): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 24) ?? [];
  if (words.length === 0) return null;
  const star = opts.prefix === false ? '' : '*';
  return words.map((w) => `"${w}"${star}`).join(mode === 'all' ? ' ' : ' OR ');
}


/**
 * The best-ranked live records for an FTS query, best first (bm25, then id, which is the order
 * ORDER BY rank gives), ranked among the RANKED_AMONG matches added most recently. bm25 scores
 * every record it ranks (1-2 µs each, after reading each word's whole list once for its weight):
 * for a word in most records that was 60,000 scores, and for a theme's dozen words 80,000, before
 * the first came back. The newest matches are found by walking the index backwards, which costs
 * little, and the ranking is then confined to their range of ids. `also` narrows the set further
 * (a record type, a theme's links), naming the match as f.rowid.
 */
export async function bestMatches(db: Q, match: string, limit: number, also?: RawBuilder<boolean>, among = RANKED_AMONG): Promise<number[]> {
  return (await rankedMatches(db, match, limit, also, among)).ids;
}

/** bestMatches, and whether more than `among` matched, so that only the newest were ranked. */
export async function rankedMatches(db: Q, match: string, limit: number, also?: RawBuilder<boolean>, among = RANKED_AMONG): Promise<{ ids: number[]; bounded: boolean }> {
  const matches = () => {
    let q = db
      .selectFrom('evidence_fts as f')
      .select('f.rowid')
      .where(sql<boolean>`evidence_fts match ${match}`)
      // The few archived records, by the evidence_archived index, instead of each match's row.
      .where('f.rowid', 'not in', db.selectFrom('evidence').select('id').where('archived_at', 'is not', null));
    if (also) q = q.where(also);
    return q;
  };
  // The oldest match ranked, and the one before it if there is one: then the bound has applied.
  const [oldest, older] = await matches().orderBy('f.rowid', 'desc').limit(2).offset(among - 1).execute();
  const ranked = oldest ? matches().where('f.rowid', '>=', oldest.rowid) : matches();
  const rows = await ranked.orderBy(sql`bm25(evidence_fts)`).orderBy('f.rowid').limit(limit).execute();
  return { ids: rows.map((r) => r.rowid), bounded: older !== undefined };
}

/**
 * Only these records of an FTS query's matches, for their marked text: one more pass of the
 * index over the range of their ids. (A MATCH for each record would expand every prefix term
 * again, about 10 ms a record for a common word.) The unary + keeps the list out of FTS5's hands.
 */
export function onlyThese(ids: number[]) {
  return sql<boolean>`f.rowid between ${Math.min(...ids)} and ${Math.max(...ids)} and +f.rowid in (${sql.join(ids)})`;
}

/** Rows put back in the order of their ids. */
export function inOrderOf<R extends { id: number }>(ids: number[], rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function searchEvidence(db: Q, text: string, opts: { limit: number; types?: EvidenceType[]; among?: number }): Promise<SearchHit[]> {
  return (await searchEvidenceRanked(db, text, opts)).hits;
}

/** searchEvidence, and whether more records matched than are ranked (RANKED_AMONG), for the screens to say so. */
export async function searchEvidenceRanked(db: Q, text: string, opts: { limit: number; types?: EvidenceType[]; among?: number }): Promise<{ hits: SearchHit[]; bounded: boolean }> {
  const match = ftsQuery(text);
  if (!match) return { hits: [], bounded: false };
  const types = opts.types?.length ? opts.types : null;
  // The unary + keeps the type's ids a filter: as a list of rowids for FTS5 to look up, each of
  // thousands was a MATCH of its own (seconds for a common word in one type).
  const ofTypes = types ? sql<boolean>`+f.rowid in (${db.selectFrom('evidence').select('id').where('archived_at', 'is', null).where('type', 'in', types)})` : undefined;
  const { ids, bounded } = await rankedMatches(db, match, opts.limit, ofTypes, opts.among);
  if (!ids.length) return { hits: [], bounded };
  const found = await db
    .selectFrom('evidence_fts as f')
    .crossJoin('evidence as e')
    .whereRef('e.id', '=', 'f.rowid')
    .select([
      'e.id',
      'e.ref',
      'e.type',
      'e.received_on',
      sql<string>`highlight(evidence_fts, 1, ${MARK_START}, ${MARK_END})`.as('title_hl'),
      sql<string>`snippet(evidence_fts, 2, ${MARK_START}, ${MARK_END}, '…', 18)`.as('snip'),
    ])
    .where(sql<boolean>`evidence_fts match ${match}`)
    .where(onlyThese(ids))
    .execute();
  const rows = inOrderOf(ids, found);
  const hits = rows.map(
    (r): SearchHit => ({
      kind: 'evidence',
      id: r.id,
      ref: r.ref,
      title: r.title_hl,
      type: r.type as EvidenceType,
      status: null,
      date: r.received_on,
      snippet: r.snip,
    }),
  );
  return { hits, bounded };
}

export async function searchThemes(db: Q, text: string, opts: { limit: number }): Promise<SearchHit[]> {
  const match = ftsQuery(text);
  if (!match) return [];
  const rows = await db
    .selectFrom('themes_fts as f')
    .innerJoin('themes as t', 't.id', 'f.rowid')
    .select([
      't.id',
      't.status',
      't.updated_at',
      sql<string>`highlight(themes_fts, 0, ${MARK_START}, ${MARK_END})`.as('title_hl'),
      sql<string>`snippet(themes_fts, 1, ${MARK_START}, ${MARK_END}, '…', 18)`.as('snip'),
    ])
    .where(sql<boolean>`themes_fts match ${match}`)
    .orderBy(sql`rank`)
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({
    kind: 'theme',
    id: r.id,
    ref: `Theme ${r.id}`,
    title: r.title_hl,
    type: null,
    status: r.status,
    date: r.updated_at.slice(0, 10),
    snippet: r.snip,
  }));
}
