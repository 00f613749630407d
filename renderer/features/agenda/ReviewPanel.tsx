import { useState } from 'react';
import { AGENDA_STATE_LABELS, type Agenda } from '#shared/domain/agenda';
import type { Identity } from '#shared/domain/identity';
import { formatTimestamp } from '#shared/format';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { useToast } from '../../ui/Toast';
import { useAgendaAction } from './hooks';

type Ask = { kind: 'send' | 'approve' | 'return' | 'reopen' | 'comment'; title: string; label: string; required: boolean; itemId?: number | null };

const ACTION_TEXT: Record<string, string> = {
  sent: 'sent the agenda to the chair',
  comment: 'commented',
  approved: 'approved the agenda',
  returned: 'returned the agenda for changes',
  reopened: 'reopened the approved agenda',
};

export function ReviewPanel({ agenda, panelId, who, editable }: { agenda: Agenda; panelId: number; who: Identity; editable: boolean }) {
  const send = useAgendaAction('sendAgendaForReview', panelId);
  const approve = useAgendaAction('approveAgenda', panelId);
  const ret = useAgendaAction('returnAgenda', panelId);
  const reopen = useAgendaAction('reopenAgenda', panelId);
  const comment = useAgendaAction('commentOnAgenda', panelId);
  const toast = useToast();
  const [ask, setAsk] = useState<Ask | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isChair = who.role === 'chair';

  function open(a: Ask) {
    setAsk(a);
    setText('');
    setError(null);
  }

  async function confirm() {
    if (!ask) return;
    if (ask.required && !text.trim()) {
      setError(`${ask.label} is required`);
      return;
    }
    try {
      if (ask.kind === 'send') await send.mutateAsync({ panelId, comment: text });
      if (ask.kind === 'approve') await approve.mutateAsync({ panelId, comment: text });
      if (ask.kind === 'return') await ret.mutateAsync({ panelId, comment: text });
      if (ask.kind === 'reopen') await reopen.mutateAsync({ panelId, reason: text });
      if (ask.kind === 'comment') await comment.mutateAsync({ panelId, itemId: ask.itemId ?? null, comment: text });
      toast.notify({ send: 'Agenda sent to the chair', approve: 'Agenda approved', return: 'Agenda returned to the secretariat', reopen: 'Agenda reopened', comment: 'Comment recorded' }[ask.kind]);
      setAsk(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not work. Try again.');
    }
  }

  return (
    <section className="review" aria-labelledby="review-heading">
      <h3 id="review-heading">Chair’s review</h3>
      <p className={`agenda-state agenda-state--${agenda.state}`}>
        <strong>{AGENDA_STATE_LABELS[agenda.state]}</strong>
        {agenda.state === 'approved' && (editable ? ' — the agenda is locked. Reopen it to make changes; the chair will need to approve it again.' : ' — the agenda is locked for good: the panel has met.')}
      </p>
      {editable && (
        <div className="form__actions">
          {(agenda.state === 'draft' || agenda.state === 'returned') && (
            <button type="button" className="button" onClick={() => open({ kind: 'send', title: 'Send the agenda to the chair', label: 'Note to the chair (optional)', required: false })}>
              Send to the chair for review
            </button>
          )}
          {agenda.state === 'in-review' && isChair && (
            <>
              <button type="button" className="button" onClick={() => open({ kind: 'approve', title: 'Approve the agenda', label: 'Comment (optional)', required: false })}>
                Approve agenda
              </button>
              <button type="button" className="button button--secondary" onClick={() => open({ kind: 'return', title: 'Return the agenda for changes', label: 'What needs to change', required: true })}>
                Return with comments
              </button>
            </>
          )}
          {agenda.state === 'in-review' && !isChair && <p className="muted">Waiting for the chair. Only the chair can approve or return it.</p>}
          {agenda.state !== 'approved' && (
            <button type="button" className="button button--secondary" onClick={() => open({ kind: 'comment', title: 'Comment on the agenda', label: 'Comment', required: true })}>
              Comment on the agenda
            </button>
          )}
          {agenda.state === 'approved' && (
            <button type="button" className="button button--secondary" onClick={() => open({ kind: 'reopen', title: 'Reopen the approved agenda', label: 'Reason for reopening', required: true })}>
              Reopen agenda
            </button>
          )}
        </div>
      )}
      {agenda.events.length > 0 && (
        <ol className="timeline" aria-label="Review history">
          {agenda.events.map((ev) => (
            <li key={ev.id}>
              <span className="timeline__when">{formatTimestamp(ev.at)}</span> <strong>{ev.actorName}</strong> ({ev.actorRole}) {ACTION_TEXT[ev.action]}
              {ev.itemTitle && <> on “{ev.itemTitle}”</>}
              {ev.comment && <blockquote>{ev.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
      {ask && (
        <Dialog title={ask.title} onClose={() => setAsk(null)}>
          <FormErrorSummary message={error && !error.endsWith('is required') ? error : null} />
          <Field label={ask.label} error={error?.endsWith('is required') ? error : undefined}>
            {(p) => <textarea {...p} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <div className="form__actions">
            <button type="button" className="button" onClick={confirm}>
              {ask.title.split(' ')[0]}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsk(null)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
