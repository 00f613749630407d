import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { useToast } from '../../ui/Toast';

/** Shown while the database is empty: where it lives, and the ways to fill it. */
export function GettingStarted() {
  const qc = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const info = useQuery({ queryKey: keys.appInfo, queryFn: () => call('getAppInfo', {}) });
  const empty = useQuery({
    queryKey: ['getting-started'],
    queryFn: async () => {
      const [members, panels, evidence] = await Promise.all([call('listMembers', { includeInactive: true }), call('listPanels', { includeCancelled: true }), call('listEvidence', { limit: 1, filter: { includeArchived: true } })]);
      return members.length === 0 && panels.upcoming.length + panels.past.length === 0 && evidence.total === 0;
    },
  });
  const demo = useMutation({
    mutationFn: () => call('loadDemoData', {}),
    onSuccess: (c) => {
      toast.notify(`Demonstration data loaded: ${c.members} members, ${c.panels} panels, ${c.evidence} evidence records, ${c.themes} themes`);
      void qc.invalidateQueries();
    },
    onError: (e) => setError(e instanceof Error ? e.message : 'The demonstration data could not be loaded.'),
  });
  if (!empty.data) return null;
  return (
    <section className="tile tile--wide getting-started" aria-labelledby="start-h">
      <h2 id="start-h">Getting started</h2>
      <p>
        The database is empty. It lives at <span className="mono">{info.data?.dbPath ?? '…'}</span> and is backed up every day beside it.
      </p>
      <ol>
        <li>
          <strong>Try the app with demonstration data</strong> (invented members, this year’s panels, five years of evidence and a dozen themes):{' '}
          <button type="button" className="button button--secondary" disabled={demo.isPending} onClick={() => demo.mutate()}>
            {demo.isPending ? 'Loading…' : 'Load demonstration data'}
          </button>
        </li>
        <li>
          <strong>Or start with your own:</strong> <Link href="/members/new">add the panel’s members</Link>, <Link href="/panels/plan-year">plan the year’s panels</Link>,{' '}
          <Link href="/tor">draft the Terms of Reference</Link>, <Link href="/evidence/import">import coroners’ reports</Link>, and check the{' '}
          <Link href="/settings">bank holidays and marking in Settings</Link>.
        </li>
      </ol>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
