import { useQuery } from '@tanstack/react-query';
import type { HistoryEntry } from '#shared/ipc/contract';
import { formatTimestamp } from '#shared/format';
import { call } from '../api/client';

type Table = Parameters<typeof call<'getRecordHistory'>>[1]['table'];

const VERB: Record<HistoryEntry['action'], string> = { create: 'created', update: 'changed', delete: 'deleted' };

/** Who changed what and when, from the audit log (field names only, never their values). */
export function History({ table, recordKey, fieldLabels = {} }: { table: Table; recordKey: string; fieldLabels?: Record<string, string> }) {
  const h = useQuery({ queryKey: ['history', table, recordKey], queryFn: () => call('getRecordHistory', { table, key: recordKey }) });
  if (!h.data || h.data.length === 0) return null;
  return (
    <details className="history">
      <summary>History ({h.data.length})</summary>
      <ol>
        {h.data.map((e) => (
          <li key={e.id}>
            <span className="timeline__when">{formatTimestamp(e.at)}</span> <strong>{e.actor}</strong> {VERB[e.action]}
            {e.action === 'update' && e.changedFields.length > 0 && `: ${e.changedFields.map((f) => fieldLabels[f] ?? f.replace(/_/g, ' ')).join(', ')}`}
          </li>
        ))}
      </ol>
    </details>
  );
}
