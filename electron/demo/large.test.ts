import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { loadDemo } from './demo';
import { loadLargeDemo } from './large';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function build(seed: number) {
  const h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  harnesses.push(h);
  await loadDemo(h.ctx);
  const r = await loadLargeDemo(h.ctx, { evidence: 3000, themes: 40, links: 4000, seed });
  return { h, r };
}

describe('large demonstration dataset', () => {
  it('builds the requested scale through the same triggers as any write, reproducibly', async () => {
    const { h, r } = await build(7);
    expect(r).toMatchObject({ evidence: 3000, themes: 40, links: 4000 });
    const q = (sql: string) => h.opened.sqlite.prepare(sql).pluck().get() as number;
    const base = { evidence: q('select count(*) from evidence') - 3000 };
    expect(base.evidence).toBeGreaterThan(250);
    expect(q("select count(*) from audit_log where table_name = 'theme_evidence'")).toBeGreaterThanOrEqual(4000);
    expect(q("select count(distinct type) from evidence where ref like '%-L%'")).toBe(7);
    expect(q("select count(*) from evidence_fts where evidence_fts match 'appointee'")).toBeGreaterThan(0);
    // Realistic text lengths: a summary of a few sentences.
    expect(q("select avg(length(summary)) from evidence where ref like '%-L%'")).toBeGreaterThan(200);
    expect((await h.api.listEvidence({ filter: { text: 'appointee' } })).ok).toBe(true);
    const again = await build(7);
    const refs = (x: Harness) => x.opened.sqlite.prepare("select ref || title || received_on from evidence where ref like '%-L%' order by id").pluck().all();
    expect(refs(again.h)).toEqual(refs(h));
    expect(h.opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(h.opened.sqlite.pragma('foreign_key_check')).toEqual([]);
  }, 60_000);
});
