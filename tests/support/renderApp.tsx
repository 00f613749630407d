// Renders the real App against the real handlers on a real, migrated in-memory database.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App, makeQueryClient } from '../../renderer/App';
import { makeHarness, type Harness } from './harness';

export async function renderApp(opts: { hash?: string; identity?: boolean; now?: string; file?: boolean; setup?: (h: Harness) => Promise<unknown> } = {}) {
  const now = opts.now ?? '2026-11-23T10:00:00Z';
  // The screens' own "today" (a form's default date) runs on the same clock as the handlers'.
  // Only Date is faked, and it moves on in real time: timers, and so waiting, are the real ones.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(now));
  const harness: Harness = await makeHarness({ now, file: opts.file });
  if (opts.identity !== false) await harness.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  await opts.setup?.(harness);
  window.scp = harness.api;
  window.location.hash = opts.hash ?? '#/';
  const user = userEvent.setup();
  const view = render(<App queryClient={makeQueryClient()} />);
  return { harness, user, ...view };
}
