import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../tests/support/renderApp';
import type { Harness } from '../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

describe('app shell', () => {
  it('asks who is using the app before anything else, then names them', async () => {
    const app = await renderApp({ identity: false });
    harness = app.harness;
    expect(await screen.findByRole('heading', { name: 'Who is using this app?' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByLabelText('Your name')).toHaveAccessibleDescription(/Your name is required/);
    await app.user.type(screen.getByLabelText('Your name'), 'Chloe Evans');
    await app.user.selectOptions(screen.getByLabelText('Your role'), 'Minute-taker');
    await app.user.click(screen.getByRole('button', { name: 'Continue' }));
    const who = await screen.findByText('Chloe Evans');
    expect(who.closest('p')).toHaveTextContent('Signed in as Chloe Evans (Minute-taker)');
  });

  it('has labelled navigation with the current page marked', async () => {
    const app = await renderApp({ hash: '#/members' });
    harness = app.harness;
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Panels' })).not.toHaveAttribute('aria-current');
    for (const s of ['Dashboard', 'Panels', 'Members', 'Evidence', 'Coroners’ reports', 'Themes', 'Search', 'Recommendations', 'Documents', 'Settings'])
      expect(within(nav).getByRole('link', { name: s })).toBeInTheDocument();
    await app.user.click(within(nav).getByRole('link', { name: 'Evidence' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Evidence register' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Evidence' })).toHaveAttribute('aria-current', 'page');
    await app.user.click(within(nav).getByRole('link', { name: 'Recommendations' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Recommendations' })).toBeInTheDocument();
  });

  it('offers to plan a panel when none is planned', async () => {
    const app = await renderApp();
    harness = app.harness;
    expect(await screen.findByText('No panel is planned yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Plan a panel' })).toHaveAttribute('href', '#/panels/new');
  });

  it('shows the next panel on the dashboard', async () => {
    const app = await renderApp({
      setup: (h) => h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:30', format: 'hybrid', location: 'Caxton House', notes: '' }),
    });
    harness = app.harness;
    expect(await screen.findByRole('link', { name: 'Serious Case Panel 2026-27 Q4' })).toBeInTheDocument();
    expect(screen.getByText('Caxton House and online')).toBeInTheDocument();
  });
});
