// The crash harness's child: opens the database with the app's own open path and writes through
// the real handlers, printing "ack <kind> <key>" only after each write has returned.
import { openDatabase } from '#db/open';
import { handlers } from '../../electron/handlers/index';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/ipc/dispatch';
import { dirname } from 'node:path';

async function main() {
  const [dbPath, prefix] = process.argv.slice(2);
  const opened = await openDatabase(dbPath);
  const ctx: HandlerContext = { db: opened.db,
    sqlite: opened.sqlite, now: () => new Date(), info: { version: 'crash', dbPath, schemaVersion: opened.schemaVersion, sqliteVersion: '' }, dataDir: dirname(dbPath) };
  const call = (c: string, a: unknown) => dispatch(handlers, ctx, c, a);
  await call('setIdentity', { name: 'Crash Writer', role: 'secretariat' });
  const panels = await call('listPanels', {});
  const panelId = panels.ok ? (panels.value as { upcoming: { id: number }[] }).upcoming[0]?.id : undefined;
  for (let i = 0; ; i++) {
    const name = `${prefix}-${i}`;
    if (i % 2 === 0 || !panelId) {
      const r = await call('createMember', { name, role: 'observer', organisation: 'Crash test', email: '', activeFrom: '2026-04-01' });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack member ${name}\n`);
    } else {
      const r = await call('addAgendaItem', { panelId, title: name, purpose: 'information', presenterId: null, minutes: 1 });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack item ${name}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
