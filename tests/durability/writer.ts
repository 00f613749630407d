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
  const theme = await call('createTheme', { title: `${prefix} theme`, description: '', status: 'emerging', tags: [] });
  if (!theme.ok) throw new Error(theme.error.message);
  const themeId = (theme.value as { id: number }).id;
  let lastEvidence: { id: number; ref: string } | null = null;
  // Four kinds of write in turn: a member, an agenda item, an evidence record (with its restricted
  // field, labels and search index) and a link from that record to a theme.
  for (let i = 0; ; i++) {
    const name = `${prefix}-${i}`;
    const kind = !panelId && i % 4 === 1 ? 0 : i % 4;
    if (kind === 0) {
      const r = await call('createMember', { name, role: 'observer', organisation: 'Crash test', email: '', activeFrom: '2026-04-01' });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack member ${name}\n`);
    } else if (kind === 1) {
      const r = await call('addAgendaItem', { panelId, title: name, purpose: 'information', presenterId: null, minutes: 1 });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack item ${name}\n`);
    } else if (kind === 2 || !lastEvidence) {
      const r = await call('createEvidence', {
        ref: name,
        title: `Crash test ${name}`,
        summary: 'Written by the crash harness.',
        receivedOn: '2026-05-01',
        region: '',
        tags: ['crash'],
        sensitivity: 'official',
        details: { type: 'frontline', fromWhom: 'Crash test', channel: 'Harness' },
        personal: { personName: `Person ${name}`, caseReference: '' },
      });
      if (!r.ok) throw new Error(r.error.message);
      lastEvidence = { id: (r.value as { id: number }).id, ref: name };
      process.stdout.write(`ack evidence ${name}\n`);
    } else {
      const r = await call('linkEvidence', { themeId, evidenceIds: [lastEvidence.id], note: name });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack link ${lastEvidence.ref}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
