import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus, type MeetingAction } from '#shared/domain/meeting';
import { quarterLabel } from '#shared/domain/panels';
import { formatDateCompact, formatDateLong, londonToday } from '#shared/format';
import { ApiError } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useActions, useSetActionStatus } from './hooks';
import { TableScroll } from '../../ui/TableScroll';

type Row = MeetingAction & { panelDate: string };
type Show = ActionStatus | 'all';

const STATUS_BADGE: Record<ActionStatus, string> = { open: 'badge--info', done: 'badge--ok', dropped: 'badge--muted' };
const SHOW_LABELS: Record<Show, string> = { open: 'Open actions', done: 'Done', dropped: 'Dropped', all: 'All actions' };

/** Soonest due first; an action with no due date cannot be late, so it goes last. */
function byDue(a: Row, b: Row): number {
  if (!a.dueDate !== !b.dueDate) return a.dueDate ? -1 : 1;
  return (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || b.panelDate.localeCompare(a.panelDate) || a.id - b.id;
}

export function ActionsPage() {
  const [show, setShow] = useState<Show>('open');
  const actions = useActions(show === 'all' ? {} : { status: show });
  const [changing, setChanging] = useState<{ action: Row; to: ActionStatus } | null>(null);
  const rows = useMemo(() => [...(actions.data ?? [])].sort(byDue), [actions.data]);
  const overdue = rows.filter((a) => a.overdue).length;
  const noun = show === 'open' ? 'open action' : 'action';
  return (
    <Page title="Actions" back={<Link href="/recommendations">Back to recommendations</Link>}>
      <p className="lead">Actions agreed at panels, across every meeting. Mark each one done or dropped when it is, with the date and a note of what happened.</p>
      <label className="inline-field">
        <span>Show</span>
        <select value={show} onChange={(e) => setShow(e.target.value as Show)}>
          {([...ACTION_STATUSES, 'all'] as const).map((s) => (
            <option key={s} value={s}>
              {SHOW_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <p className="count" role="status" aria-live="polite">
        {actions.isPending ? 'Loading…' : `${rows.length.toLocaleString('en-GB')} ${rows.length === 1 ? noun : `${noun}s`} (${overdue.toLocaleString('en-GB')} overdue)`}
      </p>
      {actions.isPending ? (
        <Loading what="actions" />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => actions.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={show === 'open' ? 'No open actions' : 'No actions to show'}>
          <p>Actions are recorded in meeting mode against each agenda item, with an owner and a due date. Open ones also appear in the next panel’s matters arising.</p>
        </EmptyState>
      ) : (
        <TableScroll label="Actions">
          <table className="table">
            <caption className="visually-hidden">{SHOW_LABELS[show]}, soonest due first</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">From the panel</th>
                {show !== 'open' && <th scope="col">Status</th>}
                <th scope="col">
                  <span className="visually-hidden">Change status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td className="prose">{a.text || <span className="muted">No text yet</span>}</td>
                  <td>{a.owner || <span className="muted">No owner</span>}</td>
                  <td className="nowrap">
                    {a.dueDate ? formatDateCompact(a.dueDate) : <span className="muted">No date</span>}
                    {a.overdue && (
                      <>
                        <br />
                        <span className="badge badge--danger">Overdue</span>
                      </>
                    )}
                  </td>
                  <td className="nowrap">
                    <Link href={`/panels/${a.panelId}`}>
                      {quarterLabel(a.panelDate)}, {formatDateCompact(a.panelDate)}
                    </Link>
                  </td>
                  {show !== 'open' && (
                    <td>
                      <span className={`badge ${STATUS_BADGE[a.status]}`}>{ACTION_STATUS_LABELS[a.status]}</span>
                      {a.completedOn && <div className="muted">{formatDateCompact(a.completedOn)}</div>}
                      {a.statusNote && <div>{a.statusNote}</div>}
                    </td>
                  )}
                  <td className="actions">
                    {a.status === 'open' ? (
                      <>
                        <button type="button" className="button button--link" onClick={() => setChanging({ action: a, to: 'done' })}>
                          Mark done<span className="visually-hidden">: {a.text}</span>
                        </button>
                        <button type="button" className="button button--link" onClick={() => setChanging({ action: a, to: 'dropped' })}>
                          Drop<span className="visually-hidden">: {a.text}</span>
                        </button>
                      </>
                    ) : (
                      <button type="button" className="button button--link" onClick={() => setChanging({ action: a, to: 'open' })}>
                        Reopen<span className="visually-hidden">: {a.text}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {changing && <StatusDialog action={changing.action} to={changing.to} onClose={() => setChanging(null)} />}
    </Page>
  );
}

const TITLES: Record<ActionStatus, string> = { done: 'Mark the action done', dropped: 'Drop the action', open: 'Reopen the action' };
const DONE_WORDS: Record<ActionStatus, string> = { done: 'marked done', dropped: 'dropped', open: 'reopened' };

function StatusDialog({ action, to, onClose }: { action: Row; to: ActionStatus; onClose(): void }) {
  const save = useSetActionStatus();
  const toast = useToast();
  const today = londonToday(new Date());
  const [on, setOn] = useState(today);
  const [note, setNote] = useState(to === 'open' ? '' : action.statusNote);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  return (
    <Dialog title={TITLES[to]} onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await save.mutateAsync({ id: action.id, status: to, on, note });
            toast.notify(`Action ${DONE_WORDS[to]}`);
            onClose();
          } catch (err) {
            if (err instanceof ApiError && err.fields) setErrors(err.fields);
            setSummary(err instanceof Error ? err.message : 'The action could not be changed.');
          }
        }}
      >
        <FormErrorSummary message={summary} />
        <blockquote className="rec-text">{action.text || 'No text yet'}</blockquote>
        <p className="muted">
          Owner: {action.owner || 'none'} · from the panel on {formatDateLong(action.panelDate)}
        </p>
        {to !== 'open' && (
          <Field label={to === 'done' ? 'Date done' : 'Date dropped'} error={errors.on}>
            {(p) => <input {...p} type="date" max={today} value={on} onChange={(e) => setOn(e.target.value)} />}
          </Field>
        )}
        <Field label={to === 'dropped' ? 'Why it was dropped' : 'Note (optional)'} hint={to === 'done' ? 'What was done, or where the result can be found.' : undefined} error={errors.note}>
          {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {to === 'done' ? 'Mark done' : to === 'dropped' ? 'Drop the action' : 'Reopen'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
