import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { FINDING_LABELS, type Finding } from '#shared/pii/gate';
import { ApiError, call } from '../../api/client';
import { keys } from '../../api/keys';

const RECORD_LABELS: Record<string, string> = {
  agenda_item: 'Agenda item',
  agenda_paper: 'Paper',
  panel: 'Panel',
  evidence: 'Evidence',
  tor_version: 'Terms of Reference',
  member: 'Member',
  meeting_item: 'Discussion notes of item',
  decision: 'Decision',
  action: 'Action',
  declaration: 'Declaration',
  attendance: 'Attendance',
  recommendation: 'Recommendation',
  theme: 'Theme',
  document: 'Document',
};

function fixLink(f: Finding, panelId?: number): string | null {
  switch (f.recordType) {
    case 'agenda_item':
    case 'agenda_paper':
      return panelId ? `/panels/${panelId}` : null;
    case 'panel':
      return f.recordId ? `/panels/${f.recordId}/edit` : null;
    case 'evidence':
      return f.recordId ? `/evidence/${f.recordId}/edit` : null;
    case 'tor_version':
      return f.recordId ? `/tor/${f.recordId}` : null;
    case 'member':
      return '/members';
    case 'meeting_item':
    case 'decision':
    case 'action':
    case 'declaration':
    case 'attendance':
      return panelId ? `/panels/${panelId}/meeting` : null;
    case 'recommendation':
      return f.recordId ? `/recommendations/${f.recordId}` : null;
    case 'theme':
      return f.recordId ? `/themes/${f.recordId}/edit` : null;
    default:
      return null;
  }
}

/** Writes a Word document through the personal-data gate and says where it went, or what stopped it. */
export type ExportKind = 'agenda' | 'tor' | 'pack' | 'minutes' | 'tracker' | 'board-report';

function exportCall(kind: ExportKind, o: { panelId?: number; torId?: number; quarter?: string }, allow?: { reason: string }) {
  const a = allow ? { allowFindings: allow } : {};
  switch (kind) {
    case 'agenda':
      return call('exportAgenda', { panelId: o.panelId ?? 0, ...a });
    case 'tor':
      return call('exportTor', { ...(o.torId ? { id: o.torId } : {}), ...a });
    case 'pack':
      return call('exportPack', { panelId: o.panelId ?? 0, ...a });
    case 'minutes':
      return call('exportMinutes', { panelId: o.panelId ?? 0, ...a });
    case 'tracker':
      return call('exportTracker', a);
    case 'board-report':
      return call('exportBoardReport', { quarter: o.quarter ?? '', ...a });
  }
}

export function ExportButton({ kind, panelId, torId, quarter, label }: { kind: ExportKind; panelId?: number; torId?: number; quarter?: string; label: string }) {
  const qc = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const exp = useMutation({
    mutationFn: (allow?: { reason: string }) => exportCall(kind, { panelId, torId, quarter }, allow),
    onSuccess: (f) => {
      setFindings(null);
      setReason('');
      setMessage({ ok: true, text: `Saved ${f.path} (${Math.round(f.bytes / 1024)} KB). It is listed in Documents.` });
      void qc.invalidateQueries({ queryKey: keys.exports });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'personal-data' && err.findings) {
        setFindings(err.findings);
        setMessage({ ok: false, text: err.message });
      } else if (err instanceof ApiError && err.fields?.['allowFindings.reason']) {
        setReasonError(err.fields['allowFindings.reason']);
      } else setMessage({ ok: false, text: err instanceof Error ? err.message : 'The document could not be written.' });
    },
  });
  return (
    <span className="export">
      <button type="button" className="button button--secondary" disabled={exp.isPending} onClick={() => exp.mutate(undefined)}>
        {exp.isPending ? 'Writing…' : label}
      </button>
      {exp.isPending && (
        <span className="export__message" role="status">
          <progress aria-label="Writing the document" /> Building the document and checking it for personal data…
        </span>
      )}
      {message && !exp.isPending && (
        <span className={`export__message${message.ok ? '' : ' export__message--error'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
      {findings && (
        <div className="findings">
          <ul>
            {findings.map((f, i) => {
              const href = fixLink(f, panelId);
              return (
                <li key={i}>
                  <strong>{FINDING_LABELS[f.kind]}</strong> <code>{f.masked}</code> in {RECORD_LABELS[f.recordType] ?? f.recordType}
                  {f.recordId ? ` ${f.recordId}` : ''}, {f.field}
                  {href && (
                    <>
                      {' '}
                      · <Link href={href}>Fix it</Link>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <div className={`field${reasonError ? ' field--error' : ''}`}>
            <label htmlFor={`reason-${kind}`}>Export anyway: why is this acceptable?</label>
            <p className="field__hint" id={`reason-hint-${kind}`}>
              Recorded in the export log with your name and the time.
            </p>
            {reasonError && <p className="field__error">{reasonError}</p>}
            <textarea id={`reason-${kind}`} aria-describedby={`reason-hint-${kind}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button
            type="button"
            className="button button--danger-secondary"
            disabled={exp.isPending}
            onClick={() => {
              setReasonError(null);
              if (reason.trim().length < 10) setReasonError('Give a reason of at least a few words.');
              else exp.mutate({ reason: reason.trim() });
            }}
          >
            Export anyway, with this reason
          </button>
        </div>
      )}
    </span>
  );
}
