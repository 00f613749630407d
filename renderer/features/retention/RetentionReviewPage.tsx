import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { EVIDENCE_TYPE_SHORT } from '#shared/domain/evidence';
import { RETENTION_RULE_LABELS } from '#shared/domain/retention';
import { formatDateCompact } from '#shared/format';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { Dialog } from '../../ui/Dialog';
import { JobProgress, useJobRun } from '../../ui/Job';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useRetentionDue } from './hooks';
import { TableScroll } from '../../ui/TableScroll';

const ROWS_PER_PAGE = 200;

/** The secretariat confirms which records past their retention date lose their personal detail. */
export function RetentionReviewPage() {
  const qc = useQueryClient();
  const due = useRetentionDue();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  // Years of records can fall due at once: the table shows them a page at a time, and the
  // choice (all of them, to begin with) covers every one, shown or not.
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const toast = useToast();
  useEffect(() => {
    if (due.data) setChosen(new Set(due.data.map((d) => d.evidenceId)));
  }, [due.data]);
  const [eraseError, setEraseError] = useState<string | null>(null);
  // One transaction for all the chosen records, run as a job: cancelling it erases none of them.
  const erase = useJobRun((end) => {
    if (end.state === 'done') {
      const r = end.result as { erased: number };
      toast.notify(`Personal detail erased from ${r.erased} ${r.erased === 1 ? 'record' : 'records'}`);
      setConfirming(false);
      void qc.invalidateQueries({ queryKey: keys.retention.all });
      void qc.invalidateQueries({ queryKey: keys.evidence.all });
    } else if (end.state === 'cancelled') {
      toast.notify('Erasure cancelled: nothing was erased.');
      setConfirming(false);
    } else setEraseError(end.error ?? 'Nothing was erased.');
  });
  const eraseButton = useRef<HTMLButtonElement>(null);
  const startErasure = () => {
    setEraseError(null);
    erase.start(() => call('startErasure', { ids: [...chosen] })).catch((err: unknown) => setEraseError(err instanceof Error ? err.message : 'Nothing was erased.'));
  };
  return (
    <Page title="Retention review" back={<Link href="/settings">Back to Settings</Link>}>
      <p className="lead">Records past their retention date that still hold personal detail. Erasing removes it from the database file for good; the anonymised record, its learning and its links stay.</p>
      {due.isPending ? (
        <Loading what="records due" />
      ) : due.isError ? (
        <ErrorState error={due.error} onRetry={() => due.refetch()} />
      ) : due.data.length === 0 ? (
        <EmptyState title="Nothing is due for erasure">
          <p>When a record passes its retention period (set in Settings) it will be listed here for you to confirm.</p>
        </EmptyState>
      ) : (
        <>
          <TableScroll label="Records due for erasure of personal detail">
            <table className="table">
              <caption className="visually-hidden">Records due for erasure of personal detail</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label="Choose all"
                      checked={chosen.size === due.data.length}
                      onChange={(e) => setChosen(e.target.checked ? new Set(due.data.map((d) => d.evidenceId)) : new Set())}
                    />
                  </th>
                  <th scope="col">Record</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Counted from</th>
                  <th scope="col">Retention ended</th>
                  <th scope="col">Will erase</th>
                </tr>
              </thead>
              <tbody>
                {due.data.slice(0, shown).map((d) => (
                  <tr key={d.evidenceId}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Choose ${d.ref}`}
                        checked={chosen.has(d.evidenceId)}
                        onChange={(e) => {
                          const n = new Set(chosen);
                          if (e.target.checked) n.add(d.evidenceId);
                          else n.delete(d.evidenceId);
                          setChosen(n);
                        }}
                      />
                    </td>
                    <td className="nowrap">
                      <Link href={`/evidence/${d.evidenceId}`}>{d.ref}</Link> <span className="muted">{EVIDENCE_TYPE_SHORT[d.type]}</span>
                    </td>
                    <td>{RETENTION_RULE_LABELS[d.rule]}</td>
                    <td className="nowrap">{formatDateCompact(d.basis)}</td>
                    <td className="nowrap">{formatDateCompact(d.retentionDate)}</td>
                    <td>{d.holds.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {due.data.length > shown && (
            <p>
              Showing {shown.toLocaleString('en-GB')} of {due.data.length.toLocaleString('en-GB')} records due; {chosen.size.toLocaleString('en-GB')} chosen.{' '}
              <button type="button" className="button button--link" onClick={() => setShown((n) => n + ROWS_PER_PAGE)}>
                Show {Math.min(ROWS_PER_PAGE, due.data.length - shown).toLocaleString('en-GB')} more
              </button>
            </p>
          )}
          <div className="form__actions">
            <button type="button" className="button button--danger" disabled={chosen.size === 0} onClick={() => setConfirming(true)}>
              Erase personal detail of {chosen.size.toLocaleString('en-GB')} {chosen.size === 1 ? 'record' : 'records'}
            </button>
          </div>
        </>
      )}
      {confirming && due.data && (
        <Dialog title={`Erase personal detail of ${chosen.size.toLocaleString('en-GB')} ${chosen.size === 1 ? 'record' : 'records'}?`} onClose={() => !erase.running && setConfirming(false)}>
          <p>
            This cannot be undone. The names, case references and coroners’ accounts of the circumstances of {chosen.size === 1 ? 'this record' : 'these records'} will be removed
            from the database file; backups made before today still hold them until they expire.
          </p>
          {eraseError && (
            <p className="field__error" role="alert">
              {eraseError}
            </p>
          )}
          <div className="form__actions">
            <button ref={eraseButton} type="button" className="button button--danger" disabled={erase.running} onClick={startErasure}>
              {erase.running ? 'Erasing…' : 'Erase for good'}
            </button>
            <button type="button" className="button button--secondary" disabled={erase.running} onClick={() => setConfirming(false)}>
              Keep for now
            </button>
            <JobProgress run={erase} label="Erasing personal detail" cancelLabel="Stop: erase nothing" returnFocus={eraseButton} />
          </div>
        </Dialog>
      )}
    </Page>
  );
}
