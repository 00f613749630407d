import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { EXPORT_DOCUMENT_NAMES, type ExportKind } from '#shared/domain/exports';
import type { ExportedFile, ExportRequest } from '#shared/ipc/contract';
import { FINDING_LABELS, type Finding } from '#shared/pii/gate';
import { ApiError, call } from '../../api/client';
import { keys } from '../../api/keys';
import { JobProgress, useJobRun } from '../../ui/Job';

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
export type { ExportKind };

function exportRequest(kind: ExportKind, o: { panelId?: number; torId?: number; quarter?: string }, allow?: { reason: string }): ExportRequest {
  const a = allow ? { allowFindings: allow } : {};
  switch (kind) {
    case 'agenda':
    case 'pack':
    case 'minutes':
      return { kind, panelId: o.panelId ?? 0, ...a };
    case 'tor':
      return { kind, ...(o.torId ? { id: o.torId } : {}), ...a };
    case 'tracker':
      return { kind, ...a };
    case 'board-report':
      return { kind, quarter: o.quarter ?? '', ...a };
  }
}

export function ExportButton({
  kind,
  panelId,
  torId,
  quarter,
  label,
  prepareAhead = false,
}: {
  kind: ExportKind;
  panelId?: number;
  torId?: number;
  quarter?: string;
  label: string;
  /** the pack only: have main begin building it now (an approved agenda, which changes little before the pack is issued) */
  prepareAhead?: boolean;
}) {
  const qc = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // Exports run as jobs in main: the pack of a full panel takes seconds, and can be cancelled.
  const run = useJobRun((end) => {
    if (end.state === 'done') {
      const f = end.result as ExportedFile;
      setFindings(null);
      setReason('');
      setMessage({ ok: true, text: `Saved ${f.path} (${Math.round(f.bytes / 1024)} KB). It is listed in Documents.` });
      void qc.invalidateQueries({ queryKey: keys.exports });
      // The pack issued from an approved agenda moves the panel on.
      if (kind === 'pack') void qc.invalidateQueries({ queryKey: keys.panels.all });
    } else if (end.state === 'cancelled') {
      setMessage({ ok: true, text: 'Cancelled: no file was written and nothing was logged.' });
    } else if (end.failure?.code === 'personal-data' && end.failure.findings) {
      setFindings(end.failure.findings);
      setMessage({ ok: false, text: end.failure.message });
    } else setMessage({ ok: false, text: end.error ?? 'The document could not be written.' });
  });
  // The pack of a full panel takes seconds to lay out: main begins it in the background as soon as
  // the approved agenda's pack is offered, and the export uses that build if nothing has changed by
  // the time it is asked for. Best effort: if it cannot be begun, the export builds the pack as
  // before, so nothing is shown. (A draft agenda is still being edited: a build would be wasted.)
  useEffect(() => {
    if (kind === 'pack' && panelId && prepareAhead) call('preparePack', { panelId }).catch(() => {});
  }, [kind, panelId, prepareAhead]);
  const startButton = useRef<HTMLButtonElement>(null);
  const begin = (allow?: { reason: string }) => {
    setMessage(null);
    run.start(() => call('startExport', exportRequest(kind, { panelId, torId, quarter }, allow))).catch((err: unknown) => {
      if (err instanceof ApiError && err.fields?.['allowFindings.reason']) setReasonError(err.fields['allowFindings.reason']);
      else setMessage({ ok: false, text: err instanceof Error ? err.message : 'The document could not be written.' });
    });
  };
  return (
    <span className="export">
      <button ref={startButton} type="button" className="button button--secondary" disabled={run.running} onClick={() => begin()}>
        {run.running ? 'Writing…' : label}
      </button>
      <JobProgress run={run} label={`Writing ${EXPORT_DOCUMENT_NAMES[kind]}`} returnFocus={startButton} />
      {message && !run.running && (
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
            disabled={run.running}
            onClick={() => {
              setReasonError(null);
              if (reason.trim().length < 10) setReasonError('Give a reason of at least a few words.');
              else begin({ reason: reason.trim() });
            }}
          >
            Export anyway, with this reason
          </button>
        </div>
      )}
    </span>
  );
}
