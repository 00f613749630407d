// The pack built ahead: when the screen offers to issue the pack, main begins building it in the
// export worker, and the export that follows uses it, but only if nothing in the database changed
// meanwhile (through the app, or another program) and it is still the same day. Otherwise the pack
// is built afresh, and the file always says what the database says when the user asks for it.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataVersion, preparedPack, useWorkerScript, warmWorker, workerRequests, workersStarted } from '../../electron/docs/docWorkerHost';
import { registerAuditFunctions } from '#db/audit';
import { restoreFrom } from '#db/backup';
import { openDatabase } from '#db/open';
import { docxParts } from '../../electron/docs/gate';
import { exportsInFlight, runExport } from '../../electron/handlers/exports';
import { JobCancelled, type JobControl } from '../../electron/jobs/registry';
import { makeHarness, ok, type Harness } from '../support/harness';
import { iprDueForErasure } from '../support/evidenceFixtures';
import { panelWithApprovedAgenda, settleJob } from '../support/jobs';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z', file: true });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());

/** Waits (12 s at most) for a condition to hold, and fails if it never does. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

/** Waits until the preparation has finished building (or given up). */
const prepared = () => until(() => preparedPack()?.done === true);

const headerText = (path: string) =>
  docxParts(readFileSync(path))
    .filter((p) => p.part === 'page header')
    .map((p) => p.text)
    .join('\n');

describe('the pack prepared ahead', () => {
  it('is used by the export that follows when nothing has changed: no second build, and the same file a fresh build makes', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    const fresh = await runExport(h.ctx, { kind: 'pack', panelId });
    // The first export issued the pack; a preparation now is of the issued pack.
    expect(ok(await h.api.preparePack({ panelId }))).toEqual({ preparing: true });
    expect(preparedPack()).toMatchObject({ panelId });
    // Asked again for the same pack of the same data: the one preparation stands.
    const asked = workerRequests();
    expect(ok(await h.api.preparePack({ panelId }))).toEqual({ preparing: true });
    expect(workerRequests()).toBe(asked);
    await prepared();
    const steps: string[] = [];
    const watch: JobControl = { progress: (_d, _t, m) => void (m && steps.push(m)), checkpoint: async () => {}, throwIfCancelled: () => {} };
    const used = await runExport(h.ctx, { kind: 'pack', panelId }, watch);
    expect(workerRequests()).toBe(asked);
    expect(preparedPack()).toBeNull();
    expect(steps).toEqual(['Gathering the records…', 'Laying out the pages and numbering the contents…', 'Checking for personal data…', 'Writing the file…']);
    const text = (path: string) => docxParts(readFileSync(path)).filter((p) => p.part !== 'document properties');
    expect(text(used.path)).toEqual(text(fresh.path));
    expect(ok(await h.api.listExports({})).map((e) => e.kind)).toEqual(['pack', 'pack']);
  });

  it('is not used once anything in the database has changed: the export builds afresh and shows the change', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    ok(await h.api.preparePack({ panelId }));
    await prepared();
    ok(await h.api.setDocumentSettings({ marking: 'OFFICIAL' }));
    const asked = workerRequests();
    const file = await runExport(h.ctx, { kind: 'pack', panelId });
    expect(workerRequests()).toBe(asked + 1);
    expect(headerText(file.path)).toContain('OFFICIAL');
    expect(headerText(file.path)).not.toContain('OFFICIAL-SENSITIVE');
    expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('pack-issued');
  });

  it('is not used once another program has written to the database file', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    ok(await h.api.preparePack({ panelId }));
    await prepared();
    const before = dataVersion(h.ctx.sqlite);
    // Another program that writes as the app does (the command-line tool, say).
    const other = new Database(h.ctx.info.dbPath);
    registerAuditFunctions(other);
    const put = other.prepare("insert into settings (key, value, updated_at) values ('documents', ?, ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify({ marking: 'OFFICIAL' }), '2026-11-23T10:05:00Z');
    other.close();
    expect(put.changes).toBe(1);
    expect(dataVersion(h.ctx.sqlite)).not.toBe(before);
    const asked = workerRequests();
    const file = await runExport(h.ctx, { kind: 'pack', panelId });
    expect(workerRequests()).toBe(asked + 1);
    expect(headerText(file.path)).not.toContain('OFFICIAL-SENSITIVE');
  });

  it('is not used for another panel’s pack, nor on another day', async () => {
    const first = await panelWithApprovedAgenda(h.api);
    const second = await panelWithApprovedAgenda(h.api, '2027-05-12');
    ok(await h.api.preparePack({ panelId: first }));
    await prepared();
    let asked = workerRequests();
    await runExport(h.ctx, { kind: 'pack', panelId: second });
    expect(workerRequests()).toBe(asked + 1);
    expect(preparedPack()).toBeNull();

    // Prepared at 23:59 London time, asked for at 00:01: the pack's date would be yesterday's.
    h.setNow('2026-11-23T23:59:00Z');
    ok(await h.api.preparePack({ panelId: first }));
    await prepared();
    h.setNow('2026-11-24T00:01:00Z');
    asked = workerRequests();
    await runExport(h.ctx, { kind: 'pack', panelId: first });
    expect(workerRequests()).toBe(asked + 1);
  });

  it('still being built when something changes: the export waits for its worker, then builds afresh on it, warm', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    const asked = workerRequests();
    ok(await h.api.preparePack({ panelId }));
    expect(preparedPack()).toMatchObject({ panelId, done: false });
    const preparing = warmWorker();
    expect(preparing).toMatchObject({ busy: true });
    const started = workersStarted();
    ok(await h.api.setDocumentSettings({ marking: 'OFFICIAL' }));
    const file = await runExport(h.ctx, { kind: 'pack', panelId });
    expect(headerText(file.path)).not.toContain('OFFICIAL-SENSITIVE');
    expect(preparedPack()).toBeNull();
    // Two builds on the one worker, and no other started: the preparation (finished, not used) and the export's own.
    expect(workerRequests()).toBe(asked + 2);
    expect(workersStarted()).toBe(started);
    expect(warmWorker()).toEqual({ threadId: preparing?.threadId, busy: false });
  });

  it('still being built when the same pack is asked for: the export waits for it; a cancel meanwhile writes nothing and leaves it for the next', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    const asked = workerRequests();
    ok(await h.api.preparePack({ panelId }));
    const cancelled: JobControl = {
      progress: () => {},
      checkpoint: async () => {},
      throwIfCancelled: () => {
        throw new JobCancelled();
      },
    };
    await expect(runExport(h.ctx, { kind: 'pack', panelId }, cancelled)).rejects.toBeInstanceOf(JobCancelled);
    expect(ok(await h.api.listExports({}))).toEqual([]);
    expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('agenda-approved');
    expect(preparedPack()).toMatchObject({ panelId });

    const started = workersStarted();
    const job = await settleJob(h.api, ok(await h.api.startExport({ kind: 'pack', panelId })));
    expect(job).toMatchObject({ state: 'done' });
    // One build, the preparation's, which the cancelled export and this one both waited for.
    expect(workerRequests()).toBe(asked + 1);
    expect(workersStarted()).toBe(started);
    expect(preparedPack()).toBeNull();
    expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('pack-issued');
  });

  it('for another panel while one is building: the new one follows it on the same worker and is the one kept', async () => {
    const first = await panelWithApprovedAgenda(h.api);
    const second = await panelWithApprovedAgenda(h.api, '2027-05-12');
    const asked = workerRequests();
    const started = workersStarted();
    ok(await h.api.preparePack({ panelId: first }));
    expect(ok(await h.api.preparePack({ panelId: second }))).toEqual({ preparing: true });
    expect(preparedPack()).toMatchObject({ panelId: second, done: false });
    await prepared();
    await runExport(h.ctx, { kind: 'pack', panelId: second });
    expect(workerRequests()).toBe(asked + 2);
    expect(workersStarted()).toBe(started);
  });

  it('is stopped and let go before a restore puts a backup in place of the database', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    const backup = ok(await h.api.backupNow({}));
    ok(await h.api.preparePack({ panelId }));
    expect(preparedPack()).toMatchObject({ done: false });
    expect(ok(await h.api.restoreBackup({ name: backup.name }))).toMatchObject({ restored: backup.name });
    expect(preparedPack()).toBeNull();
    // The export after the restore reads the restored file, on a new connection.
    await expect(runExport(h.ctx, { kind: 'pack', panelId })).resolves.toMatchObject({ bytes: expect.any(Number) });
  });

  it('of a pack that cannot be built is not kept: the export says why', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    ok(await h.api.cancelPanel({ id: panelId, reason: 'The chair is unavailable' }));
    expect(ok(await h.api.preparePack({ panelId }))).toEqual({ preparing: true });
    await prepared();
    await expect(runExport(h.ctx, { kind: 'pack', panelId })).rejects.toThrow('This panel was cancelled, so it has no pack.');
    expect(preparedPack()).toBeNull();
    expect(ok(await h.api.listExports({}))).toEqual([]);
  });

  it('is not begun for a panel that does not exist, while the worker is busy, or inside a transaction', async () => {
    expect(await h.api.preparePack({ panelId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const panelId = await panelWithApprovedAgenda(h.api);
    const exporting = runExport(h.ctx, { kind: 'pack', panelId });
    // The export has taken the warm worker; a preparation would only compete with it.
    await until(() => warmWorker()?.busy === true);
    expect(ok(await h.api.preparePack({ panelId }))).toEqual({ preparing: false, reason: 'busy' });
    await exporting;
    h.ctx.sqlite.exec('begin');
    try {
      expect(ok(await h.api.preparePack({ panelId }))).toEqual({ preparing: false, reason: 'changing' });
    } finally {
      h.ctx.sqlite.exec('rollback');
    }
  });

  it('is not begun for a database in memory, whose documents are built in place', async () => {
    const memory = await makeHarness();
    try {
      await memory.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
      const panelId = await panelWithApprovedAgenda(memory.api);
      expect(ok(await memory.api.preparePack({ panelId }))).toEqual({ preparing: false, reason: 'in-memory' });
    } finally {
      await memory.close();
    }
  });
});

/**
 * A panel, a backup of the database with the default marking (OFFICIAL-SENSITIVE), then the marking
 * changed to OFFICIAL and a pack made with it, on the warm worker, which keeps its connection.
 */
async function packMadeAfterABackup() {
  const panelId = await panelWithApprovedAgenda(h.api);
  const backup = ok(await h.api.backupNow({}));
  ok(await h.api.setDocumentSettings({ marking: 'OFFICIAL' }));
  const before = await runExport(h.ctx, { kind: 'pack', panelId });
  expect(headerText(before.path)).not.toContain('OFFICIAL-SENSITIVE');
  return { panelId, backup };
}

describe('the warm export worker’s connection', () => {
  it('is kept between packs, and each pack still reads everything committed before it was asked for', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    await runExport(h.ctx, { kind: 'pack', panelId });
    const started = workersStarted();
    const { threadId } = warmWorker()!;
    ok(await h.api.setDocumentSettings({ marking: 'OFFICIAL' }));
    const first = await runExport(h.ctx, { kind: 'pack', panelId });
    expect(headerText(first.path)).not.toContain('OFFICIAL-SENSITIVE');
    ok(await h.api.setDocumentSettings({ marking: 'OFFICIAL-SENSITIVE' }));
    const second = await runExport(h.ctx, { kind: 'pack', panelId });
    expect(headerText(second.path)).toContain('OFFICIAL-SENSITIVE');
    // the same warm worker made all three
    expect(workersStarted()).toBe(started);
    expect(warmWorker()).toMatchObject({ threadId, busy: false });
  });

  it('is closed with the warm worker before a restore, so the next pack reads the file put back, not the one set aside', async () => {
    const { panelId, backup } = await packMadeAfterABackup();
    expect(warmWorker()).toMatchObject({ busy: false });
    const started = workersStarted();
    ok(await h.api.restoreBackup({ name: backup.name }));
    // let go, and its connection with it: a connection kept open would read the file set aside
    expect(warmWorker()).toBeNull();
    const after = await runExport(h.ctx, { kind: 'pack', panelId });
    expect(headerText(after.path)).toContain('OFFICIAL-SENSITIVE');
    expect(workersStarted()).toBe(started + 1);
  });

  it('is not replaced under an export asked for on a plain channel: the restore is refused until it is written', async () => {
    const panelId = await panelWithApprovedAgenda(h.api);
    const backup = ok(await h.api.backupNow({}));
    const exporting = h.api.exportPack({ panelId });
    await until(() => exportsInFlight() === 1);
    const refused = await h.api.restoreBackup({ name: backup.name });
    expect(refused.ok || refused.error).toMatchObject({ code: 'conflict', message: 'A document is still being written. Wait for it to finish, then restore; nothing was changed.' });
    const written = ok(await exporting);
    expect(ok(await h.api.listExports({})).map((e) => e.path)).toEqual([written.path]);
    expect(exportsInFlight()).toBe(0);
    expect(ok(await h.api.restoreBackup({ name: backup.name })).restored).toBe(backup.name);
  });

  it('is opened afresh when another file has been put in place of the database, even by something that did not let the worker go', async () => {
    const { panelId, backup } = await packMadeAfterABackup();
    const started = workersStarted();
    // the backup put in place as a restore does, but with the warm worker and its connection left alone
    const dbPath = h.ctx.info.dbPath;
    await h.opened.close();
    restoreFrom(backup.path, dbPath, 'by-another-route');
    const reopened = await openDatabase(dbPath);
    Object.assign(h.ctx, { db: reopened.db, sqlite: reopened.sqlite });
    h.opened = reopened;
    expect(warmWorker()).toMatchObject({ busy: false });
    const after = await runExport(h.ctx, { kind: 'pack', panelId });
    expect(headerText(after.path)).toContain('OFFICIAL-SENSITIVE');
    // the same warm worker, with a new connection
    expect(workersStarted()).toBe(started);
  });
});

describe('the pack made in the worker, checked for personal data', () => {
  /**
   * A panel whose theme paper draws on evidence with a restricted name, with an NI number planted
   * in its agenda item's title and the name in the theme's description (as an import or an older
   * version might leave them: the app's own forms warn first).
   */
  async function plantedPanel() {
    const panelId = await panelWithApprovedAgenda(h.api);
    const evidence = ok(await h.api.createEvidence(iprDueForErasure(1)));
    const theme = ok(await h.api.createTheme({ title: 'Lost contact', description: 'Payments stop after contact is lost.', status: 'scheduled', tags: [] }));
    ok(await h.api.linkEvidence({ themeId: theme.id, evidenceIds: [evidence.id] }));
    const item = h.ctx.sqlite.prepare('select id from agenda_items where panel_id = ?').pluck().get(panelId) as number;
    h.ctx.sqlite.prepare("update agenda_items set theme_id = ?, title = title || ' QQ 12 34 56 C' where id = ?").run(theme.id, item);
    h.ctx.sqlite.prepare("update themes set description = description || ' Raised by Person 1.' where id = ?").run(theme.id);
    return { panelId, item, evidenceId: evidence.id };
  }
  const expected = (p: { item: number; evidenceId: number }) => [
    { kind: 'ni-number', masked: 'QQ •• •• •• C', recordType: 'agenda_item', recordId: p.item, field: 'title' },
    { kind: 'restricted', masked: 'P••••• •', recordType: 'evidence', recordId: p.evidenceId, field: 'personName' },
  ];
  const findingsOf = async (run: Promise<unknown>) => {
    const err = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'personal-data' });
    return (err as { findings: unknown[] }).findings;
  };

  it('finds what is planted, each finding named by its record, afresh and prepared ahead alike; nothing is written', async () => {
    const p = await plantedPanel();
    // Afresh, in the worker: the sources are looked at in main while the worker lays the pages out.
    const started = workerRequests();
    expect(await findingsOf(runExport(h.ctx, { kind: 'pack', panelId: p.panelId }))).toEqual(expected(p));
    expect(workerRequests()).toBe(started + 1);
    // Prepared ahead, then asked for.
    expect(ok(await h.api.preparePack({ panelId: p.panelId }))).toEqual({ preparing: true });
    await prepared();
    expect(await findingsOf(runExport(h.ctx, { kind: 'pack', panelId: p.panelId }))).toEqual(expected(p));
    expect(workerRequests()).toBe(started + 2);
    expect(ok(await h.api.listExports({}))).toEqual([]);
    // Exported despite them, with a reason: the log keeps the findings.
    const written = await runExport(h.ctx, { kind: 'pack', panelId: p.panelId, allowFindings: { reason: 'Checked with the data protection officer' } });
    const logged = h.ctx.sqlite.prepare('select overridden from export_log where id = ?').pluck().get(written.logId) as string;
    expect(JSON.parse(logged)).toEqual(expected(p));
  });

  it('is refused, and nothing written, when the worker sends the document without what the gate needs of its records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scp-worker-'));
    const script = join(dir, 'no-sources.cjs');
    // A worker of another version: says it has read the records, but not what they hold, then sends a document.
    writeFileSync(
      script,
      "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => { parentPort.postMessage({ id: m.id, step: 'built' }); parentPort.postMessage({ id: m.id, done: { bytes: new Uint8Array([80, 75]), fileName: 'pack.docx' } }); });\n",
    );
    useWorkerScript(script);
    try {
      const panelId = await panelWithApprovedAgenda(h.api);
      await expect(runExport(h.ctx, { kind: 'pack', panelId })).rejects.toThrow('The document builder sent a document without its sources.');
      expect(ok(await h.api.listExports({}))).toEqual([]);
    } finally {
      useWorkerScript(null);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
