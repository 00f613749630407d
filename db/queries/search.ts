import Database from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { EvidenceType } from '#shared/domain/evidence';
import { RANKED_AMONG } from '#shared/domain/search';
import type { SearchHit } from '#shared/ipc/contract';
import type { DB } from '../schema';

type Q = Kysely<DB> | Transaction<DB>;

/** Marks around matched words in snippets; private-use characters cannot occur in typed text we keep. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** The words of what a person typed, as search reads them (at most 24). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 24) ?? [];
}

/**
 * Turns what a person typed into an FTS5 query: every word must appear (as a prefix, since the last
 * may be half typed), and nothing typed can be read as FTS syntax (quotes, NEAR, column filters,
 * stars). Whole words (`prefix: false`) match by their stem alone, without reading every longer word.
 */
export function ftsQuery(text: string, mode: 'all' | 'any' = 'all', opts: { prefix?: boolean } = {}): string | null {
  const words = wordsOf(text);
  if (words.length === 0) return null;
  const star = opts.prefix === false ? '' : '*';
  return words.map((w) => `"${w}"${star}`).join(mode === 'all' ? ' ' : ' OR ');
}

/** The evidence index's tokenizer (migration 04): the Porter stemmer over unicode61. */
export const EVIDENCE_TOKENIZE = 'porter unicode61 remove_diacritics 2';

let tokenizer: { put: Database.Statement; read: Database.Statement; clear: Database.Statement } | undefined;

/**
 * The term the evidence index keeps for each word (its stem: "payments" is kept as "payment"), or
 * null for a word that is not one term. SQLite's own tokenizer decides, in a small database of its
 * own in memory: the app's connection may not write even to a temporary table (it is query-only
 * while its file is checked), and a copy of the stemmer in TypeScript could differ from FTS5's.
 */
export function indexTerms(words: string[]): (string | null)[] {
  tokenizer ??= (() => {
    const mem = new Database(':memory:');
    mem.exec(`create virtual table words using fts5(word, tokenize = '${EVIDENCE_TOKENIZE}'); create virtual table word_terms using fts5vocab(words, instance);`);
    return { put: mem.prepare('insert into words (rowid, word) values (?, ?)'), read: mem.prepare('select doc, term from word_terms'), clear: mem.prepare('delete from words') };
  })();
  const t = tokenizer;
  words.forEach((w, i) => t.put.run(i + 1, w));
  const found = t.read.all() as { doc: number; term: string }[];
  t.clear.run();
  return words.map((_, i) => {
    const of = found.filter((f) => f.doc === i + 1);
    return of.length === 1 ? of[0].term : null;
  });
}

/**
 * ftsQuery's match for the evidence index, with each word whose term starts no other term in the
 * index matched whole: the same records, without FTS5's work for a prefix. FTS5 reads a prefix by
 * copying the lists of every term it starts, merged, before the first match comes back, and again
 * for bm25's weights: for a word in most records ("claimant", 60,000 of them) that was 10-20 ms a
 * statement, against well under 1 ms whole. A half-typed word that starts other terms stays a prefix.
 */
export async function evidenceMatch(db: Q, text: string): Promise<string | null> {
  const words = wordsOf(text);
  if (words.length === 0) return null;
  const terms = indexTerms(words);
  const known = terms.flatMap((term, i) => (term ? [{ i, term }] : []));
  // The first term after each word's own: \u0001 sorts before any character a term can hold.
  // One statement for all the words; each is a single step into the index.
  const next = known.length
    ? (
        await sql<{ i: number; next: string | null }>`${sql.join(
          known.map(({ i, term }) => sql`select ${i} as i, (select term from evidence_terms where term >= ${`${term}\u0001`} limit 1) as next`),
          sql` union all `,
        )}`.execute(db)
      ).rows
    : [];
  const whole = new Set(next.filter((r) => !r.next?.startsWith(terms[r.i]!)).map((r) => r.i));
  return words.map((w, i) => `"${w}"${whole.has(i) ? '' : '*'}`).join(' ');
}

/**
 * The best-ranked live records for an FTS query, best first (bm25, then id, which is the order
 * ORDER BY rank gives), ranked among the RANKED_AMONG matches added most recently. bm25 scores
 * every record it ranks (1-2 µs each, after reading each word's whole list once for its weight):
 * for a word in most records that was 60,000 scores, and for a theme's dozen words 80,000, before
 * the first came back. FTS5 gives the newest matches by walking the index backwards, scored as
 * they come, and stops at the bound; one statement, so the query's terms are looked up once (a
 * first statement to find the oldest of them, then a second to rank from there, read them twice).
 * `also` narrows the set further (a record type, a theme's links), naming the match as f.rowid.
 */
export async function bestMatches(db: Q, match: string, limit: number, also?: RawBuilder<boolean>, among = RANKED_AMONG): Promise<number[]> {
  return (await rankedMatches(db, match, limit, also, among)).ids;
}

/** bestMatches, and whether more than `among` matched, so that only the newest were ranked. */
export async function rankedMatches(db: Q, match: string, limit: number, also?: RawBuilder<boolean>, among = RANKED_AMONG): Promise<{ ids: number[]; bounded: boolean }> {
  let newest = db
    .selectFrom('evidence_fts as f')
    .select(['f.rowid', sql<number>`bm25(evidence_fts)`.as('score')])
    .where(sql<boolean>`evidence_fts match ${match}`)
    // The few archived records, by the evidence_archived index, instead of each match's row.
    .where('f.rowid', 'not in', db.selectFrom('evidence').select('id').where('archived_at', 'is not', null));
  if (also) newest = newest.where(also);
  const rows = await db
    .selectFrom(newest.orderBy('f.rowid', 'desc').limit(among).as('m'))
    .select('m.rowid')
    .orderBy('m.score')
    .orderBy('m.rowid')
    .limit(limit)
    .execute();
  // Whether one more matched than are ranked: the match past the bound, read by rowid alone.
  let past = db
    .selectFrom('evidence_fts as f')
    .select('f.rowid')
    .where(sql<boolean>`evidence_fts match ${match}`)
    .where('f.rowid', 'not in', db.selectFrom('evidence').select('id').where('archived_at', 'is not', null));
  if (also) past = past.where(also);
  const beyond = rows.length < limit ? undefined : await past.orderBy('f.rowid', 'desc').limit(1).offset(among).executeTakeFirst();
  return { ids: rows.map((r) => r.rowid), bounded: beyond !== undefined };
}

/**
 * A bound on FTS5's rowids, as an integer: better-sqlite3 binds a JavaScript number as a real, and
 * FTS5 ignores a real bound, reading every match and leaving SQLite to drop those out of range
 * (a tenth of a millisecond became more than one for a common word).
 */
export const rowidBound = (id: number) => sql<number>`cast(${id} as integer)`;

/**
 * Only these records of an FTS query's matches, for their marked text: one more pass of the
 * index over the range of their ids. (A MATCH for each record would expand every prefix term
 * again, about 10 ms a record for a common word.) The unary + keeps the list out of FTS5's hands.
 */
export function onlyThese(ids: number[]) {
  return sql<boolean>`f.rowid between ${rowidBound(Math.min(...ids))} and ${rowidBound(Math.max(...ids))} and +f.rowid in (${sql.join(ids)})`;
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
  const match = await evidenceMatch(db, text);
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
