import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REC_STATUSES } from '#shared/domain/recommendations';
import { runCli } from './run';

let dir: string;
let db: string;
const now = () => new Date('2026-11-23T10:00:00Z');

interface Row {
  ref: string;
  status: string;
  owner: string;
  targetDate: string | null;
  overdue: boolean;
  themeIds: number[];
  panelId: number;
  dg: { id: number; name: string } | null;
  rag: string;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, { now });
  return { code, out, err, json: () => (expect(out).toHaveLength(1), JSON.parse(out[0])) };
}
const list = async (...args: string[]): Promise<Row[]> => {
  const r = await cli('--db', db, 'recommendations', 'list', ...args, '--json');
  expect(r.code, r.err.join('\n')).toBe(0);
  return r.json().recommendations;
};

let all: Row[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scp-cli-recs-'));
  db = join(dir, 'scp.sqlite3');
  expect((await cli('--db', db, 'demo', '--json')).code).toBe(0);
  all = await list();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scp recommendations list', () => {
  it('prints the tracker as one JSON object with the agreed fields', () => {
    expect(all.length).toBeGreaterThanOrEqual(35);
    expect(all.length).toBeLessThanOrEqual(45);
    for (const r of all) {
      expect(Object.keys(r)).toEqual(['ref', 'status', 'owner', 'targetDate', 'overdue', 'themeIds', 'panelId', 'dg', 'rag']);
      expect(r).toMatchObject({ ref: expect.stringMatching(/^SCP-\d{4}-\d{2}-Q[1-4]-R\d{2}$/), owner: expect.any(String), targetDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), panelId: expect.any(Number) });
      expect(REC_STATUSES).toContain(r.status);
      expect(r.themeIds.length).toBeGreaterThan(0);
      expect(r.dg).toEqual({ id: expect.any(Number), name: expect.any(String) });
    }
    expect(all.map((r) => r.ref)).toEqual(all.map((r) => r.ref).sort());
  });

  it('filters to overdue ones, by status (comma-separated or repeated) and by accountable DG', async () => {
    const overdue = await list('--overdue');
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue).toEqual(all.filter((r) => r.overdue));
    expect(overdue.every((r) => r.targetDate! < '2026-11-23' && ['proposed', 'accepted', 'in-progress'].includes(r.status))).toBe(true);

    const ended = await list('--status', 'closed,not-accepted');
    expect(ended.length).toBeGreaterThan(0);
    expect(ended).toEqual(all.filter((r) => r.status === 'closed' || r.status === 'not-accepted'));
    expect(await list('--status', 'closed', '--status=not-accepted')).toEqual(ended);
    expect(await list('--status', 'closed', '--overdue')).toEqual([]);

    const dg = all[0].dg!.id;
    const theirs = await list('--dg', String(dg));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs).toEqual(all.filter((r) => r.dg?.id === dg));
    expect(await list('--dg', '99999')).toEqual([]);
  });

  it('prints a readable table without --json', async () => {
    const r = await cli('--db', db, 'recommendations', 'list', '--overdue');
    expect(r.code).toBe(0);
    const lines = r.out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^Ref\s+Status\s+RAG\s+Target\s+Overdue\s+Director General\s+Owner$/);
    const overdue = all.filter((x) => x.overdue);
    expect(lines.filter((l) => l.startsWith('SCP-'))).toHaveLength(overdue.length);
    expect(lines.join('\n')).toMatch(/\d+ days over/);
    expect(lines.at(-1)).toBe(`${overdue.length} recommendations, ${overdue.length} overdue.`);
  });

  it('refuses bad flags with a usage message and exit code 2', async () => {
    const bad = await cli('--db', db, 'recommendations', 'list', '--status', 'bogus', '--json');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/Unknown status "bogus"\. Choose from: proposed, accepted, not-accepted, in-progress, implemented, closed/);
    expect(bad.err.join('\n')).toMatch(/Usage: npm run -s scp/);
    expect(bad.out).toEqual([]);
    for (const args of [['--status', 'closed,overdue'], ['--status', ','], ['--dg', 'Sarah'], ['--dg', '0'], ['--nope'], ['extra'], ['--status']]) {
      const r = await cli('--db', db, 'recommendations', 'list', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.join('\n')).toMatch(/Usage: npm run -s scp/);
    }
  });

  it('says so when nothing has been recommended yet', async () => {
    const empty = join(dir, 'empty.sqlite3');
    await cli('--db', empty, 'init');
    expect((await cli('--db', empty, 'recommendations', 'list', '--json')).json()).toEqual({ recommendations: [] });
    expect((await cli('--db', empty, 'recommendations', 'list')).out).toEqual(['No recommendations match.']);
  });
});
