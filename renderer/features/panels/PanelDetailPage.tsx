import { useState } from 'react';
import { Link } from 'wouter';
import { PANEL_FORMAT_LABELS, panelTitle } from '#shared/domain/panels';
import { formatDateWithDay, formatTimeRange, formatTimestamp } from '#shared/format';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useCancelPanel, usePanel } from './hooks';
import { AgendaBuilder } from '../agenda/AgendaBuilder';
import { useIdentity } from '../identity/hooks';
import { Milestones } from './Milestones';
import { History } from '../../ui/History';
import { StatusBadge, where } from './PanelBits';

export function PanelDetailPage({ id }: { id: number }) {
  const panel = usePanel(id);
  const identity = useIdentity();
  const cancel = useCancelPanel();
  const toast = useToast();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (panel.isPending) return <Loading what="the panel" />;
  if (panel.isError) return <ErrorState error={panel.error} onRetry={() => panel.refetch()} />;
  const p = panel.data;
  const canCancel = !['cancelled', 'held', 'minutes-draft', 'minutes-approved'].includes(p.status);

  async function confirmCancel() {
    setError(null);
    if (!reason.trim()) {
      setError('Give the reason for cancelling');
      return;
    }
    try {
      await cancel.mutateAsync({ id, reason });
      toast.notify('Panel cancelled');
      setCancelling(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The panel could not be cancelled.');
    }
  }

  return (
    <Page
      title={panelTitle(p)}
      back={<Link href="/panels">Back to panels</Link>}
      actions={
        p.status !== 'cancelled' && (
          <>
            {['agenda-approved', 'pack-issued', 'held', 'minutes-draft', 'minutes-approved'].includes(p.status) && (
              <Link href={`/panels/${id}/meeting`} className="button">
                {p.status === 'held' ? 'Continue the meeting' : ['minutes-draft', 'minutes-approved'].includes(p.status) ? 'Minutes' : 'Meeting mode'}
              </Link>
            )}
            <Link href={`/panels/${id}/edit`} className="button button--secondary">
              Edit panel
            </Link>
            {canCancel && (
              <button type="button" className="button button--danger-secondary" onClick={() => setCancelling(true)}>
                Cancel panel
              </button>
            )}
          </>
        )
      }
    >
      <dl className="summary">
        <div>
          <dt>Date</dt>
          <dd>{formatDateWithDay(p.date)}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatTimeRange(p.startTime, p.endTime)} (London time)</dd>
        </div>
        <div>
          <dt>Quarter</dt>
          <dd>{p.quarter}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>{PANEL_FORMAT_LABELS[p.format]}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{where(p)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={p.status} />
            {p.cancelledReason && <span className="muted"> — {p.cancelledReason}</span>}
          </dd>
        </div>
        <div>
          <dt>Notes</dt>
          <dd>{p.notes || <span className="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Last changed</dt>
          <dd>{formatTimestamp(p.updatedAt)}</dd>
        </div>
      </dl>
      <History table="panels" recordKey={String(id)} />
      {p.status !== 'cancelled' && (
        <>
          <h2>Timetable</h2>
          <p className="muted">Counted in working days, skipping weekends and England and Wales bank holidays.</p>
          <Milestones panelId={id} />
          {identity.data && <AgendaBuilder panel={p} who={identity.data} />}
        </>
      )}
      {cancelling && (
        <Dialog title="Cancel this panel?" onClose={() => setCancelling(false)}>
          <p>The panel stays in the list as cancelled, with your reason. This cannot be undone; plan a new panel if the meeting is rearranged.</p>
          <FormErrorSummary message={error && error !== 'Give the reason for cancelling' ? error : null} />
          <Field label="Reason for cancelling" error={error === 'Give the reason for cancelling' ? error : undefined}>
            {(props) => <textarea {...props} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="form__actions">
            <button type="button" className="button button--danger" onClick={confirmCancel}>
              Cancel panel
            </button>
            <button type="button" className="button button--secondary" onClick={() => setCancelling(false)}>
              Keep panel
            </button>
          </div>
        </Dialog>
      )}
    </Page>
  );
}
