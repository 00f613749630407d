// Renders the real App against the real handlers on a real, migrated in-memory database.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, makeQueryClient } from '../../renderer/App';
import { makeHarness, type Harness } from './harness';

export async function renderApp(opts: { hash?: string; identity?: boolean; now?: string; file?: boolean; setup?: (h: Harness) => Promise<unknown> } = {}) {
  const harness: Harness = await makeHarness({ now: opts.now ?? '2026-11-23T10:00:00Z', file: opts.file });
  if (opts.identity !== false) await harness.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  await opts.setup?.(harness);
  window.scp = harness.api;
  window.location.hash = opts.hash ?? '#/';
  const user = userEvent.setup();
  const view = render(<App queryClient={makeQueryClient()} />);
  return { harness, user, ...view };
}
