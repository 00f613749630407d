import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { RETENTION_RULES, RETENTION_RULE_LABELS, retentionSettingsInput, type RetentionSettings as Rules } from '#shared/domain/retention';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { useRetentionDueCount, useRetentionRules } from './hooks';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { useToast } from '../../ui/Toast';

/** Settings: how many years personal detail is kept, per kind of evidence. */
export function RetentionSettings() {
  const qc = useQueryClient();
  const rules = useRetentionRules();
  const due = useRetentionDueCount();
  const toast = useToast();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (rules.data) setValues(Object.fromEntries(RETENTION_RULES.map((k) => [k, String(rules.data[k])])));
  }, [rules.data]);
  const save = useMutation({
    mutationFn: (v: Rules) => call('setRetentionSettings', v),
    onSuccess: () => {
      toast.notify('Retention periods saved');
      void qc.invalidateQueries({ queryKey: keys.retention.all });
    },
  });
  return (
    <section aria-labelledby="retention">
      <h2 id="retention">Retention of personal detail</h2>
      <p className="muted">
        After these periods the personal detail of a record (the person’s name, the case reference, a coroner’s account of the circumstances) is erased for good. The
        anonymised record, its learning, its themes and recommendations stay.
      </p>
      <p>
        {due.data !== undefined ? (
          due.data ? (
            <Link href="/retention" className="button button--secondary">
              Review {due.data.toLocaleString('en-GB')} {due.data === 1 ? 'record' : 'records'} due for erasure
            </Link>
          ) : (
            <>
              Nothing is due for erasure today. <Link href="/retention">Open the retention review</Link>
            </>
          )
        ) : null}
      </p>
      <form
        className="form form--inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = retentionSettingsInput.safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? Number.NaN : Number(v)])));
          if (!parsed.success) {
            setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
            return;
          }
          setErrors({});
          save.mutate(parsed.data);
        }}
      >
        <FormErrorSummary message={Object.keys(errors).length ? 'Check the highlighted periods.' : save.error instanceof Error ? save.error.message : null} />
        {RETENTION_RULES.map((k) => (
          <Field key={k} label={`${RETENTION_RULE_LABELS[k]}: years`} error={errors[k]}>
            {(p) => <input {...p} type="number" min={1} max={100} inputMode="numeric" value={values[k] ?? ''} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />}
          </Field>
        ))}
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            Save retention periods
          </button>
        </div>
      </form>
    </section>
  );
}
