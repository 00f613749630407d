// Exports, backups and erasure runs as jobs: progress while they run, and a cancel at any point
// before they commit leaves nothing behind: no file, no log row, no status change, nothing erased.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '#shared/domain/jobs';
import { backupTo } from '#db/backup';
import { JobCancelled, type JobControl } from '../../electron/jobs/registry';
import { runExport } from '../../electron/handlers/exports';
import { useWorkerScript, warmWorker, watched } from '../../electron/docs/docWorkerHost';
import { runErasure } from '../../electron/handlers/retention';
import { makeHarness, ok, type Harness } from '../support/harness';
import { iprDueForErasure as ipr } from '../support/evidenceFixtures';
import { panelWithApprovedAgenda, settleJob } from '../support/jobs';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z', file: true });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());

const settle = (s: JobStatus) => settleJob(h.api, s);

/**
 * A job control that records what it was told and cancels at the nth checkpoint between steps
 * (counted from 1), or, with `looks`, at the nth look from synchronous work (a backup's copy
 * steps, the export worker's watch while it builds).
 */
function cancelAt(n: number, { looks = Infinity }: { looks?: number } = {}) {
  const seen: string[] = [];
  let checkpoints = 0;
  let looked = 0;
  const control: JobControl = {
    progress: (_d, _t, message) => {
      if (message && seen.at(-1) !== message) seen.push(message);
    },
    checkpoint: async () => {
      if (++checkpoints === n) throw new JobCancelled();
    },
    throwIfCancelled: () => {
      if (++looked === looks) throw new JobCancelled();
    },
  };
  return { control, seen, checkpoints: () => checkpoints };
}

const exportsDir = () => join(h.ctx.dataDir, 'exports');
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

const approvedPanel = () => panelWithApprovedAgenda(h.api);

describe('exports as jobs', () => {
  it('writes the pack through a job, reporting each step, and issues the pack', async () => {
    const panelId = await approvedPanel();
    const done = await settle(ok(await h.api.startExport({ kind: 'pack', panelId })));
    expect(done).toMatchObject({ kind: 'export', state: 'done', label: 'Writing the panel pack', cancelling: false, failure: null });
    const file = done.result as { path: string; bytes: number };
    expect(existsSync(file.path)).toBe(true);
    expect(ok(await h.api.listExports({})).map((e) => e.kind)).toEqual(['pack']);
    expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('pack-issued');
  });

  it('keeps its worker warm for the next pack, runs two at once, and stops the worker of a cancelled one', async () => {
    const panelId = await approvedPanel();
    await runExport(h.ctx, { kind: 'pack', panelId });
    const first = warmWorker();
    expect(first).toMatchObject({ busy: false });
    await runExport(h.ctx, { kind: 'pack', panelId });
    expect(warmWorker()).toEqual(first);
    const both = await Promise.all([runExport(h.ctx, { kind: 'pack', panelId }), runExport(h.ctx, { kind: 'pack', panelId })]);
    expect(both.map((f) => existsSync(f.path))).toEqual([true, true]);
    expect(warmWorker()).toEqual(first);
    // Cancelled before it took the worker: the worker stays warm for the next.
    await expect(runExport(h.ctx, { kind: 'pack', panelId }, cancelAt(Infinity, { looks: 1 }).control)).rejects.toBeInstanceOf(JobCancelled);
    expect(warmWorker()).toEqual(first);
    // Cancelled once the worker has it: the worker is stopped, and the next pack starts another.
    await expect(runExport(h.ctx, { kind: 'pack', panelId }, cancelAt(Infinity, { looks: 2 }).control)).rejects.toBeInstanceOf(JobCancelled);
    expect(warmWorker()).toBeNull();
    await runExport(h.ctx, { kind: 'pack', panelId });
    expect(warmWorker()?.threadId).not.toBe(first?.threadId);
  });

  it('names each step while it runs', async () => {
    const panelId = await approvedPanel();
    const watch = cancelAt(Infinity);
    await runExport(h.ctx, { kind: 'pack', panelId }, watch.control);
    expect(watch.seen).toEqual(['Gathering the records…', 'Laying out the pages and numbering the contents…', 'Checking for personal data…', 'Writing the file…']);
  });

  for (const [step, watch, checkpoints] of [
    ['before a worker is taken', () => cancelAt(Infinity, { looks: 1 }), 0],
    ['as the wait for its worker begins', () => cancelAt(Infinity, { looks: 2 }), 0],
    ['once it is built, before the personal-data check', () => cancelAt(1), 1],
    ['after the check, just before the file is written', () => cancelAt(2), 2],
  ] as const) {
    it(`cancelled ${step}: no file, nothing logged, the panel’s status unchanged`, async () => {
      const panelId = await approvedPanel();
      const w = watch();
      await expect(runExport(h.ctx, { kind: 'pack', panelId }, w.control)).rejects.toBeInstanceOf(JobCancelled);
      // It stopped where it was meant to: not before, nor after another step.
      expect(w.checkpoints()).toBe(checkpoints);
      expect(files(exportsDir()).filter((f) => f.endsWith('.docx') || f.endsWith('.partial'))).toEqual([]);
      expect(ok(await h.api.listExports({}))).toEqual([]);
      expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('agenda-approved');
    });
  }

  it('cancelled once its worker is laying out the pages: heard at the next look, the worker stopped, nothing written', async () => {
    // A worker that says it has read the records and is laying out, then never finishes: the
    // cancel can only be heard by a look made while it builds.
    const dir = mkdtempSync(join(tmpdir(), 'scp-worker-'));
    const stalled = join(dir, 'stalled.cjs');
    writeFileSync(stalled, "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => parentPort.postMessage({ id: m.id, step: 'built' }));\n");
    useWorkerScript(stalled);
    try {
      const panelId = await approvedPanel();
      let laying = false;
      let looks = 0;
      let looksBefore = 0;
      const control: JobControl = {
        progress: (_d, _t, message) => {
          if (message?.startsWith('Laying out') && !laying) {
            laying = true;
            looksBefore = looks;
          }
        },
        checkpoint: async () => {},
        throwIfCancelled: () => {
          looks++;
          if (laying) throw new JobCancelled();
        },
      };
      await expect(runExport(h.ctx, { kind: 'pack', panelId }, control)).rejects.toBeInstanceOf(JobCancelled);
      // Looked before taking a worker and as the wait began; heard at the first look after the worker said it was laying out.
      expect(looksBefore).toBeGreaterThanOrEqual(2);
      expect(looks).toBe(looksBefore + 1);
      expect(warmWorker()).toBeNull();
      expect(files(exportsDir()).filter((f) => f.endsWith('.docx') || f.endsWith('.partial'))).toEqual([]);
      expect(ok(await h.api.listExports({}))).toEqual([]);
      expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('agenda-approved');
    } finally {
      useWorkerScript(null);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hears a cancel asked for before the wait began, even when the answer is already there', async () => {
    const answer = Promise.resolve('built');
    await expect(watched(answer, () => {})).resolves.toBe('built');
    await expect(
      watched(answer, () => {
        throw new JobCancelled();
      }),
    ).rejects.toBeInstanceOf(JobCancelled);
  });

  it('cancelled through the channel as soon as it starts: the job says so and nothing is written', async () => {
    const panelId = await approvedPanel();
    const started = ok(await h.api.startExport({ kind: 'pack', panelId }));
    const asked = ok(await h.api.cancelJob({ id: started.id }));
    expect(asked).toMatchObject({ cancelling: true, message: 'Stopping…' });
    const end = await settle(asked);
    expect(end).toMatchObject({ state: 'cancelled', cancelling: false, message: 'Cancelled: nothing was changed.' });
    expect(files(exportsDir())).toEqual([]);
    expect(ok(await h.api.listExports({}))).toEqual([]);
    expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('agenda-approved');
  });

  it('hands back the personal-data findings of a failed export, for the screen to show', async () => {
    const p = ok(await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' }));
    ok(await h.api.addAgendaItem({ panelId: p.id, title: 'Claimant QQ 12 34 56 C', purpose: 'discussion', presenterId: null, minutes: 20 }));
    const end = await settle(ok(await h.api.startExport({ kind: 'agenda', panelId: p.id })));
    expect(end.state).toBe('failed');
    expect(end.failure).toMatchObject({ code: 'personal-data', findings: [{ kind: 'ni-number', recordType: 'agenda_item', field: 'title' }] });
    expect(end.error).toMatch(/not written/);
    expect(files(exportsDir())).toEqual([]);
  });

  it('refuses a request for an unknown document, and one from nobody, before any job starts', async () => {
    const bad = await h.api.startExport({ kind: 'memo' } as never);
    expect(bad.ok || bad.error.code).toBe('invalid-argument');
    await h.ctx.db.deleteFrom('settings').where('key', '=', 'identity').execute();
    const nobody = await h.api.startExport({ kind: 'tracker' });
    expect(nobody.ok || nobody.error.code).toBe('forbidden');
  });
});

describe('backups as jobs', () => {
  /** Enough rows that the copy takes several steps of 1,000 pages. */
  function fill(megabytes: number) {
    h.opened.sqlite.exec('create table if not exists ballast (b blob)');
    const put = h.opened.sqlite.prepare('insert into ballast values (randomblob(65536))');
    h.opened.sqlite.transaction(() => {
      for (let i = 0; i < megabytes * 16; i++) put.run();
    })();
  }
  const backups = () => files(join(h.ctx.dataDir, 'backups'));

  it('backs up through a job, with the pages copied and then the check of the copy', async () => {
    const seen: string[] = [];
    const r = await backupTo(h.opened.sqlite, join(h.ctx.dataDir, 'backups', 'watched.sqlite3'), { progress: (_d, _t, m) => void (seen.at(-1) !== m && seen.push(m)) });
    expect(r.integrity).toBe('ok');
    expect(seen).toEqual(['Copying the database…', 'Checking the copy…']);
    const done = await settle(ok(await h.api.startBackup({})));
    expect(done).toMatchObject({ kind: 'backup', state: 'done' });
    expect((done.result as { integrity: string }).integrity).toBe('ok');
    expect(backups()).toContain((done.result as { name: string }).name);
  });

  it('waits for a transaction open on its connection (an erasure, an import), and copies everything', async () => {
    fill(12);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = h.ctx.db.transaction().execute(async (t) => {
      await t.insertInto('settings').values({ key: 'held', value: '1', updated_at: 'now' }).execute();
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(h.opened.sqlite.inTransaction).toBe(true);
    const backup = backupTo(h.opened.sqlite, join(h.ctx.dataDir, 'backups', 'during.sqlite3'));
    await new Promise((r) => setTimeout(r, 300));
    release();
    await tx;
    const r = await backup;
    const copy = new Database(r.path, { readonly: true });
    expect(copy.pragma('page_count', { simple: true })).toBe(h.opened.sqlite.pragma('page_count', { simple: true }));
    expect(copy.prepare('select count(*) from ballast').pluck().get()).toBe(12 * 16);
    expect(copy.prepare("select value from settings where key = 'held'").pluck().get()).toBe('1');
    copy.close();
  });

  it('stopped part-way through the copy: the partial file is removed and no backup is listed', async () => {
    fill(12);
    const watch = cancelAt(Infinity, { looks: 3 }); // after the first copy steps
    const copied: number[] = [];
    await expect(
      backupTo(h.opened.sqlite, join(h.ctx.dataDir, 'backups', 'stopped.sqlite3'), { progress: (d, _t, m) => void (m === 'Copying the database…' && copied.push(d)), throwIfStopped: watch.control.throwIfCancelled }),
    ).rejects.toBeInstanceOf(JobCancelled);
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.at(-1)).toBeLessThan(12 * 16 * 16); // stopped before all the pages were copied
    expect(backups()).toEqual([]);
    expect(ok(await h.api.listBackups({})).backups).toEqual([]);
  });

  it('stopped while the copy is being checked: nothing is kept', async () => {
    fill(64); // a check of this size takes several of the 100 ms between looks
    let copied = false;
    await expect(
      backupTo(h.opened.sqlite, join(h.ctx.dataDir, 'backups', 'stopped.sqlite3'), {
        progress: (_d, _t, m) => void (m === 'Checking the copy…' && (copied = true)),
        throwIfStopped: () => {
          if (copied) throw new JobCancelled();
        },
      }),
    ).rejects.toBeInstanceOf(JobCancelled);
    expect(backups()).toEqual([]);
  });

  it('refuses to restore while a job is running, naming it', async () => {
    const earlier = ok(await h.api.backupNow({}));
    fill(12);
    const started = ok(await h.api.startBackup({}));
    const refused = await h.api.restoreBackup({ name: earlier.name });
    expect(refused.ok || refused.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Backing up the database is still running/) });
    expect(await settle(started)).toMatchObject({ state: 'done' });
    expect(ok(await h.api.restoreBackup({ name: earlier.name })).restored).toBe(earlier.name);
  });

  it('cancelled through the channel: the job says so and the folder holds no backup', async () => {
    fill(4);
    const started = ok(await h.api.startBackup({}));
    ok(await h.api.cancelJob({ id: started.id }));
    expect(await settle(started)).toMatchObject({ state: 'cancelled' });
    expect(backups()).toEqual([]);
  });
});

describe('erasure runs as jobs', () => {
  const stillNamed = () => h.opened.sqlite.prepare("select count(*) from evidence_personal where person_name != ''").pluck().get() as number;

  it('erases through a job, counting the records as it goes', async () => {
    for (let i = 1; i <= 30; i++) ok(await h.api.createEvidence(ipr(i)));
    const due = ok(await h.api.listRetentionDue({})).rows.map((d) => d.evidenceId);
    expect(due).toHaveLength(30);
    const seen: string[] = [];
    const control: JobControl = { progress: (_d, _t, m) => void (m && seen.push(m)), checkpoint: async () => {}, throwIfCancelled: () => {} };
    expect(await runErasure(h.ctx, due.slice(0, 10), '2026-11-23', control)).toBe(10);
    expect(seen[0]).toBe('Checking the records are due…');
    expect(seen).toContain('Erasing personal detail: 0 of 10 records…');
    const done = await settle(ok(await h.api.startErasure({ ids: due.slice(10) })));
    expect(done).toMatchObject({ kind: 'erasure', state: 'done', result: { erased: 20 }, label: 'Erasing the personal detail of 20 records' });
    expect(stillNamed()).toBe(0);
  });

  it('cancelled part-way: every record erased so far is rolled back', async () => {
    for (let i = 1; i <= 60; i++) ok(await h.api.createEvidence(ipr(i)));
    const due = ok(await h.api.listRetentionDue({})).rows.map((d) => d.evidenceId);
    const watch = cancelAt(3); // at the third chunk: fifty records already erased in the transaction
    await expect(runErasure(h.ctx, due, '2026-11-23', watch.control)).rejects.toBeInstanceOf(JobCancelled);
    expect(stillNamed()).toBe(60);
    expect(ok(await h.api.listRetentionDue({})).total).toBe(60);
  });

  it('cancelled through the channel: the job says so and nothing is erased', async () => {
    for (let i = 1; i <= 5; i++) ok(await h.api.createEvidence(ipr(i)));
    const due = ok(await h.api.listRetentionDue({})).rows.map((d) => d.evidenceId);
    const started = ok(await h.api.startErasure({ ids: due }));
    ok(await h.api.cancelJob({ id: started.id }));
    expect(await settle(started)).toMatchObject({ state: 'cancelled' });
    expect(stillNamed()).toBe(5);
  });

  it('refuses a future day before any job starts', async () => {
    const r = await h.api.startErasure({ ids: [1], today: '2030-01-01' });
    expect(r.ok || r.error.fields).toEqual({ today: 'Must not be after today' });
  });
});

it('a backup made by the job opens as a database', async () => {
  const done = await settle(ok(await h.api.startBackup({})));
  const copy = new Database((done.result as { path: string }).path, { readonly: true });
  expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  copy.close();
});
