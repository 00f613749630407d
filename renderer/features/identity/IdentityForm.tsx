import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { identityInput, USER_ROLES, USER_ROLE_LABELS, type Identity } from '#shared/domain/identity';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { applyServerError } from '../../ui/serverErrors';
import { useSetIdentity } from './hooks';

export function IdentityForm({ initial, submitLabel, onSaved }: { initial?: Identity | null; submitLabel: string; onSaved?: (who: Identity) => void }) {
  const save = useSetIdentity();
  const [summary, setSummary] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Identity>({
    resolver: zodResolver(identityInput),
    defaultValues: initial ?? { name: '', role: 'secretariat' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setSummary(null);
    try {
      onSaved?.(await save.mutateAsync(values));
    } catch (err) {
      setSummary(applyServerError(err, setError, ['name', 'role']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary message={summary} />
      <Field label="Your name" hint="Shown as the author of approvals, minutes and updates." error={formState.errors.name?.message}>
        {(p) => <input {...p} type="text" autoComplete="name" {...register('name')} />}
      </Field>
      <Field label="Your role" error={formState.errors.role?.message}>
        {(p) => (
          <select {...p} {...register('role')}>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {USER_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
