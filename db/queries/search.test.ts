// Search and theme suggestions rank with bm25() under LIMIT and mark text for the chosen few
// alone; they give exactly what ORDER BY rank gave, ties (identical records) included, among the
// RANKED_AMONG matches added most recently (all of them here, but for the tests that lower it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../open';
import { preparedDuring } from '../../tests/support/prepared';
import { seeded } from '../../electron/demo/register';
import { RANKED_AMONG } from '#shared/domain/search';
import { EVIDENCE_TOKENIZE, evidenceMatch, ftsQuery, indexTerms, MARK_END, MARK_START, searchEvidence, searchEvidenceRanked } from './search';
import { COMMON_SHARE, distinctiveWords, suggestEvidence, themeTerms } from './themes';

const now = '2026-11-23T10:00:00Z';
const TYPES = ['ipr', 'complaint', 'pfd', 'sar'];
const WORDS = ['claimant', 'contact', 'lost', 'payment', 'suspended', 'safeguarding', 'letter', 'vulnerable', 'review', 'sanction', 'health', 'guidance'];
let o: OpenedDatabase;

beforeAll(async () => {
  o = await openDatabase(':memory:');
  const rnd = seeded(21);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const insert = o.sqlite.prepare(
    `insert into evidence (type, ref, title, summary, received_on, sensitivity, details, archived_at, created_at, updated_at) values (?, ?, ?, ?, '2020-01-01', 'official', ?, ?, ?, ?)`,
  );
  o.sqlite.transaction(() => {
    for (let i = 0; i < 2500; i++) {
      const type = TYPES[i % TYPES.length];
      // One record in five is one of a few identical texts, so bm25 ties.
      const same = rnd() < 0.2;
      const title = same ? 'Claimant contact lost' : `Record ${words(3)}`;
      const summary = same ? 'The claimant was not contacted before the payment was suspended.' : `${words(12)}. ${words(10)}.`;
      insert.run(type, `REF-${i}`, title, summary, JSON.stringify({ type }), rnd() < 0.03 ? now : null, now, now);
    }
    o.sqlite.prepare(`insert into themes (title, description, status, tags, created_at, updated_at) values ('Contact lost with vulnerable claimants', 'Payments suspended after contact was lost', 'emerging', '["safeguarding"]', ?, ?)`).run(now, now);
    const link = o.sqlite.prepare(`insert into theme_evidence (theme_id, evidence_id, note, linked_by, linked_at) values (1, ?, '', 'Sam', ?)`);
    const reject = o.sqlite.prepare(`insert into theme_rejections (theme_id, evidence_id, rejected_by, rejected_at) values (1, ?, 'Sam', ?)`);
    for (let id = 3; id < 2500; id += 37) link.run(id, now);
    for (let id = 5; id < 2500; id += 41) reject.run(id, now);
  })();
});
afterAll(async () => o?.close());

describe('ranked search', () => {
  it('finds what ORDER BY rank found, in its order, with the same marked text', async () => {
    const before = o.sqlite.prepare(
      `select e.id, e.ref, e.type, e.received_on, highlight(evidence_fts, 1, ?, ?) as title_hl, snippet(evidence_fts, 2, ?, ?, '…', 18) as snip
       from evidence_fts f join evidence e on e.id = f.rowid where evidence_fts match ? and e.archived_at is null and (? is null or e.type = ?) order by rank limit ?`,
    );
    for (const text of ['claimant', 'contact lost', 'payment', 'vulnerable claimant', 'nothing here']) {
      for (const [limit, type] of [[50, null], [5, null], [200, 'pfd']] as const) {
        const expected = (before.all(MARK_START, MARK_END, MARK_START, MARK_END, ftsQuery(text), type, type, limit) as { id: number; ref: string; type: string; received_on: string; title_hl: string; snip: string }[]).map((r) => ({
          kind: 'evidence',
          id: r.id,
          ref: r.ref,
          title: r.title_hl,
          type: r.type,
          status: null,
          date: r.received_on,
          snippet: r.snip,
        }));
        expect(await searchEvidence(o.db, text, { limit, types: type ? [type] : undefined })).toEqual(expected);
      }
    }
  });

  // The theme's words are matched whole (by their stems), no longer as prefixes of longer words.
  const suggestedByRank = (match: string, limit: number, among: number) =>
    o.sqlite
      .prepare(
        `select id, snip from (
           select e.id, snippet(evidence_fts, 2, ?, ?, '…', 14) as snip, rank from evidence_fts f join evidence e on e.id = f.rowid
           where evidence_fts match ? and e.archived_at is null and e.id not in (select evidence_id from theme_evidence where theme_id = 1)
           and e.id not in (select evidence_id from theme_rejections where theme_id = 1) order by e.id desc limit ?)
         order by rank, id limit ?`,
      )
      .all(MARK_START, MARK_END, match, among, limit) as { id: number; snip: string }[];

  it('suggests for a theme what ORDER BY rank suggested, matching its words whole', async () => {
    const terms = await themeTerms(o.db, 1);
    const words = await distinctiveWords(o.db, terms);
    expect(words.length).toBeLessThan(terms.length);
    const match = ftsQuery(words.join(' '), 'any', { prefix: false })!;
    expect(match).not.toContain('*');
    const before = suggestedByRank(match, 40, 1e9);
    expect(before.length).toBe(40);
    const got = await suggestEvidence(o.db, 1, 40);
    expect(got.map((s) => [s.evidenceId, s.snippet])).toEqual(before.map((r) => [r.id, r.snip]));
  });

  it('ranks suggestions among the most recently added records not yet linked or turned down', async () => {
    const match = ftsQuery((await distinctiveWords(o.db, await themeTerms(o.db, 1))).join(' '), 'any', { prefix: false })!;
    const all = suggestedByRank(match, 40, 1e9);
    const newest = suggestedByRank(match, 40, 300);
    // The bound changes what is offered here (the best of all are mostly older records).
    expect(newest.map((r) => r.id)).not.toEqual(all.map((r) => r.id));
    const got = await suggestEvidence(o.db, 1, 40, 300);
    expect(got.map((s) => [s.evidenceId, s.snippet])).toEqual(newest.map((r) => [r.id, r.snip]));
    // Linked and turned-down records do not take places among the newest 300.
    const linked = new Set(o.sqlite.prepare('select evidence_id from theme_evidence union select evidence_id from theme_rejections').pluck().all() as number[]);
    expect(got.some((s) => linked.has(s.evidenceId))).toBe(false);
  });

  it('ranks suggestions by the words that tell records apart, once common words are common enough to cost', async () => {
    // "before", "not" and "was" are only in the one text in five that repeats; "zebra" is in none.
    const terms = ['claimant', 'before', 'record', 'zebra', 'payment', 'not', 'was'];
    const docs = (w: string) => o.sqlite.prepare('select count(*) from evidence_fts where evidence_fts match ?').pluck().get(`"${w}"`) as number;
    const n = o.sqlite.prepare('select count(*) from evidence').pluck().get() as number;
    // A word in more than a quarter of the records goes once it is in more than minDocs of them.
    const common = terms.filter((w) => docs(w) > n * COMMON_SHARE);
    expect(common).toEqual(['claimant', 'record', 'payment']);
    expect(await distinctiveWords(o.db, terms, 100)).toEqual(terms.filter((w) => !common.includes(w)));
    expect(await distinctiveWords(o.db, terms, n)).toEqual(terms);
    const over = Math.min(...common.map(docs)) - 1;
    expect(await distinctiveWords(o.db, terms, over)).toEqual(terms.filter((w) => !common.includes(w) || docs(w) <= over));
    // Three words stay however common they are: the rarest, or past the share (where counting
    // stops) the theme's first, its weightiest.
    const allCommon = ['claimant', 'contact', 'payment', 'review', 'health'];
    expect(allCommon.every((w) => docs(w) > n * COMMON_SHARE)).toBe(true);
    expect(await distinctiveWords(o.db, allCommon, 100)).toEqual(['claimant', 'contact', 'payment']);
    expect(await distinctiveWords(o.db, ['claimant', 'contact', 'zebra', 'payment', 'review'], 100)).toEqual(['claimant', 'contact', 'zebra']);
  });

  it('counts how common a theme’s words are among the records added most recently', async () => {
    // "backdating" is in most of the older records and none of the newest 400.
    const own = await openDatabase(':memory:');
    try {
      const insert = own.sqlite.prepare(`insert into evidence (type, ref, title, received_on, sensitivity, details, created_at, updated_at) values ('complaint', ?, ?, '2020-01-01', 'official', '{"type":"complaint"}', ?, ?)`);
      own.sqlite.transaction(() => {
        for (let i = 0; i < 1200; i++) insert.run(`C-${i}`, `${i < 800 && i % 4 !== 0 ? 'Backdating' : 'Arrears'} ${['letter', 'visit', 'call', 'review'][i % 4]} ${i % 7 === 0 ? 'appointee' : ''}`, now, now);
      })();
      const words = ['backdating', 'arrears', 'appointee', 'letter', 'visit'];
      // Over all 1,200 records "backdating" (600) and "arrears" (600) are common; "letter" and
      // "visit" (300 each) are at the share, not over it.
      expect(await distinctiveWords(own.db, words, 10, 1200)).toEqual(['appointee', 'letter', 'visit']);
      // Among the newest 400, "backdating" is in none, and "arrears" is in all of them.
      expect(await distinctiveWords(own.db, words, 10, 400)).toEqual(['backdating', 'appointee', 'letter', 'visit']);
      // The newest 400 are records, not ids: with 200 of the newest deleted, they reach back to
      // where "backdating" is common (150 of the 400).
      own.sqlite.prepare('delete from evidence where id between 901 and 1100').run();
      expect(await distinctiveWords(own.db, words, 10, 400)).toEqual(['appointee', 'letter', 'visit']);
      expect(await distinctiveWords(own.db, words, 10, 100)).toEqual(['backdating', 'appointee', 'letter', 'visit']);
    } finally {
      await own.close();
    }
  });

  it('ranks a search among the most recently added matches when more match, with a type too', async () => {
    const byRank = o.sqlite.prepare(
      `select id from (select e.id, rank from evidence_fts f join evidence e on e.id = f.rowid
         where evidence_fts match ? and e.archived_at is null and (? is null or e.type = ?) order by e.id desc limit ?)
       order by rank, id limit ?`,
    );
    const matching = o.sqlite.prepare(`select count(*) from evidence_fts where evidence_fts match '"claimant"*'`).pluck().get() as number;
    expect(matching).toBeGreaterThan(1000);
    for (const type of [null, 'pfd'] as const) {
      for (const among of [200, 1000, 1e9]) {
        const expected = (byRank.all('"claimant"*', type, type, among, 30) as { id: number }[]).map((r) => r.id);
        expect(expected.length).toBe(30);
        const got = await searchEvidence(o.db, 'claimant', { limit: 30, types: type ? [type] : undefined, among });
        expect(got.map((h) => h.id)).toEqual(expected);
      }
      // The bound is what decides: the best of the newest 200 are not the best of all.
      expect((byRank.all('"claimant"*', type, type, 200, 30) as { id: number }[]).map((r) => r.id)).not.toEqual((byRank.all('"claimant"*', type, type, 1e9, 30) as { id: number }[]).map((r) => r.id));
    }
    // Fewer matches than the bound: all of them are ranked.
    expect(await searchEvidence(o.db, 'claimant contact lost', { limit: 30, among: 1e9 })).toEqual(await searchEvidence(o.db, 'claimant contact lost', { limit: 30 }));
  });

  it('says when more records matched than it ranks, and not when all of them were ranked', async () => {
    const live = o.sqlite.prepare(`select count(*) from evidence_fts f join evidence e on e.id = f.rowid where evidence_fts match '"claimant"*' and e.archived_at is null`).pluck().get() as number;
    expect(live).toBeGreaterThan(1000);
    for (const [among, bounded] of [[live - 1, true], [live, false], [live + 1, false], [300, true]] as const) {
      const r = await searchEvidenceRanked(o.db, 'claimant', { limit: 30, among });
      expect(r.bounded, `among ${among}`).toBe(bounded);
      expect(r.hits).toEqual(await searchEvidence(o.db, 'claimant', { limit: 30, among }));
    }
    expect(await searchEvidenceRanked(o.db, '', { limit: 30 })).toEqual({ hits: [], bounded: false });
  });

  it('ranks with bm25() under LIMIT instead of having FTS5 sort every match', async () => {
    const seen = await preparedDuring(o.sqlite, () => searchEvidence(o.db, 'claimant', { limit: 50 }));
    const ranked = seen.find((s) => s.includes('bm25'))!;
    expect(ranked).not.toMatch(/\brank\b/);
    const plan = (o.sqlite.prepare(`explain query plan ${ranked}`).all('"claimant"', RANKED_AMONG, 50) as { detail: string }[]).map((r) => r.detail).join(' | ');
    // FTS5's own sort by rank shows as index 32; its matches by rowid, newest first, as index 192.
    expect(plan).toMatch(/SCAN f VIRTUAL TABLE INDEX 192:M/);
    expect(plan).toMatch(/evidence_archived/);
  });

  it('finds the newest matches by walking the index backwards, scoring them as they come, in one statement', async () => {
    const seen = await preparedDuring(o.sqlite, () => searchEvidence(o.db, 'claimant', { limit: 50, among: 300 }));
    // One statement finds and ranks them; one reads by rowid alone whether a match lies past the
    // bound (for the screens' note), which only a full page asks; the last marks the text.
    const fts = seen.filter((s) => s.includes('evidence_fts match'));
    expect(fts).toHaveLength(3);
    expect(fts.filter((s) => s.includes('bm25'))).toHaveLength(1);
    const ranked = fts.find((s) => s.includes('bm25'))!;
    expect(ranked).toMatch(/order by "f"."rowid" desc limit \?\) as "m" order by "m"."score", "m"."rowid" limit \?/);
    const plan = (o.sqlite.prepare(`explain query plan ${ranked}`).all('"claimant"', 300, 50) as { detail: string }[]).map((r) => r.detail);
    // FTS5 gives the rows newest first itself; only the 300 are sorted, by score.
    expect(plan.filter((d) => /TEMP B-TREE/.test(d))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
    expect(plan.indexOf('USE TEMP B-TREE FOR ORDER BY')).toBeGreaterThan(plan.indexOf('SCAN m'));
  });

  it('keeps a type filter out of FTS5 (each id would be a MATCH of its own)', async () => {
    const seen = await preparedDuring(o.sqlite, () => searchEvidence(o.db, 'claimant', { limit: 50, types: ['pfd'], among: 300 }));
    const fts = seen.filter((s) => s.includes('evidence_fts match') && !s.includes('snippet'));
    // the ranking, and the look past the bound
    expect(fts.length).toBe(2);
    const plan = (o.sqlite.prepare(`explain query plan ${fts[0]}`).all('"claimant"', 'pfd', 300, 50) as { detail: string }[]).map((r) => r.detail).join(' | ');
    // "=" in FTS5's index string would mean a lookup for each rowid of the list.
    expect(plan).toMatch(/SCAN f VIRTUAL TABLE INDEX \d+:M\d* /);
  });
});

describe('words matched whole', () => {
  it('turns words into the terms the evidence index keeps, by its own tokenizer', async () => {
    const made = o.sqlite.prepare(`select sql from sqlite_master where name = 'evidence_fts'`).pluck().get() as string;
    expect(made).toContain(`tokenize='${EVIDENCE_TOKENIZE}'`);
    expect(indexTerms(['Payments', 'claimants', 'café', 'suspended', 'x'])).toEqual(['payment', 'claimant', 'cafe', 'suspend', 'x']);
    expect(indexTerms([])).toEqual([]);
    // Called again, the same (nothing is left behind between calls).
    expect(indexTerms(['claimants'])).toEqual(['claimant']);
  });

  it('matches whole a word whose term starts no other term in the index, and as a prefix one that does', async () => {
    // The register holds "contact", "payment" and "claimant", and no longer term starting with them;
    // "paym" and "claim" start them, and "rec" starts "record". ("pay" is kept as "pai", which
    // starts nothing here, so it was never a start of "payment".)
    expect(await evidenceMatch(o.db, 'Claimants contact paym')).toBe('"claimants" "contact" "paym"*');
    expect(await evidenceMatch(o.db, 'pay')).toBe('"pay"');
    expect(await evidenceMatch(o.db, 'claim payments rec')).toBe('"claim"* "payments" "rec"*');
    // A word the index does not hold at all finds nothing either way.
    expect(await evidenceMatch(o.db, 'zebra')).toBe('"zebra"');
    expect(await evidenceMatch(o.db, '"*: ')).toBeNull();
    // And each finds exactly what the prefix found.
    const ids = (match: string) => o.sqlite.prepare(`select rowid from evidence_fts where evidence_fts match ? order by rowid`).pluck().all(match);
    for (const text of ['Claimants contact paym', 'claim payments rec', 'vulnerable', 'zebra']) {
      const found = ids((await evidenceMatch(o.db, text))!);
      expect(found).toEqual(ids(ftsQuery(text)!));
      if (text !== 'zebra') expect(found.length).toBeGreaterThan(0);
    }
  });
});
