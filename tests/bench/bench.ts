// npm run bench: the app's speed at twenty years' scale, on the large demonstration dataset.
// Every list, filter, search and detail handler is timed through the real dispatch (validation
// included) beside the very statements it ran, replayed as raw prepared better-sqlite3
// statements; then the Word documents, opening the database, the renderer in Chromium,
// main-process memory and the renderer's size. Prints a table and writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { MAIN_BUNDLE } from '../../electron/build.mjs';
import type Database from 'better-sqlite3';
import { clearStatementCache, openDatabase, type OpenedDatabase } from '#db/open';
import { SCHEMA_VERSION } from '#db/migrations/index';
import { loadDemo } from '../../electron/demo/demo';
import { LARGE, LARGE_DATASET_VERSION, loadLargeDemo } from '../../electron/demo/large';
import type { HandlerContext } from '../../electron/handlers/context';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';
import { letWarmWorkerGo, preparedPack } from '../../electron/docs/docWorkerHost';
import { runExport } from '../../electron/handlers/exports';
import { browserTimings } from './browser';
import { MachineGauge } from './machineGauge';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
/** Untimed packs made first on the worker started to time packs laid out afresh: enough for its compiled code to settle. */
const AFRESH_WARM_UPS = 3;
/** Packs timed from a cold start: each starts a worker and takes seconds, so fewer. */
const COLD_RUNS = Math.min(RUNS, 5);
/** `BENCH_ONLY=<pattern>` times only the measures whose names match it, prints them and writes nothing. */
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const wanted = (name: string) => !ONLY || ONLY.test(name);
const NOW = new Date('2026-11-23T10:00:00Z');
/** Where the dataset is kept between runs: `BENCH_DIR`, or scp-bench in the temporary folder. */
const WORK = process.env.BENCH_DIR ? resolve(process.env.BENCH_DIR) : join(tmpdir(), 'scp-bench');
/** This run's own files (its copy of the dataset, the memory probe), so two runs at once keep apart. */
const RUN_DIR = join(WORK, `run-${process.pid}`);

export interface Row {
  group: string;
  name: string;
  median: number;
  p95: number;
  raw?: { median: number; p95: number; ratio: number; statements: number };
  target?: number;
  ratioTarget?: number;
  note?: string;
  /** for the Word documents: how much slower than its best in this run the machine ran during the row (machineGauge.ts) */
  machineSlowdown?: number;
  /** and the reference work's median time during the row, in ms: comparable from run to run */
  machineMs?: number;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

/** `before`, if given, runs untimed before each call, the warm-ups' too (told which it is before). */
async function time(fn: () => unknown, runs = RUNS, before?: (warmUp: boolean) => void, warmUps = 1): Promise<{ median: number; p95: number }> {
  // warm the statement cache and the page cache (and a worker's compiled code)
  for (let i = 0; i < warmUps; i++) {
    before?.(true);
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.(false);
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/**
 * Times two ways of doing the same work turn about (one of each per run, after a warm-up call of
 * each), so that whatever else the machine is doing meanwhile weighs on both alike: their ratio
 * is not skewed by a busy minute that fell on one series and not the other.
 */
async function timeInTurn(a: () => unknown, b: () => unknown, runs = RUNS): Promise<[{ median: number; p95: number }, { median: number; p95: number }]> {
  await a();
  await b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await a();
    as.push(performance.now() - t);
    t = performance.now();
    await b();
    bs.push(performance.now() - t);
  }
  return [stats(as), stats(bs)];
}

function contextFor(o: OpenedDatabase, path: string): HandlerContext {
  return { db: o.db, sqlite: o.sqlite, now: () => NOW, info: { version: 'bench', dbPath: path, schemaVersion: o.schemaVersion, sqliteVersion: '' }, dataDir: join(RUN_DIR, 'data') };
}

async function call(ctx: HandlerContext, channel: string, arg: unknown) {
  const r = await dispatch(handlers, ctx, channel, arg);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** The large dataset, built once and kept; plus the panel the pack is timed on (12 theme papers). */
async function dataset(): Promise<string> {
  const path = join(WORK, `large-v${SCHEMA_VERSION}.${LARGE_DATASET_VERSION}-seed${LARGE.seed}.sqlite3`);
  if (existsSync(path) && existsSync(`${path}.json`)) return path;
  mkdirSync(WORK, { recursive: true });
  // Datasets of other schema or dataset versions are stale; another run's files are left alone.
  for (const name of readdirSync(WORK)) if (/^large-v.*\.sqlite3/.test(name) && !name.startsWith(`${path.slice(WORK.length + 1)}.building`)) rmSync(join(WORK, name), { force: true });
  const started = Date.now();
  // Built under another name and renamed when whole, so a stopped build is never taken for a dataset.
  const building = `${path}.building`;
  const o = await openDatabase(building);
  const ctx = contextFor(o, building);
  await loadDemo(ctx);
  await loadLargeDemo(ctx, LARGE, (done, total) => process.stderr.write(`\rBuilding the large dataset… ${Math.floor((done / total) * 100)}%`));
  const seconds = (Date.now() - started) / 1000;
  await call(ctx, 'setIdentity', { name: 'Bench', role: 'secretariat' });
  const panel = (await call(ctx, 'createPanel', { date: '2028-01-12', startTime: '10:00', endTime: '16:00', format: 'hybrid', location: 'Caxton House', notes: 'Benchmark: a full pack' })) as { id: number };
  const big = o.sqlite.prepare('select theme_id from theme_evidence group by theme_id having count(*) >= 25 order by theme_id limit 12').pluck().all() as number[];
  for (const themeId of big) await call(ctx, 'addAgendaItem', { panelId: panel.id, title: `Theme ${themeId}`, purpose: 'discussion', presenterId: null, minutes: 20, themeId });
  o.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await o.close();
  renameSync(building, path);
  writeFileSync(`${path}.json`, JSON.stringify({ builtInSeconds: seconds, packPanelId: panel.id }));
  process.stderr.write(`\rBuilt the large dataset in ${seconds.toFixed(1)} s (kept at ${path} for the next run)\n`);
  return path;
}

interface Captured {
  sql: string;
  params: unknown[];
  method: 'all' | 'get' | 'run' | 'iterate';
}

/** Runs fn once with every statement it prepares recorded, with the parameters it ran with. */
async function capture(sqlite: Database.Database, fn: () => Promise<unknown>): Promise<Captured[]> {
  const seen: Captured[] = [];
  clearStatementCache(sqlite); // so every statement is prepared, and seen, afresh
  const original = sqlite.prepare;
  sqlite.prepare = function (this: Database.Database, source: string) {
    const stmt = original.call(this, source);
    return new Proxy(stmt, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if ((prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') && typeof v === 'function') {
          return (...args: unknown[]) => {
            seen.push({ sql: source, params: args, method: prop });
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  } as typeof sqlite.prepare;
  try {
    await fn();
  } finally {
    sqlite.prepare = original;
    clearStatementCache(sqlite); // the recording statements must not stay in the cache
  }
  return seen;
}

/** Whether main's docx runs here as the app's bundle has it (npm run bench preloads docxPatches.mjs). */
const DOCX_PATCHED = (globalThis as Record<symbol, unknown>)[Symbol.for('scp.benchDocxPatched')] === true;

async function main() {
  const started = Date.now();
  if (!DOCX_PATCHED) process.stderr.write('Note: run through npm run bench (or tsx --import ./tests/bench/docxPatches.mjs) to time documents made in place with the docx patches the app applies.\n');
  const kept = await dataset();
  const meta = JSON.parse(readFileSync(`${kept}.json`, 'utf8')) as { builtInSeconds: number; packPanelId: number };
  // Work on a copy: the export timings write files and log entries.
  mkdirSync(RUN_DIR, { recursive: true });
  process.on('exit', () => rmSync(RUN_DIR, { recursive: true, force: true }));
  const path = join(RUN_DIR, 'bench-copy.sqlite3');
  copyFileSync(kept, path);
  const rows: Row[] = [];
  const log = (s: string) => process.stderr.write(`${s}\n`);
  // The machine's speed, sampled now (its best, in a quiet moment, is what the rows are read against) and before each Word document's run.
  const gauge = new MachineGauge();
  for (let i = 0; i < 10; i++) gauge.sample();
  /** Samples the machine before each timed run (not the warm-ups: the afresh row's start a worker). */
  const gaugeTimedRuns = (warmUp: boolean) => {
    if (!warmUp) gauge.sample();
  };

  if (wanted('open database')) {
    const open = await time(async () => (await openDatabase(path)).close(), 7);
    rows.push({ group: 'database', name: 'open database (checks, migrations up to date)', ...open, target: 150 });
  }

  const o = await openDatabase(path);
  const ctx = contextFor(o, path);
  await call(ctx, 'setIdentity', { name: 'Bench', role: 'secretariat' });
  const one = <T>(sql: string) => o.sqlite.prepare(sql).pluck().get() as T;
  const themeId = one<number>('select theme_id from theme_evidence group by theme_id order by count(*) desc limit 1');
  const evidenceId = one<number>('select max(id) from evidence');
  const nextPanel = one<number>("select id from panels where date >= '2026-11-23' and status != 'cancelled' order by date limit 1");
  const heldPanel = one<number>("select p.id from panels p where p.status = 'minutes-approved' order by (select count(*) from decisions d where d.panel_id = p.id) desc, p.date desc limit 1");
  const recId = one<number>('select recommendation_id from recommendation_updates group by recommendation_id order by count(*) desc limit 1');
  const dgId = one<number>("select id from members where role = 'director-general' order by id limit 1");
  const memberId = one<number>('select id from members order by id limit 1');
  const torId = one<number>('select id from tor_versions order by id desc limit 1');

  const cases: [string, string, unknown][] = [
    ['members', 'listMembers', {}],
    ['member', 'getMember', { id: memberId }],
    ['panels list', 'listPanels', {}],
    ['panel', 'getPanel', { id: nextPanel }],
    ['panel timetable', 'getPanelMilestones', { panelId: nextPanel }],
    ['Terms of Reference versions', 'listTorVersions', {}],
    ['Terms of Reference version', 'getTorVersion', { id: torId }],
    ['agenda', 'getAgenda', { panelId: nextPanel }],
    ['register: first page', 'listEvidence', {}],
    ['register: sorted by title', 'listEvidence', { sort: 'title', desc: false }],
    ['register: deep page (90,000)', 'listEvidence', { offset: 90_000 }],
    ['register: one source', 'listEvidence', { filter: { types: ['pfd'] } }],
    ['register: a year', 'listEvidence', { filter: { from: '2015-01-01', to: '2015-12-31' } }],
    ['register: a tag', 'listEvidence', { filter: { tag: 'appointee' } }],
    ['register: one theme', 'listEvidence', { filter: { themeId } }],
    ['register: words', 'listEvidence', { filter: { text: 'safeguarding' } }],
    ['evidence record', 'getEvidence', { id: evidenceId }],
    ['evidence labels (filter pickers)', 'getEvidenceLabels', {}],
    ['coroners’ reports (DWP): first page', 'listCoronerReports', {}],
    ['coroners’ reports (DWP): last page (10,000)', 'listCoronerReports', { offset: 10_000 }],
    ['coroners’ reports (all): first page', 'listCoronerReports', { all: true }],
    ['retention review: first page', 'listRetentionDue', {}],
    ['retention review: last page (25,000)', 'listRetentionDue', { offset: 25_000 }],
    ['themes list (2,000)', 'listThemes', {}],
    ['theme with profile', 'getTheme', { id: themeId }],
    ['theme suggestions', 'suggestEvidence', { themeId }],
    ['meeting (833 minute entries)', 'getMeeting', { panelId: heldPanel }],
    ['matters arising', 'getMattersArising', { panelId: nextPanel }],
    ['actions: open', 'listActions', { status: 'open' }],
    ['recommendations: first page (of 5,000)', 'listRecommendations', {}],
    ['recommendations: deep page (4,900)', 'listRecommendations', { offset: 4_900 }],
    ['recommendations: by DG, days open, first page', 'listRecommendations', { byDg: true, sort: 'daysOpen', desc: true }],
    ['recommendations: open', 'listRecommendations', { open: true }],
    ['recommendations: one DG, overdue', 'listRecommendations', { dgId, overdue: true }],
    ['recommendation with history', 'getRecommendation', { id: recId }],
    ['record history (audit)', 'getRecordHistory', { table: 'evidence', key: String(evidenceId) }],
    ['exports list', 'listExports', {}],
    ['dashboard summary', 'getDashboardSummary', {}],
    ['chart: evidence by quarter', 'getEvidenceByQuarter', {}],
    ['chart: recommendations', 'getRecommendationCharts', {}],
    ['chart: coroner timeliness', 'getCoronerTimeliness', {}],
    ['chart: IPR timeliness', 'getIprTimeliness', {}],
    ['search: a rare word', 'search', { text: 'backdating' }],
    ['search: a word in most records', 'search', { text: 'claimant' }],
  ];
  for (const [name, channel, arg] of cases) {
    if (!wanted(name)) continue;
    log(`timing ${name}`);
    const statements = await capture(o.sqlite, () => call(ctx, channel, arg));
    const prepared = statements.map((s) => ({ stmt: o.sqlite.prepare(s.sql), s }));
    const [handler, raw] = await timeInTurn(
      () => call(ctx, channel, arg),
      () => {
        for (const { stmt, s } of prepared) (stmt[s.method] as (...a: unknown[]) => unknown)(...s.params);
      },
    );
    const group = channel === 'search' || name.startsWith('register: words') ? 'search' : 'handlers';
    rows.push({ group, name, ...handler, raw: { ...raw, ratio: handler.median / Math.max(raw.median, 0.001), statements: statements.length }, target: group === 'search' ? 30 : 20, ratioTarget: 1.5 });
  }

  const doc = (channel: string, arg: unknown) => () => call(ctx, channel, { ...(arg as object), allowFindings: { reason: 'Benchmark: timing only, not for circulation' } });
  const docs: [string, string, unknown, number | undefined][] = [
    ['Word: agenda', 'exportAgenda', { panelId: nextPanel }, undefined],
    ['Word: Terms of Reference', 'exportTor', {}, undefined],
    ['Word: minutes (833 minute entries)', 'exportMinutes', { panelId: heldPanel }, 300],
    ['Word: recommendations tracker', 'exportTracker', {}, undefined],
    ['Word: Board report', 'exportBoardReport', { quarter: '2026-27 Q2' }, undefined],
  ];
  for (const [name, channel, arg, target] of docs) {
    if (!wanted(name)) continue;
    log(`timing ${name}`);
    // As many runs as every other measure, so the p95 is a 95th percentile and not the slowest of a few.
    gauge.measuring(name);
    rows.push({ group: 'documents', name, ...(await time(doc(channel, arg), RUNS, gaugeTimedRuns)), target, note: 'built, checked for personal data, written and logged' });
  }
  // The pack, on the warm export worker with nothing prepared, as when something changed after the
  // preparation: before each, one theme paper's description is changed (untimed), so that paper is
  // laid out again and the rest of the pack's parts are remembered (electron/docs/partLayout.ts).
  const changedTheme = one<number>(`select theme_id from agenda_items where panel_id = ${meta.packPanelId} and theme_id is not null order by id limit 1`);
  const description = one<string>(`select description from themes where id = ${changedTheme}`);
  const setDescription = o.sqlite.prepare('update themes set description = ? where id = ?');
  let revision = 0;
  try {
    const packName = 'Word: panel pack (12 theme papers, 300 evidence rows), a theme paper changed since the last';
    if (wanted(packName)) {
      log(`timing ${packName}`);
      const change = () => {
        revision += 1;
        setDescription.run(`${description}\n\nRevised for the benchmark (${revision}).`, changedTheme);
      };
      gauge.measuring(packName);
      const before = (warmUp: boolean) => {
        gaugeTimedRuns(warmUp);
        change();
      };
      rows.push({ group: 'documents', name: packName, ...(await time(doc('exportPack', { panelId: meta.packPanelId }), RUNS, before)), target: 2000, note: 'built on the warm export worker with nothing prepared, checked, written and logged' });
    }
    // The same with every page laid out afresh: a worker that remembers no part's layout.
    const afreshName = 'Word: panel pack, every page laid out afresh (no part remembered)';
    if (wanted(afreshName)) {
      log(`timing ${afreshName}`);
      await letWarmWorkerGo();
      process.env.SCP_LAYOUT_MEMORY = 'off';
      try {
        // The worker is started again to read the setting, so it is warmed as the one the other
        // packs are timed on: its first packs compile the layout's code (its second still takes
        // about 2.1 s). The first pack a new worker makes is timed below, as its own measure.
        gauge.measuring(afreshName);
        rows.push({
          group: 'documents',
          name: afreshName,
          ...(await time(doc('exportPack', { panelId: meta.packPanelId }), RUNS, gaugeTimedRuns, AFRESH_WARM_UPS)),
          target: 2000,
          note: `as a pack whose every part changed: the whole layout, part by part (on a worker started for it, after ${AFRESH_WARM_UPS} untimed packs)`,
        });
      } finally {
        delete process.env.SCP_LAYOUT_MEMORY;
        await letWarmWorkerGo();
      }
    }
  } finally {
    // The description as it was, however the timing ended.
    setDescription.run(description, changedTheme);
  }
  // The pack as the app's export job makes it: in the export worker, then checked, written and logged.
  const packInWorker = () => runExport(ctx, { kind: 'pack', panelId: meta.packPanelId, allowFindings: { reason: 'Benchmark: timing only, not for circulation' } });
  const coldName = 'Word: panel pack in the app, the first after start (a new worker, not prepared)';
  if (wanted(coldName)) {
    log(`timing ${coldName}`);
    await packInWorker(); // bundles the worker's script in this checkout (the app's build ships it)
    const samples: number[] = [];
    gauge.measuring(coldName);
    for (let i = 0; i < COLD_RUNS; i++) {
      await letWarmWorkerGo();
      gauge.sample();
      const t = performance.now();
      await packInWorker();
      samples.push(performance.now() - t);
    }
    rows.push({ group: 'documents', name: coldName, ...stats(samples), note: `${COLD_RUNS} runs, each in a worker started for it: what preparing the pack hides` });
  }
  const preparedName = 'Word: panel pack in the app, prepared when the screen offers it';
  if (wanted(preparedName)) {
    log(`timing ${preparedName}`);
    const samples: number[] = [];
    gauge.measuring(preparedName);
    for (let i = 0; i <= RUNS; i++) {
      // What the screen does when it shows "Issue the panel pack", untimed: the user reads the agenda meanwhile.
      const answer = (await call(ctx, 'preparePack', { panelId: meta.packPanelId })) as { preparing: boolean };
      if (!answer.preparing) throw new Error(`The pack was not prepared: ${JSON.stringify(answer)}`);
      while (!preparedPack()?.done) await new Promise((r) => setTimeout(r, 10));
      gauge.sample();
      const t = performance.now();
      await packInWorker();
      // the first, like every measure's, warms up
      if (i > 0) samples.push(performance.now() - t);
    }
    rows.push({ group: 'documents', name: preparedName, ...stats(samples), target: 2000, note: 'the export of a pack built ahead: checked for personal data, written and logged' });
  }
  await o.close();
  gauge.measuring(null);
  for (const r of rows) {
    const slowdown = gauge.slowdown(r.name);
    if (slowdown !== undefined) r.machineSlowdown = Math.round(slowdown * 100) / 100;
    const ms = gauge.median(r.name);
    if (ms !== undefined) r.machineMs = Math.round(ms * 10) / 10;
  }
  if (ONLY) {
    for (const r of rows) log(`${r.name}: median ${r.median.toFixed(1)}, p95 ${r.p95.toFixed(1)}${r.raw ? `, raw ${r.raw.median.toFixed(1)}, ratio ${r.raw.ratio.toFixed(2)}` : ''}${r.machineSlowdown ? `, machine ×${r.machineSlowdown.toFixed(2)} (${r.machineMs} ms)` : ''}`);
    return;
  }

  log('measuring main-process memory');
  const memory = await mainProcessMemory(path);

  const assets = resolve('dist/renderer/assets');
  const js = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];
  const gzKb = Math.round(js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024);

  if (process.env.BENCH_SKIP_BROWSER === '1') log('skipping the Chromium timings (BENCH_SKIP_BROWSER=1)');
  else {
    log('timing the renderer in Chromium');
    try {
      // The register and search measures run as many times as every other, so their p95 is a 95th
      // percentile and not the slowest of ten (meeting mode's typing is one run of 60 keystrokes).
      for (const b of await browserTimings(path, { log, runs: RUNS })) rows.push({ group: 'chromium', ...b });
    } catch (err) {
      // Reported in the table rather than losing the rest of the run.
      const message = err instanceof Error ? err.message : String(err);
      rows.push({ group: 'chromium', name: 'Chromium timings', median: Number.NaN, p95: Number.NaN, note: `not measured: ${message}` });
    }
  }

  const machine = `${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, node ${process.version}`;
  const scale = { evidence: LARGE.evidence, themes: LARGE.themes, links: LARGE.links, panels: LARGE.panels, recommendations: LARGE.recommendations, updates: LARGE.updates, minuteEntries: LARGE.minuteEntries };
  const result = {
    at: new Date().toISOString(),
    machine,
    runs: RUNS,
    docxPatched: DOCX_PATCHED,
    dataset: { ...scale, builtInSeconds: Math.round(meta.builtInSeconds) },
    rows,
    machineReference: {
      bestMs: Math.round(gauge.best * 10) / 10,
      note: 'the quickest the fixed reference work (tests/bench/machineGauge.ts) ran in this run; each Word row gives its machineSlowdown against it, and machineMs, its median',
    },
    memory: { ...memory, targetMb: 300 },
    renderer: { jsGzipKb: gzKb, targetKb: 600 },
    benchSeconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(result, null, 2)}\n`);
  print(result);
}

/**
 * The main process's memory, measured in a separate Node process running the same bundled code the
 * app's main process runs (handlers, Kysely, better-sqlite3; no test tooling), after it has loaded
 * the largest views.
 */
async function mainProcessMemory(dbPath: string): Promise<{ mainRssMb: number; heapMb: number }> {
  const outfile = join(RUN_DIR, 'memory-probe.cjs');
  await build({ ...MAIN_BUNDLE, entryPoints: ['tests/bench/memoryProbe.ts'], outfile, logLevel: 'warning' });
  const r = spawnSync(process.execPath, ['--expose-gc', outfile, dbPath], { encoding: 'utf8', env: { ...process.env, NODE_PATH: resolve('node_modules') } });
  if (r.status !== 0) throw new Error(`memory probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { mainRssMb: number; heapMb: number };
}

function print(result: { machine: string; rows: Row[]; memory: { mainRssMb: number; targetMb: number }; renderer: { jsGzipKb: number; targetKb: number }; dataset: Record<string, number>; benchSeconds: number }) {
  const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  const num = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(8);
  console.log(`Machine: ${result.machine}`);
  console.log(`Dataset: ${Object.entries(result.dataset).map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`).join(', ')}`);
  console.log(`${pad('measure (ms)', 56)}${'median'.padStart(8)}${'p95'.padStart(8)}${'raw'.padStart(8)}${'ratio'.padStart(7)}  target`);
  let misses = 0;
  for (const r of result.rows) {
    const slow = r.target !== undefined && r.p95 > r.target;
    // A ratio is judged where the statements themselves take a millisecond or more: below that,
    // the fixed cost of validating the call and building its queries (about 0.1-0.3 ms) is most
    // of any handler, and the time itself is what the user feels.
    const heavy = r.raw && r.ratioTarget !== undefined && r.raw.median >= 1 && r.raw.ratio > r.ratioTarget;
    if (slow || heavy) misses++;
    const mark = r.target === undefined ? '' : slow || heavy ? `  ✗ ${[slow && 'slow', heavy && 'ratio'].filter(Boolean).join(', ')}` : '  ✓';
    const machine = r.machineSlowdown === undefined ? '' : `  (machine ×${r.machineSlowdown.toFixed(2)}, ${r.machineMs} ms)`;
    console.log(`${pad(r.name, 56)}${num(r.median)}${num(r.p95)}${r.raw ? num(r.raw.median) + r.raw.ratio.toFixed(2).padStart(7) : ''.padStart(15)}  ${r.target ? `< ${r.target}` : ''}${mark}${machine}`);
  }
  const memMiss = result.memory.mainRssMb > result.memory.targetMb;
  const jsMiss = result.renderer.jsGzipKb > result.renderer.targetKb;
  console.log(`main-process memory after the largest views: ${result.memory.mainRssMb} MB (target < ${result.memory.targetMb} MB)${memMiss ? '  ✗' : '  ✓'}`);
  console.log(`renderer JavaScript: ${result.renderer.jsGzipKb} KB gzipped (target < ${result.renderer.targetKb} KB)${jsMiss ? '  ✗' : '  ✓'}`);
  console.log(`${misses + (memMiss ? 1 : 0) + (jsMiss ? 1 : 0)} targets missed; bench took ${result.benchSeconds} s. Wrote bench/results.json`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
