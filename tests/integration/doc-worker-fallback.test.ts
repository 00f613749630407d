// The export worker that cannot start (its script missing or unreadable, as in an install whose
// archive a worker cannot read): the pack is still made, in main, with the same steps, and the
// next pack uses a worker again once one can start.
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobControl } from '../../electron/jobs/registry';
import { runExport } from '../../electron/handlers/exports';
import { useWorkerScript, warmWorker } from '../../electron/docs/docWorkerHost';
import { makeHarness, ok, type Harness } from '../support/harness';
import { panelWithApprovedAgenda } from '../support/jobs';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z', file: true });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => {
  useWorkerScript(null);
  vi.restoreAllMocks();
  await h.close();
});

const approvedPanel = () => panelWithApprovedAgenda(h.api);

function watching() {
  const seen: string[] = [];
  const control: JobControl = {
    progress: (_d, _t, message) => void (message && seen.at(-1) !== message && seen.push(message)),
    checkpoint: () => Promise.resolve(),
    throwIfCancelled: () => {},
  };
  return { control, seen };
}

const STEPS = ['Gathering the records…', 'Laying out the pages and numbering the contents…', 'Checking for personal data…', 'Writing the file…'];

describe('a document worker that cannot start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scp-worker-'));
  const broken = join(dir, 'broken.cjs');
  writeFileSync(broken, "throw new Error('this script cannot be loaded');\n");

  for (const [what, script] of [
    ['its script throws as it loads', broken],
    ['its script is missing', join(dir, 'missing.cjs')],
  ] as const) {
    it(`${what}: the pack is made in place, with every step, and said in the log`, async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      useWorkerScript(script);
      const panelId = await approvedPanel();
      const w = watching();
      const file = await runExport(h.ctx, { kind: 'pack', panelId }, w.control);
      expect(existsSync(file.path)).toBe(true);
      expect(w.seen).toEqual(STEPS);
      expect(logged.mock.calls.some(([m]) => String(m).includes('building in place'))).toBe(true);
      expect(warmWorker()).toBeNull();
      expect(ok(await h.api.getPanel({ id: panelId })).status).toBe('pack-issued');

      // Once a worker can start again, the next pack is made in one, which is kept warm.
      useWorkerScript(null);
      await runExport(h.ctx, { kind: 'pack', panelId });
      expect(warmWorker()).toMatchObject({ busy: false });
    });
  }
});
