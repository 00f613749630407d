import { useState } from 'react';
import { OPEN_REC_STATUSES, REC_STATUS_LABELS, REC_TRANSITIONS, recUpdateInput, type Recommendation, type RecStatus, type RecUpdateInput } from '#shared/domain/recommendations';
import { formatDateLong, londonToday } from '#shared/format';
import { ApiError } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { PiiWarnings } from '../../ui/PiiWarnings';
import { useToast } from '../../ui/Toast';
import { useAddRecommendationUpdate } from './hooks';

/** A dated note of progress, optionally moving the status (only to where it may go next) or the target date. */
export function UpdateForm({ rec, onDone }: { rec: Recommendation; onDone(): void }) {
  const save = useAddRecommendationUpdate();
  const toast = useToast();
  const today = londonToday(new Date());
  const next = REC_TRANSITIONS[rec.status];
  const [v, setV] = useState({ onDate: today, narrative: '', status: '' as RecStatus | '', targetDate: '', notAcceptedReason: '', implementationEvidence: '', confirmedBy: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const set = (k: keyof typeof v, value: string) => setV((x) => ({ ...x, [k]: value }));
  const becomes = v.status || rec.status;

  function input(): RecUpdateInput {
    return {
      id: rec.id,
      onDate: v.onDate,
      narrative: v.narrative,
      ...(v.status && { status: v.status }),
      ...(v.targetDate && OPEN_REC_STATUSES.includes(becomes) && { targetDate: v.targetDate }),
      ...(v.status === 'not-accepted' && { notAcceptedReason: v.notAcceptedReason }),
      ...((v.status === 'implemented' || v.status === 'closed') && { implementationEvidence: v.implementationEvidence }),
      ...(v.status === 'closed' && { confirmedBy: v.confirmedBy }),
    };
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = input();
    const parsed = recUpdateInput.safeParse(value);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      setSummary('Check the highlighted fields.');
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(value);
      toast.notify(v.status ? `${rec.ref} is now ${REC_STATUS_LABELS[v.status].toLowerCase()}` : `Update added to ${rec.ref}`);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setSummary(err instanceof Error ? err.message : 'The update could not be added.');
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <FormErrorSummary message={summary} />
      <Field label="Date of the update" hint={`On or after the panel (${formatDateLong(rec.panelDate)}), and not in the future.`} error={errors.onDate}>
        {(p) => <input {...p} type="date" min={rec.panelDate} max={today} value={v.onDate} onChange={(e) => set('onDate', e.target.value)} />}
      </Field>
      <Field label="What has happened" hint="This goes into the tracker in the panel pack: no names or case details." error={errors.narrative}>
        {(p) => (
          <>
            <textarea {...p} rows={4} value={v.narrative} onChange={(e) => set('narrative', e.target.value)} />
            <PiiWarnings text={v.narrative} />
          </>
        )}
      </Field>
      <Field label="New status (optional)" hint={`It is ${REC_STATUS_LABELS[rec.status].toLowerCase()}; it can next be ${next.map((s) => REC_STATUS_LABELS[s].toLowerCase()).join(' or ')}.`} error={errors.status}>
        {(p) => (
          <select {...p} value={v.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">No change ({REC_STATUS_LABELS[rec.status]})</option>
            {next.map((s) => (
              <option key={s} value={s}>
                {REC_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {v.status === 'not-accepted' && (
        <Field label="Reason for not accepting" error={errors.notAcceptedReason}>
          {(p) => (
            <>
              <textarea {...p} rows={3} value={v.notAcceptedReason} onChange={(e) => set('notAcceptedReason', e.target.value)} />
              <PiiWarnings text={v.notAcceptedReason} />
            </>
          )}
        </Field>
      )}
      {(v.status === 'implemented' || v.status === 'closed') && (
        <Field label={v.status === 'closed' ? 'Evidence of implementation' : 'Evidence of implementation (optional)'} hint="What shows it is done: a guidance release, an audit report, a system change." error={errors.implementationEvidence}>
          {(p) => <textarea {...p} rows={3} value={v.implementationEvidence} onChange={(e) => set('implementationEvidence', e.target.value)} />}
        </Field>
      )}
      {v.status === 'closed' && (
        <Field label="Confirmed by" hint="Who confirmed it was implemented (name or post)." error={errors.confirmedBy}>
          {(p) => <input {...p} type="text" value={v.confirmedBy} onChange={(e) => set('confirmedBy', e.target.value)} />}
        </Field>
      )}
      {OPEN_REC_STATUSES.includes(becomes) && (
        <Field label="New target date (optional)" hint={rec.targetDate ? `Now ${formatDateLong(rec.targetDate)}. Leave blank to keep it; a move is recorded in the history.` : 'Leave blank to keep it unset.'} error={errors.targetDate}>
          {(p) => <input {...p} type="date" min={rec.panelDate} value={v.targetDate} onChange={(e) => set('targetDate', e.target.value)} />}
        </Field>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          Add the update
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
