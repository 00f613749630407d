import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';

/** Writes a Word document and says where it went. */
export function ExportButton({ kind, panelId, torId, label }: { kind: 'agenda' | 'tor'; panelId?: number; torId?: number; label: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const exp = useMutation({
    mutationFn: () => (kind === 'agenda' ? call('exportAgenda', { panelId: panelId ?? 0 }) : call('exportTor', torId ? { id: torId } : {})),
    onSuccess: (f) => setMessage({ ok: true, text: `Saved ${f.path} (${Math.round(f.bytes / 1024)} KB).` }),
    onError: (err) => setMessage({ ok: false, text: err instanceof Error ? err.message : 'The document could not be written.' }),
  });
  return (
    <span className="export">
      <button type="button" className="button button--secondary" disabled={exp.isPending} onClick={() => exp.mutate()}>
        {exp.isPending ? 'Writing…' : label}
      </button>
      {message && (
        <span className={`export__message${message.ok ? '' : ' export__message--error'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </span>
  );
}
