// One agenda item as the minute-taker records it: its clock, notes, decisions, actions and
// recommendations, each saved as it is typed.
import { useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { ITEM_PURPOSE_LABELS } from '#shared/domain/agenda';
import type { Meeting, MeetingItem } from '#shared/domain/meeting';
import type { Member } from '#shared/domain/members';
import { REC_STATUS_LABELS, RAG_LABELS, type RecommendationSummary } from '#shared/domain/recommendations';
import type { ThemeOption } from '#shared/domain/themes';
import { formatDateCompact } from '#shared/format';
import { call } from '../../api/client';
import { useAutosave } from './autosave';
import { excerpt, RemoveEntry } from './RemoveEntry';
import { useMattersArising, useMeetingChange } from './hooks';
import { ErrorState, Loading } from '../../ui/States';

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Seconds on the item's clock now, ticking while it runs. */
function useElapsed(item: MeetingItem, receivedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!item.timerRunning) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [item.timerRunning]);
  return item.elapsedSeconds + (item.timerRunning ? Math.max(0, (now - receivedAt) / 1000) : 0);
}

function SaveError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="field__error" role="alert">
      <span className="visually-hidden">Not saved: </span>
      {error}
    </p>
  );
}

function TextArea({ field, label, initial, save, disabled, rows = 3, autoFocus, hint }: { field: string; label: string; initial: string; save: (v: string) => Promise<unknown>; disabled: boolean; rows?: number; autoFocus?: boolean; hint?: string }) {
  const a = useAutosave(field, initial, save);
  const id = useId();
  return (
    <div className={`field${a.error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field__hint">{hint}</p>}
      <SaveError error={a.error} />
      <textarea id={id} rows={rows} value={a.value} disabled={disabled} autoFocus={autoFocus} onChange={(e) => a.change(e.target.value)} onBlur={a.flush} />
    </div>
  );
}

function DecisionRow({ meeting, d, n, focus }: { meeting: Meeting; d: MeetingItem['decisions'][number]; n: number; focus: boolean }) {
  const remove = useMeetingChange(meeting.panel.id, (id: number) => call('removeDecision', { id }));
  const text = useAutosave(`decision:${d.id}:text`, d.text, (v) => call('updateDecision', { id: d.id, text: v }));
  return (
    <li className="minute-entry">
      <div className={`field${text.error ? ' field--error' : ''}`}>
        <label htmlFor={`decision-${d.id}`}>Decision {n}</label>
        <SaveError error={text.error} />
        <textarea id={`decision-${d.id}`} rows={2} value={text.value} disabled={meeting.locked} autoFocus={focus} onChange={(e) => text.change(e.target.value)} onBlur={text.flush} />
      </div>
      {!meeting.locked && (
        <RemoveEntry label={`Remove decision ${n}`} title={`Remove decision ${n}?`} empty={!text.value.trim()} onRemove={() => remove.mutateAsync(d.id)}>
          <p>Decision {n}, “{excerpt(text.value)}”, will be taken out of the minutes. Its words cannot be recovered.</p>
        </RemoveEntry>
      )}
    </li>
  );
}

function ActionRow({ meeting, a, n, focus, owners }: { meeting: Meeting; a: MeetingItem['actions'][number]; n: number; focus: boolean; owners: string }) {
  const remove = useMeetingChange(meeting.panel.id, (id: number) => call('removeAction', { id }));
  const text = useAutosave(`action:${a.id}:text`, a.text, (v) => call('updateAction', { id: a.id, text: v }));
  const owner = useAutosave(`action:${a.id}:owner`, a.owner, (v) => call('updateAction', { id: a.id, owner: v }));
  const due = useAutosave(`action:${a.id}:due`, a.dueDate ?? '', (v) => call('updateAction', { id: a.id, dueDate: v || null }));
  const error = text.error ?? owner.error ?? due.error;
  return (
    <li className="minute-entry">
      <fieldset className="fieldset minute-entry__fields">
        <legend>Action {n}</legend>
        <SaveError error={error} />
        <div className="field">
          <label htmlFor={`action-${a.id}`}>What</label>
          <textarea id={`action-${a.id}`} rows={2} value={text.value} disabled={meeting.locked} autoFocus={focus} onChange={(e) => text.change(e.target.value)} onBlur={text.flush} />
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor={`action-owner-${a.id}`}>Owner</label>
            <input id={`action-owner-${a.id}`} type="text" list={owners} value={owner.value} disabled={meeting.locked} onChange={(e) => owner.change(e.target.value)} onBlur={owner.flush} />
          </div>
          <div className="field">
            <label htmlFor={`action-due-${a.id}`}>Due</label>
            <input id={`action-due-${a.id}`} type="date" value={due.value} disabled={meeting.locked} onChange={(e) => due.change(e.target.value)} onBlur={due.flush} />
          </div>
        </div>
      </fieldset>
      {!meeting.locked && (
        <RemoveEntry label={`Remove action ${n}`} title={`Remove action ${n}?`} empty={!text.value.trim() && !owner.value.trim() && !due.value} onRemove={() => remove.mutateAsync(a.id)}>
          <p>
            Action {n}
            {text.value.trim() ? <>, “{excerpt(text.value)}”</> : ''}
            {owner.value.trim() ? `, owned by ${owner.value.trim()}` : ''}
            {due.value ? `, due ${formatDateCompact(due.value)}` : ''}, will be taken out of the minutes and the action log. It cannot be recovered.
          </p>
        </RemoveEntry>
      )}
    </li>
  );
}

function RecommendationRow({ meeting, r, focus, dgs, themes, owners }: { meeting: Meeting; r: RecommendationSummary; focus: boolean; dgs: Member[]; themes: ThemeOption[]; owners: string }) {
  const remove = useMeetingChange(meeting.panel.id, (id: number) => call('removeRecommendation', { id }));
  const text = useAutosave(`recommendation:${r.id}:text`, r.text, (v) => call('updateRecommendation', { id: r.id, text: v }));
  const owner = useAutosave(`recommendation:${r.id}:owner`, r.owner, (v) => call('updateRecommendation', { id: r.id, owner: v }));
  const target = useAutosave(`recommendation:${r.id}:target`, r.targetDate ?? '', (v) => call('updateRecommendation', { id: r.id, targetDate: v || null }));
  const dg = useAutosave(`recommendation:${r.id}:dg`, r.dgId === null ? '' : String(r.dgId), (v) => call('updateRecommendation', { id: r.id, dgId: v ? Number(v) : null }), 0);
  const linked = useAutosave(`recommendation:${r.id}:themes`, r.themeIds.map(String), (v) => call('updateRecommendation', { id: r.id, themeIds: v.map(Number) }), 0);
  const error = text.error ?? owner.error ?? target.error ?? dg.error ?? linked.error;
  const disabled = meeting.locked;
  return (
    // its Remove button below it, so that the fields have the pane's width
    <li className="minute-entry minute-entry--stacked">
      <fieldset className="fieldset minute-entry__fields">
        <legend>
          <Link href={`/recommendations/${r.id}`}>{r.ref}</Link> <span className="muted">· {REC_STATUS_LABELS[r.status]}</span>
        </legend>
        <SaveError error={error} />
        <div className="field">
          <label htmlFor={`rec-${r.id}`}>Recommendation</label>
          <textarea id={`rec-${r.id}`} rows={3} value={text.value} disabled={disabled} autoFocus={focus} onChange={(e) => text.change(e.target.value)} onBlur={text.flush} />
        </div>
        <div className="form__row">
          {/* a line of its own: a Director General's name and directorate were cut off beside two other fields */}
          <div className="field field--whole-row">
            <label htmlFor={`rec-dg-${r.id}`}>Accountable Director General</label>
            <select id={`rec-dg-${r.id}`} value={dg.value} disabled={disabled} onChange={(e) => dg.change(e.target.value)}>
              <option value="">Choose…</option>
              {dgs.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                  {m.organisation ? `, ${m.organisation}` : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`rec-owner-${r.id}`}>Owner</label>
            <input id={`rec-owner-${r.id}`} type="text" list={owners} value={owner.value} disabled={disabled} onChange={(e) => owner.change(e.target.value)} onBlur={owner.flush} />
          </div>
          <div className="field">
            <label htmlFor={`rec-target-${r.id}`}>Target date</label>
            <input id={`rec-target-${r.id}`} type="date" value={target.value} disabled={disabled} onChange={(e) => target.change(e.target.value)} onBlur={target.flush} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`rec-themes-${r.id}`}>Themes</label>
          <p className="field__hint" id={`rec-themes-hint-${r.id}`}>
            Hold Ctrl (or ⌘) to choose more than one.
          </p>
          <select
            id={`rec-themes-${r.id}`}
            multiple
            size={Math.min(4, Math.max(2, themes.length))}
            aria-describedby={`rec-themes-hint-${r.id}`}
            value={linked.value}
            disabled={disabled}
            onChange={(e) => linked.change([...e.target.selectedOptions].map((o) => o.value))}
          >
            {themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        {!r.complete && <p className="muted">Needs its text, accountable Director General, owner and target date before the minutes can be approved.</p>}
      </fieldset>
      {!disabled && r.status === 'proposed' && (
        <RemoveEntry
          label={`Remove ${r.ref}`}
          title={`Remove ${r.ref}?`}
          empty={!text.value.trim() && !owner.value.trim() && !target.value && !dg.value && linked.value.length === 0}
          onRemove={() => remove.mutateAsync(r.id)}
        >
          <p>
            {r.ref}
            {text.value.trim() ? <>, “{excerpt(text.value)}”,</> : ''} will be removed with its Director General, owner, target date and themes. What was written cannot be recovered, and the reference {r.ref} will not be used again.
          </p>
        </RemoveEntry>
      )}
    </li>
  );
}

function MattersArising({ meeting, which }: { meeting: Meeting; which: 'actions' | 'recommendations' }) {
  const arising = useMattersArising(meeting.panel.id);
  if (arising.isPending) return <Loading what="matters arising" />;
  if (arising.isError) return <ErrorState error={arising.error} onRetry={() => void arising.refetch()} />;
  const { actions, recommendations } = arising.data;
  if (which === 'actions') {
    return (
      <section aria-labelledby="ma-actions">
        <h3 id="ma-actions">Matters arising: open actions from earlier panels ({actions.length})</h3>
        {actions.length === 0 ? (
          <p className="muted">No actions are open from earlier panels.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">From the panel of</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.text}</td>
                  <td>{a.owner}</td>
                  <td>
                    {a.dueDate ? formatDateCompact(a.dueDate) : '—'} {a.overdue && <span className="badge badge--overdue">Overdue</span>}
                  </td>
                  <td>{formatDateCompact(a.panelDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="ma-recs">
      <h3 id="ma-recs">Recommendations due for update ({recommendations.length})</h3>
      {recommendations.length === 0 ? (
        <p className="muted">No recommendations from earlier panels are open.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Ref</th>
              <th scope="col">Recommendation</th>
              <th scope="col">Status</th>
              <th scope="col">Target</th>
              <th scope="col">RAG</th>
            </tr>
          </thead>
          <tbody>
            {recommendations.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  <Link href={`/recommendations/${r.id}`}>{r.ref}</Link>
                </td>
                <td>{r.text}</td>
                <td>{REC_STATUS_LABELS[r.status]}</td>
                <td className="nowrap">
                  {r.targetDate ? formatDateCompact(r.targetDate) : '—'} {r.overdue && <span className="badge badge--overdue">Overdue</span>}
                </td>
                <td>
                  <span className={`rag rag--${r.rag}`}>{RAG_LABELS[r.rag]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface FocusRequest {
  kind: 'decision' | 'action' | 'recommendation';
  /** number of entries before the add, so the new one (the last) takes focus */
  after: number;
}

export function ItemPane({
  meeting,
  item,
  number,
  receivedAt,
  members,
  themes,
  focus,
  onAdd,
  onTimer,
}: {
  meeting: Meeting;
  item: MeetingItem;
  number: number;
  receivedAt: number;
  members: Member[];
  themes: ThemeOption[];
  focus: FocusRequest | null;
  onAdd: (kind: FocusRequest['kind']) => void;
  onTimer: () => void;
}) {
  const elapsed = useElapsed(item, receivedAt);
  const allotted = item.minutes * 60;
  const over = elapsed > allotted;
  const dgs = members.filter((m) => m.role === 'director-general');
  const owners = `owners-${item.id}`;
  const disabled = meeting.locked || meeting.phase === 'not-started';
  const focusLast = (kind: FocusRequest['kind'], count: number) => focus?.kind === kind && count > focus.after;
  return (
    <article className="meeting-item" aria-labelledby={`item-title-${item.id}`}>
      <header className="meeting-item__header">
        <h2 id={`item-title-${item.id}`} tabIndex={-1}>
          {number}. {item.title}
        </h2>
        <p className="muted">
          {ITEM_PURPOSE_LABELS[item.purpose]}
          {item.presenterName ? ` · presented by ${item.presenterName}` : ''}
          {item.themeId !== null && (
            <>
              {' · theme: '}
              <Link href={`/themes/${item.themeId}`}>{item.themeTitle}</Link>
            </>
          )}
        </p>
        <div className={`meeting-timer${over ? ' meeting-timer--over' : ''}`}>
          <span role="timer" aria-label={`Time on this item: ${clock(elapsed)} of ${item.minutes} minutes`} className="meeting-timer__clock">
            {clock(elapsed)}
          </span>
          <span className="muted"> of {item.minutes} min</span>
          {over && <span className="badge badge--overdue">Over time by {Math.ceil((elapsed - allotted) / 60)} min</span>}
          {!disabled && (
            <button type="button" className="button button--small button--secondary" onClick={onTimer} aria-keyshortcuts="Alt+T">
              {item.timerRunning ? 'Stop timer' : 'Start timer'}
            </button>
          )}
        </div>
      </header>
      <datalist id={owners}>
        {members.map((m) => (
          <option key={m.id} value={m.name} />
        ))}
      </datalist>

      {item.standingKey === 'minutes' && <MattersArising meeting={meeting} which="actions" />}
      {item.standingKey === 'tracker' && <MattersArising meeting={meeting} which="recommendations" />}

      <TextArea key={`notes-${item.id}`} field={`item:${item.id}:notes`} label="Discussion notes" hint="A summary of the discussion for the minutes. Themes, not individual cases." initial={item.notes} rows={6} disabled={disabled} save={(v) => call('saveItemNotes', { itemId: item.id, notes: v })} />

      <section aria-labelledby={`decisions-${item.id}`}>
        <div className="section-header">
          <h3 id={`decisions-${item.id}`}>Decisions ({item.decisions.length})</h3>
          {!disabled && (
            <button type="button" className="button button--small" onClick={() => onAdd('decision')} aria-keyshortcuts="Alt+D">
              Add decision
            </button>
          )}
        </div>
        <ol className="minute-list">
          {item.decisions.map((d, i) => (
            <DecisionRow key={d.id} meeting={meeting} d={d} n={i + 1} focus={i === item.decisions.length - 1 && focusLast('decision', item.decisions.length)} />
          ))}
        </ol>
      </section>

      <section aria-labelledby={`actions-${item.id}`}>
        <div className="section-header">
          <h3 id={`actions-${item.id}`}>Actions ({item.actions.length})</h3>
          {!disabled && (
            <button type="button" className="button button--small" onClick={() => onAdd('action')} aria-keyshortcuts="Alt+A">
              Add action
            </button>
          )}
        </div>
        <ol className="minute-list">
          {item.actions.map((a, i) => (
            <ActionRow key={a.id} meeting={meeting} a={a} n={i + 1} owners={owners} focus={i === item.actions.length - 1 && focusLast('action', item.actions.length)} />
          ))}
        </ol>
      </section>

      <section aria-labelledby={`recs-${item.id}`}>
        <div className="section-header">
          <h3 id={`recs-${item.id}`}>Recommendations ({item.recommendations.length})</h3>
          {!disabled && (
            <button type="button" className="button button--small" onClick={() => onAdd('recommendation')} aria-keyshortcuts="Alt+R">
              Add recommendation
            </button>
          )}
        </div>
        <ol className="minute-list">
          {item.recommendations.map((r, i) => (
            <RecommendationRow
              key={r.id}
              meeting={meeting}
              r={r}
              dgs={dgs}
              themes={themes}
              owners={owners}
              focus={i === item.recommendations.length - 1 && focusLast('recommendation', item.recommendations.length)}
            />
          ))}
        </ol>
      </section>
    </article>
  );
}
