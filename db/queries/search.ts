import { sql, type Kysely, type Transaction } from 'kysely';
import type { EvidenceType } from '#shared/domain/evidence';
import type { SearchHit } from '#shared/ipc/contract';
import type { DB } from '../schema';

type Q = Kysely<DB> | Transaction<DB>;

/** Marks around matched words in snippets; private-use characters cannot occur in typed text we keep. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * Turns what a person typed into an FTS5 query: every word must appear (as a prefix), and
 * nothing typed can be read as FTS syntax (quotes, NEAR, column filters, stars).
 */
export function ftsQuery(text: string, mode: 'all' | 'any' = 'all'): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 24) ?? [];
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(mode === 'all' ? ' ' : ' OR ');
}


export async function searchEvidence(db: Q, text: string, opts: { limit: number; types?: EvidenceType[] }): Promise<SearchHit[]> {
  const match = ftsQuery(text);
  if (!match) return [];
  let q = db
    .selectFrom('evidence_fts as f')
    .innerJoin('evidence as e', 'e.id', 'f.rowid')
    .select([
      'e.id',
      'e.ref',
      'e.type',
      'e.received_on',
      sql<string>`highlight(evidence_fts, 1, ${MARK_START}, ${MARK_END})`.as('title_hl'),
      sql<string>`snippet(evidence_fts, 2, ${MARK_START}, ${MARK_END}, '…', 18)`.as('snip'),
    ])
    .where(sql<boolean>`evidence_fts match ${match}`)
    .where('e.archived_at', 'is', null);
  if (opts.types?.length) q = q.where('e.type', 'in', opts.types);
  const rows = await q.orderBy(sql`rank`).limit(opts.limit).execute();
  return rows.map((r) => ({
    kind: 'evidence',
    id: r.id,
    ref: r.ref,
    title: r.title_hl,
    type: r.type as EvidenceType,
    status: null,
    date: r.received_on,
    snippet: r.snip,
  }));
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
