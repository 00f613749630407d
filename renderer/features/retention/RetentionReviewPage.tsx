import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
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
import { MoreRows } from '../../ui/MoreRows';
import { TableScroll } from '../../ui/TableScroll';
import { RETENTION_PAGE_SIZE, useRetentionDuePages } from './hooks';

/**
 * Which records are chosen. Years of records can fall due at once and the table reads them a page
 * at a time, so the choice is kept as "all of them but these" (as it begins) or "only these": it
 * covers every record due, read or not, and main finds the ids of "all" itself.
 */
type Choice = { all: true; except: Set<number> } | { all: false; only: Set<number> };
const ALL: Choice = { all: true, except: new Set() };
const isChosen = (c: Choice, id: number) => (c.all ? !c.except.has(id) : c.only.has(id));
function choose(c: Choice, id: number, on: boolean): Choice {
  const ids = new Set(c.all ? c.except : c.only);
  if (on === c.all) ids.delete(id);
  else ids.add(id);
  return c.all ? { all: true, except: ids } : { all: false, only: ids };
}

/** The secretariat confirms which records past their retention date lose their personal detail. */
export function RetentionReviewPage() {
  const qc = useQueryClient();
  const { query: due, rows, total, loadMore } = useRetentionDuePages();
  const [choice, setChoice] = useState<Choice>(ALL);
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const chosenCount = choice.all ? Math.max(0, total - choice.except.size) : choice.only.size;
  const [eraseError, setEraseError] = useState<string | null>(null);
  // One transaction for all the chosen records, run as a job: cancelling it erases none of them.
  const erase = useJobRun((end) => {
    if (end.state === 'done') {
      const r = end.result as { erased: number };
      toast.notify(`Personal detail erased from ${r.erased.toLocaleString('en-GB')} ${r.erased === 1 ? 'record' : 'records'}`);
      setConfirming(false);
      setChoice(ALL);
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
    const records = choice.all ? { allDue: { except: [...choice.except], expected: chosenCount } } : { ids: [...choice.only] };
    erase.start(() => call('startErasure', records)).catch((err: unknown) => setEraseError(err instanceof Error ? err.message : 'Nothing was erased.'));
  };
  return (
    <Page title="Retention review" back={<Link href="/settings">Back to Settings</Link>}>
      <p className="lead">Records past their retention date that still hold personal detail. Erasing removes it from the database file for good; the anonymised record, its learning and its links stay.</p>
      {due.isPending ? (
        <Loading what="records due" />
      ) : due.isError ? (
        <ErrorState error={due.error} onRetry={() => due.refetch()} />
      ) : total === 0 ? (
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
                      checked={choice.all && choice.except.size === 0}
                      onChange={(e) => setChoice(e.target.checked ? ALL : { all: false, only: new Set() })}
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
                {rows.map((d) => (
                  <tr key={d.evidenceId}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Choose ${d.ref}`}
                        checked={isChosen(choice, d.evidenceId)}
                        onChange={(e) => setChoice((c) => choose(c, d.evidenceId, e.target.checked))}
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
          <MoreRows shown={rows.length} total={total} noun={total === 1 ? 'record due' : 'records due'} pageSize={RETENTION_PAGE_SIZE} loading={due.isFetchingNextPage} onMore={loadMore}>
            ; {chosenCount.toLocaleString('en-GB')} chosen.
          </MoreRows>
          <div className="form__actions">
            <button type="button" className="button button--danger" disabled={chosenCount === 0} onClick={() => setConfirming(true)}>
              Erase personal detail of {chosenCount.toLocaleString('en-GB')} {chosenCount === 1 ? 'record' : 'records'}
            </button>
          </div>
        </>
      )}
      {confirming && due.data && (
        <Dialog title={`Erase personal detail of ${chosenCount.toLocaleString('en-GB')} ${chosenCount === 1 ? 'record' : 'records'}?`} onClose={() => !erase.running && setConfirming(false)}>
          <p>
            This cannot be undone. The names, case references and coroners’ accounts of the circumstances of {chosenCount === 1 ? 'this record' : 'these records'} will be removed
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
