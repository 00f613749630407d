// npm run bench: the app's speed at twenty years' scale, on the large demonstration dataset.
// Every handler is timed through the real dispatch (validation included) beside the same query
// as a raw prepared better-sqlite3 statement; then search, Word documents, opening the database,
// memory and the renderer's size. Prints a table and writes bench/results.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase, type OpenedDatabase } from '#db/open';
import { SCHEMA_VERSION } from '#db/migrations/index';
import { loadDemo } from '../../electron/demo/demo';
import { LARGE, loadLargeDemo } from '../../electron/demo/large';
import type { HandlerContext } from '../../electron/handlers/context';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const NOW = new Date('2026-11-23T10:00:00Z');

interface Row {
  name: string;
  median: number;
  p95: number;
  raw?: { median: number; p95: number; ratio: number };
  target?: number;
  note?: string;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<{ median: number; p95: number }> {
  await fn(); // warm the statement cache and the page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

async function dataset(): Promise<string> {
  const dir = join(tmpdir(), 'scp-bench');
  const path = join(dir, `large-v${SCHEMA_VERSION}-seed${LARGE.seed}.sqlite3`);
  if (existsSync(path)) return path;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const o = await openDatabase(path);
  const ctx = contextFor(o, path);
  await loadDemo(ctx);
  await loadLargeDemo(ctx, LARGE, (done, total) => process.stderr.write(`\rBuilding the large dataset… ${Math.floor((done / total) * 100)}%`));
  await o.close();
  process.stderr.write(`\rBuilt the large dataset in ${((Date.now() - started) / 1000).toFixed(1)} s (kept at ${path} for the next run)\n`);
  return path;
}

function contextFor(o: OpenedDatabase, path: string): HandlerContext {
  return { db: o.db, sqlite: o.sqlite, now: () => NOW, info: { version: 'bench', dbPath: path, schemaVersion: o.schemaVersion, sqliteVersion: '' }, dataDir: join(tmpdir(), 'scp-bench') };
}

async function main() {
  const path = await dataset();
  const rows: Row[] = [];

  const open = await time(async () => (await openDatabase(path)).close(), 7);
  rows.push({ name: 'open database (checks, migrations up to date)', ...open, target: 150 });

  const o = await openDatabase(path);
  const ctx = contextFor(o, path);
  const call = async (channel: string, arg: unknown) => {
    const r = await dispatch(handlers, ctx, channel, arg);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await call('setIdentity', { name: 'Bench', role: 'secretariat' });
  const themeId = o.sqlite.prepare('select theme_id from theme_evidence group by theme_id order by count(*) desc limit 1').pluck().get() as number;
  const evidenceId = o.sqlite.prepare('select max(id) from evidence').pluck().get() as number;
  const panelId = o.sqlite.prepare("select id from panels where date >= '2026-11-23' order by date limit 1").pluck().get() as number;

  // Each handler beside the main query it runs, as a raw prepared statement.
  const pairs: [string, string, unknown, string, unknown[]][] = [
    ['register: first page', 'listEvidence', {}, 'select id, type, ref, title, received_on from evidence where archived_at is null order by received_on desc, id desc limit 100', []],
    ['register: sorted by title', 'listEvidence', { sort: 'title', desc: false }, 'select id, ref, title from evidence where archived_at is null order by title, id limit 100', []],
    ['register: deep page (90,000)', 'listEvidence', { offset: 90_000 }, 'select id, ref, title from evidence where archived_at is null order by received_on desc, id desc limit 100 offset 90000', []],
    ['register: one source', 'listEvidence', { filter: { types: ['pfd'] } }, "select id, ref from evidence where archived_at is null and type = 'pfd' order by received_on desc, id desc limit 100", []],
    ['register: a year', 'listEvidence', { filter: { from: '2015-01-01', to: '2015-12-31' } }, "select id, ref from evidence where archived_at is null and received_on between '2015-01-01' and '2015-12-31' order by received_on desc, id desc limit 100", []],
    ['register: a tag', 'listEvidence', { filter: { tag: 'appointee' } }, "select e.id from evidence e where archived_at is null and e.id in (select evidence_id from evidence_labels where kind = 'tag' and value = 'appointee') order by received_on desc, id desc limit 100", []],
    ['register: one theme', 'listEvidence', { filter: { themeId } }, 'select e.id from evidence e where archived_at is null and e.id in (select evidence_id from theme_evidence where theme_id = ?) order by received_on desc limit 100', [themeId]],
    ['evidence record', 'getEvidence', { id: evidenceId }, 'select * from evidence where id = ?', [evidenceId]],
    ['coroners’ reports (DWP)', 'listCoronerReports', {}, 'select c.*, e.ref from coroner_reports c join evidence e on e.id = c.evidence_id where c.addressed_to_dwp = 1 and e.archived_at is null order by c.report_date desc', []],
    ['themes list', 'listThemes', {}, 'select t.id, t.title, count(l.id) from themes t left join theme_evidence l on l.theme_id = t.id group by t.id order by t.title', []],
    ['theme with profile', 'getTheme', { id: themeId }, 'select e.id, e.ref from theme_evidence l join evidence e on e.id = l.evidence_id where l.theme_id = ? order by e.received_on desc', [themeId]],
    ['theme suggestions', 'suggestEvidence', { themeId }, "select rowid from evidence_fts where evidence_fts match '\"appointee\"* OR \"recorded\"*' order by rank limit 15", []],
  ];
  for (const [name, channel, arg, rawSql, params] of pairs) {
    const handler = await time(() => call(channel, arg));
    const stmt = o.sqlite.prepare(rawSql);
    const raw = await time(() => stmt.all(...params));
    rows.push({ name, ...handler, raw: { ...raw, ratio: handler.median / Math.max(raw.median, 0.001) }, target: 20 });
  }
  const searchCommon = await time(() => call('search', { text: 'claimant' }));
  rows.push({ name: 'search: a word in most records', ...searchCommon, target: 30 });
  const searchRare = await time(() => call('search', { text: 'backdating' }));
  rows.push({ name: 'search: a rare word', ...searchRare, target: 30 });

  const agenda = await time(async () => {
    const { agendaDocument } = await import('../../electron/docs/planningDocs');
    const { packDocx } = await import('#templates/style/pack');
    await packDocx((await agendaDocument(ctx, panelId)).doc);
  }, 7);
  rows.push({ name: 'Word: agenda (built and packed)', ...agenda });

  await call('listEvidence', { limit: 500 });
  await call('listThemes', {});
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);

  const assets = resolve('dist/renderer/assets');
  const js = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  const gzKb = Math.round(js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024);
  await o.close();

  const counts = { evidence: LARGE.evidence, themes: LARGE.themes, links: LARGE.links };
  const result = { at: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, runs: RUNS, dataset: counts, rows, memory: { mainRssMb: rssMb, targetMb: 300 }, renderer: { jsGzipKb: gzKb, targetKb: 600 }, notYet: ['panel pack and minutes (not built yet)', 'timings in Chromium through the web preview'] };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(result, null, 2)}\n`);

  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number) => x.toFixed(1).padStart(8);
  console.log(`${pad('measure', 46)}${'median'.padStart(8)}${'p95'.padStart(8)}${'raw'.padStart(8)}${'ratio'.padStart(8)}  target`);
  for (const r of rows) {
    const miss = r.target !== undefined && r.p95 > r.target ? '  ✗' : r.target !== undefined ? '  ✓' : '';
    console.log(`${pad(r.name, 46)}${num(r.median)}${num(r.p95)}${r.raw ? num(r.raw.median) + r.raw.ratio.toFixed(2).padStart(8) : ''.padStart(16)}  ${r.target ? `< ${r.target} ms` : ''}${miss}`);
  }
  console.log(`main-process memory after the largest views: ${rssMb} MB (target < 300 MB)`);
  console.log(`renderer JavaScript: ${gzKb} KB gzipped (target < 600 KB)`);
  console.log('Not measured yet: the panel pack and minutes (not built), and timings in Chromium.');
  console.log('Wrote bench/results.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
