import { useState, type FormEvent } from 'react';
import { identityInput, USER_ROLES, USER_ROLE_LABELS, type Identity, type UserRole } from '#shared/domain/identity';
import { ApiError } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { useSetIdentity } from './hooks';

export function IdentityForm({ initial, submitLabel, onSaved }: { initial?: Identity | null; submitLabel: string; onSaved?: (who: Identity) => void }) {
  const save = useSetIdentity();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<UserRole>(initial?.role ?? 'secretariat');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSummary(null);
    const parsed = identityInput.safeParse({ name, role });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      setSummary('Check the highlighted fields.');
      return;
    }
    setErrors({});
    try {
      // Saved first, then told: `onSaved?.(await …)` would skip the save when there is no listener.
      const saved = await save.mutateAsync(parsed.data);
      onSaved?.(saved);
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setSummary(err instanceof Error ? err.message : 'Your details could not be saved. Try again.');
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary message={summary} />
      <Field label="Your name" hint="Shown as the author of approvals, minutes and updates." error={errors.name}>
        {(p) => <input {...p} type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Your role" error={errors.role}>
        {(p) => (
          <select {...p} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {USER_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
