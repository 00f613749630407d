// Who is here: each invited member present, sending apologies, or represented by a named deputy,
// with late arrivals and early departures; declarations of interest; the quorum as it stands.
import type { Attendee, AttendanceStatus, Meeting } from '#shared/domain/meeting';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES } from '#shared/domain/meeting';
import { MEMBER_ROLE_LABELS } from '#shared/domain/members';
import { describeQuorum } from '#shared/domain/tor';
import { call } from '../../api/client';
import { useAutosave } from './autosave';
import { useMeetingChange } from './hooks';
import { excerpt, RemoveEntry } from './RemoveEntry';

function AttendeeRow({ meeting, a }: { meeting: Meeting; a: Attendee }) {
  const set = useMeetingChange(meeting.panel.id, (v: { status: AttendanceStatus | null; deputyName?: string; arrivedAt?: string | null; leftAt?: string | null }) =>
    call('setAttendance', { panelId: meeting.panel.id, memberId: a.memberId, ...v }),
  );
  const here = a.status === 'present' || a.status === 'deputy';
  const deputy = useAutosave(`attendance:${a.memberId}:deputy`, a.deputyName, (v) => call('setAttendance', { panelId: meeting.panel.id, memberId: a.memberId, status: 'deputy', deputyName: v, arrivedAt: a.arrivedAt, leftAt: a.leftAt }));
  const disabled = meeting.locked || meeting.phase === 'not-started';
  const err = set.error as { fields?: Record<string, string>; message?: string } | null;
  const fieldError = err?.fields ? Object.values(err.fields)[0] : err?.message;
  const times = (patch: { arrivedAt?: string | null; leftAt?: string | null }) => set.mutate({ status: a.status, deputyName: a.deputyName, arrivedAt: a.arrivedAt, leftAt: a.leftAt, ...patch });
  return (
    <tr>
      <th scope="row">
        {a.name}
        <div className="muted">{MEMBER_ROLE_LABELS[a.role]}</div>
      </th>
      <td>
        <fieldset className="choice-inline attendance__choice" disabled={disabled}>
          <legend className="visually-hidden">Attendance of {a.name}</legend>
          {ATTENDANCE_STATUSES.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name={`att-${a.memberId}`} value={s} checked={a.status === s} onChange={() => set.mutate({ status: s, deputyName: a.deputyName })} />
              {s === 'deputy' ? 'Deputy' : ATTENDANCE_LABELS[s]}
            </label>
          ))}
        </fieldset>
        {fieldError && (
          <p className="field__error" role="alert">
            {fieldError}
          </p>
        )}
      </td>
      <td>
        {a.status === 'deputy' && (
          <div className={`field${deputy.error ? ' field--error' : ''}`}>
            <label htmlFor={`deputy-${a.memberId}`}>Deputy’s name</label>
            <input id={`deputy-${a.memberId}`} type="text" value={deputy.value} disabled={disabled} onChange={(e) => deputy.change(e.target.value)} onBlur={deputy.flush} />
          </div>
        )}
      </td>
      <td>
        {here && (
          <div className="form__row attendance__times">
            <div className="field">
              <label htmlFor={`arr-${a.memberId}`}>Arrived</label>
              <input id={`arr-${a.memberId}`} type="time" defaultValue={a.arrivedAt ?? ''} disabled={disabled} onBlur={(e) => e.target.value !== (a.arrivedAt ?? '') && times({ arrivedAt: e.target.value || null })} />
            </div>
            <div className="field">
              <label htmlFor={`left-${a.memberId}`}>Left</label>
              <input id={`left-${a.memberId}`} type="time" defaultValue={a.leftAt ?? ''} disabled={disabled} onBlur={(e) => e.target.value !== (a.leftAt ?? '') && times({ leftAt: e.target.value || null })} />
            </div>
          </div>
        )}
      </td>
    </tr>
  );
}

function DeclarationRow({ meeting, d, n }: { meeting: Meeting; d: Meeting['declarations'][number]; n: number }) {
  const remove = useMeetingChange(meeting.panel.id, (id: number) => call('removeDeclaration', { id }));
  const member = useAutosave(`declaration:${d.id}:member`, d.memberId === null ? '' : String(d.memberId), (v) => call('updateDeclaration', { id: d.id, memberId: v ? Number(v) : null }), 0);
  const item = useAutosave(`declaration:${d.id}:item`, d.itemId === null ? '' : String(d.itemId), (v) => call('updateDeclaration', { id: d.id, itemId: v ? Number(v) : null }), 0);
  const interest = useAutosave(`declaration:${d.id}:interest`, d.interest, (v) => call('updateDeclaration', { id: d.id, interest: v }));
  const action = useAutosave(`declaration:${d.id}:action`, d.actionTaken, (v) => call('updateDeclaration', { id: d.id, actionTaken: v }));
  const disabled = meeting.locked;
  const error = member.error ?? item.error ?? interest.error ?? action.error;
  return (
    <li className="minute-entry">
      <fieldset className="fieldset minute-entry__fields">
        <legend>Declaration {n}</legend>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="form__row">
          <div className="field">
            <label htmlFor={`decl-member-${d.id}`}>Member</label>
            <select id={`decl-member-${d.id}`} value={member.value} disabled={disabled} onChange={(e) => member.change(e.target.value)}>
              <option value="">Choose…</option>
              {meeting.attendees.map((a) => (
                <option key={a.memberId} value={a.memberId}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`decl-item-${d.id}`}>Item</label>
            <select id={`decl-item-${d.id}`} value={item.value} disabled={disabled} onChange={(e) => item.change(e.target.value)}>
              <option value="">The whole meeting</option>
              {meeting.items.map((i, k) => (
                <option key={i.id} value={i.id}>
                  {k + 1}. {i.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`decl-interest-${d.id}`}>Interest declared</label>
          <input id={`decl-interest-${d.id}`} type="text" value={interest.value} disabled={disabled} onChange={(e) => interest.change(e.target.value)} onBlur={interest.flush} />
        </div>
        <div className="field">
          <label htmlFor={`decl-action-${d.id}`}>What was done about it</label>
          <input id={`decl-action-${d.id}`} type="text" value={action.value} disabled={disabled} placeholder="e.g. took no part in the item" onChange={(e) => action.change(e.target.value)} onBlur={action.flush} />
        </div>
      </fieldset>
      {!disabled && (
        <RemoveEntry label={`Remove declaration ${n}`} title={`Remove declaration ${n}?`} empty={!member.value && !interest.value.trim() && !action.value.trim()} onRemove={() => remove.mutateAsync(d.id)}>
          <p>
            Declaration {n}
            {member.value ? ` by ${meeting.attendees.find((a) => String(a.memberId) === member.value)?.name ?? 'a member'}` : ''}
            {interest.value.trim() ? <>, “{excerpt(interest.value)}”,</> : ''} will be taken out of the minutes. It cannot be recovered.
          </p>
        </RemoveEntry>
      )}
    </li>
  );
}

export function QuorumIndicator({ meeting }: { meeting: Meeting }) {
  const q = meeting.quorum;
  return (
    <p className={`quorum ${q.met ? 'quorum--met' : 'quorum--short'}`} role="status" aria-live="polite">
      <strong>{q.met ? 'Quorate' : 'Not quorate'}</strong>
      <span>
        {' '}
        · {q.members} present or represented, {q.directorsGeneral} Director{q.directorsGeneral === 1 ? '' : 's'} General
        {q.met ? '' : ` · needs ${q.shortfall.join(', ')}`}
      </span>
    </p>
  );
}

export function AttendancePane({ meeting }: { meeting: Meeting }) {
  const addDeclaration = useMeetingChange(meeting.panel.id, () => call('addDeclaration', { panelId: meeting.panel.id }));
  const recorded = meeting.attendees.filter((a) => a.status !== null).length;
  const disabled = meeting.locked || meeting.phase === 'not-started';
  return (
    <article className="meeting-item" aria-labelledby="attendance-title">
      <header className="meeting-item__header">
        <h2 id="attendance-title" tabIndex={-1}>Attendance and declarations</h2>
        <p className="muted">
          {recorded} of {meeting.attendees.length} recorded. {describeQuorum(meeting.quorum.rule)} The rule comes from {meeting.quorum.source}.
        </p>
        <QuorumIndicator meeting={meeting} />
      </header>
      <table className="table attendance">
        <caption className="visually-hidden">Attendance of each invited member</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Attendance</th>
            <th scope="col">Deputy</th>
            <th scope="col">Times</th>
          </tr>
        </thead>
        <tbody>
          {meeting.attendees.map((a) => (
            <AttendeeRow key={a.memberId} meeting={meeting} a={a} />
          ))}
        </tbody>
      </table>
      {meeting.inAttendance.length > 0 && (
        <p>
          <strong>In attendance:</strong> {meeting.inAttendance.map((m) => `${m.name} (${MEMBER_ROLE_LABELS[m.role].toLowerCase()})`).join(', ')}
        </p>
      )}
      <section aria-labelledby="declarations-title">
        <div className="section-header">
          <h3 id="declarations-title">Declarations of interest ({meeting.declarations.length})</h3>
          {!disabled && (
            <button type="button" className="button button--small" onClick={() => addDeclaration.mutate(undefined)}>
              Add declaration
            </button>
          )}
        </div>
        {meeting.declarations.length === 0 && <p className="muted">None declared.</p>}
        <ol className="minute-list">
          {meeting.declarations.map((d, i) => (
            <DeclarationRow key={d.id} meeting={meeting} d={d} n={i + 1} />
          ))}
        </ol>
      </section>
    </article>
  );
}
