// Run by `npm run bench` as its own bundled Node process: the main process's code (database,
// handlers, dispatch) without the test tooling, loading the largest views one after another, as a
// secretariat working through the app would. Prints its memory as one JSON line.
import { openDatabase } from '#db/open';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';

async function main() {
  const path = process.argv[2];
  const o = await openDatabase(path);
  const ctx = { db: o.db, sqlite: o.sqlite, now: () => new Date('2026-11-23T10:00:00Z'), info: { version: 'bench', dbPath: path, schemaVersion: o.schemaVersion, sqliteVersion: '' }, dataDir: '' };
  const call = async (channel: string, arg: unknown) => {
    const r = await dispatch(handlers, ctx, channel, arg);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const one = (sql: string) => o.sqlite.prepare(sql).pluck().get() as number;
  const themeId = one('select theme_id from theme_evidence group by theme_id order by count(*) desc limit 1');
  const heldPanel = one("select p.id from panels p where p.status = 'minutes-approved' order by (select count(*) from decisions d where d.panel_id = p.id) desc limit 1");
  // Scrolling the register end to end, page by page, then every other large view.
  for (let offset = 0; offset < 100_000; offset += 5_000) await call('listEvidence', { offset, limit: 500 });
  await call('listThemes', {});
  await call('getTheme', { id: themeId });
  for (let offset = 0; offset < 15_000; offset += 1_500) await call('listCoronerReports', { all: true, offset, limit: 500 });
  for (let offset = 0; offset < 5_000; offset += 500) await call('listRecommendations', { offset, limit: 500 });
  await call('getMeeting', { panelId: heldPanel });
  await call('search', { text: 'claimant' });
  await call('listActions', {});
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
  const m = process.memoryUsage();
  await o.close();
  console.log(JSON.stringify({ mainRssMb: Math.round(m.rss / 1024 / 1024), heapMb: Math.round(m.heapUsed / 1024 / 1024) }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
