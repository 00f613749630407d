// Search and theme suggestions rank with bm25() under LIMIT and mark text for the chosen few
// alone; they give exactly what ORDER BY rank gave, ties (identical records) included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../open';
import { preparedDuring } from '../../tests/support/prepared';
import { seeded } from '../../electron/demo/register';
import { ftsQuery, MARK_END, MARK_START, searchEvidence } from './search';
import { suggestEvidence, themeTerms } from './themes';

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

  it('suggests for a theme what ORDER BY rank suggested', async () => {
    const terms = await themeTerms(o.db, 1);
    const match = ftsQuery(terms.join(' '), 'any');
    const before = o.sqlite
      .prepare(
        `select e.id, snippet(evidence_fts, 2, ?, ?, '…', 14) as snip from evidence_fts f join evidence e on e.id = f.rowid
         where evidence_fts match ? and e.archived_at is null and e.id not in (select evidence_id from theme_evidence where theme_id = 1)
         and e.id not in (select evidence_id from theme_rejections where theme_id = 1) order by rank limit ?`,
      )
      .all(MARK_START, MARK_END, match, 40) as { id: number; snip: string }[];
    expect(before.length).toBe(40);
    const got = await suggestEvidence(o.db, 1, 40);
    expect(got.map((s) => [s.evidenceId, s.snippet])).toEqual(before.map((r) => [r.id, r.snip]));
  });

  it('ranks with bm25() under LIMIT instead of having FTS5 sort every match', async () => {
    const seen = await preparedDuring(o.sqlite, () => searchEvidence(o.db, 'claimant', { limit: 50 }));
    const ranked = seen.find((s) => s.includes('bm25'))!;
    expect(ranked).not.toMatch(/\brank\b/);
    const plan = (o.sqlite.prepare(`explain query plan ${ranked}`).all('"claimant"*', 50) as { detail: string }[]).map((r) => r.detail).join(' | ');
    // FTS5's own sort by rank shows as index 32; a plain scan of the matches is index 0.
    expect(plan).toMatch(/SCAN f VIRTUAL TABLE INDEX 0:M/);
    expect(plan).toMatch(/evidence_archived/);
  });
});
