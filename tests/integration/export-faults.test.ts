// A full disk or an unwritable export folder: the export fails with words a person can act on,
// no half-written file is left, nothing is logged, and the database is untouched. The disk-full
// case is injected at the file-system boundary (no test machine can be made to run out of space
// safely); the unwritable folder is real.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeHarness, ok, type Harness } from '../support/harness';

const fault = { enospc: false };
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      if (fault.enospc && String(args[0]).endsWith('.partial')) {
        real.writeFileSync(args[0], 'half a docu'); // the disk filled part-way through
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return real.writeFileSync(...args);
    },
  };
});

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z', file: true });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => {
  fault.enospc = false;
  await h.close();
});

const state = () => ({
  audit: h.opened.sqlite.prepare('select count(*) from audit_log').pluck().get(),
  exports: h.opened.sqlite.prepare('select count(*) from export_log').pluck().get(),
});

describe('export faults', () => {
  it('a full disk: a clear message, no partial file, nothing logged, the database unchanged', async () => {
    const d = ok(await h.api.createTorDraft({}));
    const before = state();
    fault.enospc = true;
    const r = await h.api.exportTor({ id: d.id });
    expect(r.ok || r.error.message).toMatch(/disk is full.*Free some space and export again; nothing in the app was changed/);
    const dir = join(h.ctx.dataDir, 'exports');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(state()).toEqual(before);
    fault.enospc = false;
    expect((await h.api.exportTor({ id: d.id })).ok).toBe(true);
  });

  it('an export folder that cannot be written to: a clear message and nothing changed', async () => {
    const d = ok(await h.api.createTorDraft({}));
    // A file where the folder should be: cannot be written into, even by root.
    fs.writeFileSync(join(h.ctx.dataDir, 'exports'), 'not a folder');
    const before = state();
    const r = await h.api.exportTor({ id: d.id });
    expect(r.ok || r.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/cannot be written to.*Choose another folder/) });
    expect(state()).toEqual(before);
  });
});
