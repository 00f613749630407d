import { copyFileSync } from 'node:fs';
import { openDatabase } from '#db/open';
import type { HandlerContext } from '../../electron/handlers/context';
import { packDocument } from '../../electron/docs/packDocument';
import { packDocx } from '#templates/style/pack';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const path = '/tmp/zz-prof.sqlite3';
copyFileSync('/tmp/scp-bench/large-v16.4-seed2026.sqlite3', path);
const o = await openDatabase(path);
const NOW = new Date('2026-11-23T10:00:00Z');
const ctx: HandlerContext = { db: o.db, sqlite: o.sqlite, now: () => NOW, info: { version: 'bench', dbPath: path, schemaVersion: o.schemaVersion, sqliteVersion: '' }, dataDir: '/tmp/zz-data' };
process.env.SCP_LAYOUT_MEMORY = 'off';
const s = new Session(); s.connect();
await s.post('Profiler.enable');
for (let i = 0; i < 10; i++) {
  if (i === 3) { await s.post('Profiler.setSamplingInterval', { interval: 200 }); await s.post('Profiler.start'); }
  const t0 = performance.now();
  const built = await packDocument(ctx, 131);
  await packDocx(built.doc);
  console.log(Math.round(performance.now() - t0));
}
const { profile } = await s.post('Profiler.stop');
writeFileSync('/tmp/hp/pack.cpuprofile', JSON.stringify(profile));
