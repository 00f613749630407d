import { useState } from 'react';
import { ESCALATION_LABELS, ESCALATION_LEVELS, recEscalateInput, type EscalationLevel, type Recommendation } from '#shared/domain/recommendations';
import { formatDateLong, londonToday } from '#shared/format';
import { ApiError } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { PiiWarnings } from '../../ui/PiiWarnings';
import { useToast } from '../../ui/Toast';
import { useEscalateRecommendation } from './hooks';

const CHOICE_LABELS: Record<EscalationLevel, string> = {
  none: 'Withdraw the escalation',
  panel: 'The panel',
  'secretary-of-state': 'The Secretary of State',
  ministers: 'Ministers',
};

/** Escalation runs to the panel, then the Secretary of State, then ministers; each step is dated and reasoned. */
export function EscalateForm({ rec, onDone }: { rec: Recommendation; onDone(): void }) {
  const save = useEscalateRecommendation();
  const toast = useToast();
  const today = londonToday(new Date());
  const choices = ESCALATION_LEVELS.filter((l) => l !== rec.escalationLevel);
  // One step up is the usual next step; at the top, the only moves are down.
  const up = ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(rec.escalationLevel) + 1] as EscalationLevel | undefined;
  const [v, setV] = useState({ level: (up ?? choices[0]) as EscalationLevel, onDate: today, reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = { id: rec.id, ...v };
    const parsed = recEscalateInput.safeParse(value);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      setSummary('Check the highlighted fields.');
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(value);
      toast.notify(v.level === 'none' ? `${rec.ref}: escalation withdrawn` : `${rec.ref} ${ESCALATION_LABELS[v.level].toLowerCase()}`);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setSummary(err instanceof Error ? err.message : 'The escalation could not be recorded.');
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <FormErrorSummary message={summary} />
      <p>
        Now: <strong>{ESCALATION_LABELS[rec.escalationLevel]}</strong>
        {rec.escalatedOn && ` (since ${formatDateLong(rec.escalatedOn)})`}.
      </p>
      <Field label="Escalate to" error={errors.level}>
        {(p) => (
          <select {...p} value={v.level} onChange={(e) => setV({ ...v, level: e.target.value as EscalationLevel })}>
            {choices.map((l) => (
              <option key={l} value={l}>
                {CHOICE_LABELS[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Date of escalation" error={errors.onDate}>
        {(p) => <input {...p} type="date" min={rec.panelDate} max={today} value={v.onDate} onChange={(e) => setV({ ...v, onDate: e.target.value })} />}
      </Field>
      <Field label="Reason" hint="Why it needs to go higher: what is blocked and what is being asked for." error={errors.reason}>
        {(p) => (
          <>
            <textarea {...p} rows={4} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} />
            <PiiWarnings text={v.reason} />
          </>
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {v.level === 'none' ? 'Withdraw the escalation' : 'Escalate'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
