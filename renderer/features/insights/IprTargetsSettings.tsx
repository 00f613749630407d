import { useEffect, useState } from 'react';
import { IPR_STAGES, IPR_STAGE_LABELS, iprTargetsInput, type IprStage } from '#shared/domain/insights';
import { ApiError } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { useToast } from '../../ui/Toast';
import { useIprTargets, useSetIprTargets } from './hooks';

/** Settings: the days each stage of an Internal Process Review should take; the charts measure against them. */
export function IprTargetsSettings() {
  const targets = useIprTargets();
  const save = useSetIprTargets();
  const toast = useToast();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Partial<Record<IprStage, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (targets.data) setValues(Object.fromEntries(IPR_STAGES.map((k) => [k, String(targets.data[k])])));
  }, [targets.data]);
  return (
    <section aria-labelledby="ipr-targets">
      <h2 id="ipr-targets">Internal Process Review targets</h2>
      <p className="muted">
        How many calendar days each stage of a review should take. The Department has not yet published these measures, so they are the secretariat’s to set; the IPR
        chart shows each year’s median against them.
      </p>
      <form
        className="form form--inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = iprTargetsInput.safeParse(Object.fromEntries(IPR_STAGES.map((k) => [k, values[k] === '' || values[k] === undefined ? Number.NaN : Number(values[k])])));
          if (!parsed.success) {
            setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
            setProblem('Check the highlighted targets.');
            return;
          }
          setErrors({});
          setProblem(null);
          save.mutate(parsed.data, {
            onSuccess: () => toast.notify('Review targets saved'),
            onError: (err) => {
              if (err instanceof ApiError && err.fields) setErrors(err.fields as Partial<Record<IprStage, string>>);
              setProblem(err instanceof Error ? err.message : 'The targets were not saved.');
            },
          });
        }}
      >
        <FormErrorSummary message={problem} />
        {IPR_STAGES.map((k) => (
          <Field key={k} label={`${IPR_STAGE_LABELS[k]}: days`} error={errors[k]}>
            {(p) => <input {...p} type="number" min={1} max={730} inputMode="numeric" value={values[k] ?? ''} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />}
          </Field>
        ))}
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={save.isPending || !targets.data}>
            Save review targets
          </button>
        </div>
      </form>
    </section>
  );
}
