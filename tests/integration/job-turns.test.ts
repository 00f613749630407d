// A job's transaction and the screens' calls take turns on the one connection: a save made while
// an erasure or import is part-way through waits for it, and is not rolled back with it when it is
// cancelled; a job's progress and its Cancel are answered at once all the while. Kysely gives this:
// for SQLite (one connection) it holds a lock on the connection for each query, and a transaction
// holds it throughout, across the checkpoints where a job yields. Any work that went round Kysely
// to the connection itself inside a handler would lose it, which these tests would show.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobCancelled, type JobControl } from '../../electron/jobs/registry';
import { runErasure } from '../../electron/handlers/retention';
import { importPfd } from '../../electron/import/pfdImport';
import { makeHarness, ok, type Harness } from '../support/harness';
import { iprDueForErasure as ipr } from '../support/evidenceFixtures';
import { settleJob } from '../support/jobs';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());

const panel = (date: string) => ({ date, startTime: '10:00', endTime: '12:00', format: 'online' as const, location: '', notes: '' });
const stillNamed = () => h.opened.sqlite.prepare("select count(*) from evidence_personal where person_name != ''").pluck().get() as number;
const panels = () => h.opened.sqlite.prepare('select count(*) from panels').pluck().get() as number;

/**
 * A job control that, at its second checkpoint (inside the transaction), sends a save through the
 * channels and gives it time to run, then cancels the job at the third.
 */
function saveMidway(save: () => Promise<unknown>) {
  let n = 0;
  const sent: { result?: Promise<unknown>; inTransaction?: boolean } = {};
  const control: JobControl = {
    progress() {},
    checkpoint: async () => {
      n++;
      if (n === 2) {
        sent.inTransaction = h.opened.sqlite.inTransaction;
        sent.result = save();
        await new Promise((r) => setTimeout(r, 50));
      }
      if (n === 3) throw new JobCancelled();
    },
    throwIfCancelled() {},
  };
  return { control, sent };
}

describe('jobs and calls take turns on the connection', () => {
  it('a panel saved while an erasure runs waits for it, and outlives its cancel', async () => {
    for (let i = 1; i <= 60; i++) ok(await h.api.createEvidence(ipr(i)));
    const due = ok(await h.api.listRetentionDue({})).rows.map((d) => d.evidenceId);
    const before = panels();
    const { control, sent } = saveMidway(() => h.api.createPanel(panel('2027-02-10')));
    await expect(runErasure(h.ctx, due, '2026-11-23', control)).rejects.toBeInstanceOf(JobCancelled);
    expect(sent.inTransaction).toBe(true);
    // The save went ahead once the erasure had rolled back, in its own right.
    expect(ok((await sent.result) as never)).toMatchObject({ date: '2027-02-10' });
    expect(panels()).toBe(before + 1);
    expect(stillNamed()).toBe(60);
  });

  it('a panel saved while an import runs waits for it, and outlives its cancel', async () => {
    const csv = ['ref,date_of_report,date_added,deceased_name,coroner_name,coroner_area,category,this_report_is_being_sent_to,circumstances,concerns,url,reply_urls']
      .concat(Array.from({ length: 600 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')},01/09/2026,02/09/2026,Person ${i},A Coroner,Gwent,Other,Department for Work and Pensions,,,,`))
      .join('\n');
    const before = panels();
    const { control, sent } = saveMidway(() => h.api.createPanel(panel('2027-05-12')));
    await expect(importPfd(h.ctx, csv, control)).rejects.toBeInstanceOf(JobCancelled);
    expect(sent.inTransaction).toBe(true);
    expect(ok((await sent.result) as never)).toMatchObject({ date: '2027-05-12' });
    expect(panels()).toBe(before + 1);
    expect(ok(await h.api.listEvidence({})).total).toBe(0);
  });

  it('answers a job’s progress and Cancel at once while another call waits its turn', async () => {
    for (let i = 1; i <= 400; i++) ok(await h.api.createEvidence(ipr(i)));
    const started = ok(await h.api.startErasure({ allDue: { except: [], expected: 400 } }));
    // Wait until the erasure is inside its transaction, then queue a save behind it.
    let s = started;
    for (let i = 0; i < 500 && s.state === 'running' && !h.opened.sqlite.inTransaction; i++) {
      await new Promise((r) => setImmediate(r));
      s = ok(await h.api.getJob({ id: started.id }));
    }
    expect(h.opened.sqlite.inTransaction).toBe(true);
    const saving = h.api.createPanel(panel('2027-08-11'));
    const cancelled = ok(await h.api.cancelJob({ id: started.id }));
    expect(cancelled.cancelling).toBe(true);
    expect(await settleJob(h.api, started)).toMatchObject({ state: 'cancelled' });
    expect(ok(await saving)).toMatchObject({ date: '2027-08-11' });
    expect(stillNamed()).toBe(400);
    expect(h.opened.sqlite.inTransaction).toBe(false);
  });
});
