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
  // The meeting the setup left in progress: its one item's notes grow by a line per write.
  const meetingPanel = Number(process.env.SCP_CRASH_MEETING ?? 0);
  const dgId = Number(process.env.SCP_CRASH_DG ?? 0);
  const meeting = meetingPanel ? await call('getMeeting', { panelId: meetingPanel }) : null;
  if (meeting && !meeting.ok) throw new Error(meeting.error.message);
  const meetingItem = meeting?.ok ? (meeting.value as { items: { id: number; notes: string }[] }).items[0] : null;
  let notes = meetingItem?.notes ?? '';
  // Seven kinds of write in turn: a member, an agenda item, an evidence record (with its restricted
  // field, labels and search index), a link from that record to a theme, and in the meeting under
  // way: the item's notes, a decision, and a recommendation with an update in the tracker.
  const kinds = meetingItem ? 7 : 4;
  for (let i = 0; ; i++) {
    const name = `${prefix}-${i}`;
    // Each round starts at a different kind, so every kind is cut short somewhere.
    const k = (i + Number(/\d+/.exec(prefix)?.[0] ?? 0)) % kinds;
    const kind = !panelId && k === 1 ? 0 : k;
    if (kind === 4 && meetingItem) {
      notes = `${notes}\n${name}`;
      const r = await call('saveItemNotes', { itemId: meetingItem.id, notes });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack note ${name}\n`);
    } else if (kind === 5 && meetingItem) {
      const added = await call('addDecision', { itemId: meetingItem.id });
      if (!added.ok) throw new Error(added.error.message);
      const decisions = (added.value as { items: { decisions: { id: number }[] }[] }).items[0].decisions;
      const r = await call('updateDecision', { id: decisions[decisions.length - 1].id, text: name });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack decision ${name}\n`);
    } else if (kind === 6 && meetingItem) {
      const added = await call('addRecommendation', { itemId: meetingItem.id, text: name, dgId, owner: 'Crash owner', targetDate: '2027-06-30' });
      if (!added.ok) throw new Error(added.error.message);
      const recs = (added.value as { items: { recommendations: { id: number }[] }[] }).items[0].recommendations;
      const r = await call('addRecommendationUpdate', { id: recs[recs.length - 1].id, onDate: '2026-11-23', narrative: `update ${name}`, status: 'accepted' });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`ack rec ${name}\n`);
    } else if (kind === 0) {
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
