import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { memberInput, MEMBER_ROLES, MEMBER_ROLE_LABELS, type Member, type MemberInput } from '#shared/domain/members';
import { londonToday } from '#shared/format';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { applyServerError } from '../../ui/serverErrors';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useMember, useSaveMember } from './hooks';
import { History } from '../../ui/History';

const FIELDS = ['name', 'role', 'organisation', 'email', 'activeFrom', 'activeTo'] as const;
type Values = { name: string; role: MemberInput['role']; organisation: string; email: string; activeFrom: string; activeTo: string };

/** Today in London, as main counts days (not this computer's own time zone). */
const today = () => londonToday(new Date());

export function NewMemberPage() {
  return <MemberFormPage member={null} />;
}

export function EditMemberPage({ id }: { id: number }) {
  const m = useMember(id);
  if (m.isPending) return <Loading what="the member" />;
  if (m.isError) return <ErrorState error={m.error} onRetry={() => m.refetch()} />;
  return <MemberFormPage member={m.data} />;
}

function MemberFormPage({ member }: { member: Member | null }) {
  const save = useSaveMember();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [summary, setSummary] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(memberInput) as never,
    defaultValues: member
      ? { name: member.name, role: member.role, organisation: member.organisation, email: member.email, activeFrom: member.activeFrom, activeTo: member.activeTo ?? '' }
      : { name: '', role: 'director-general', organisation: '', email: '', activeFrom: today(), activeTo: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setSummary(null);
    try {
      const input = { ...values, activeTo: values.activeTo || null };
      const saved = await save.mutateAsync(member ? { ...input, id: member.id } : input);
      toast.notify(`${saved.name} saved`);
      navigate('/members');
    } catch (err) {
      setSummary(applyServerError(err, setError, FIELDS));
    }
  });
  const e = formState.errors;
  return (
    <Page title={member ? `Edit ${member.name}` : 'Add a member'} back={<Link href="/members">Back to members</Link>}>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary message={summary ?? (Object.keys(e).length ? 'Check the highlighted fields.' : null)} />
        <Field label="Name" error={e.name?.message}>
          {(p) => <input {...p} type="text" {...register('name')} />}
        </Field>
        <Field label="Role" error={e.role?.message}>
          {(p) => (
            <select {...p} {...register('role')}>
              {MEMBER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {MEMBER_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Organisation or directorate" hint="For example: Service Excellence, or Independent Case Examiner's Office." error={e.organisation?.message}>
          {(p) => <input {...p} type="text" {...register('organisation')} />}
        </Field>
        <Field label="E-mail (optional)" error={e.email?.message}>
          {(p) => <input {...p} type="email" autoComplete="off" {...register('email')} />}
        </Field>
        <div className="form__row">
          <Field label="Active from" error={e.activeFrom?.message}>
            {(p) => <input {...p} type="date" {...register('activeFrom')} />}
          </Field>
          <Field label="Active to (optional)" hint="Leave blank while they are a member." error={e.activeTo?.message}>
            {(p) => <input {...p} type="date" {...register('activeTo')} />}
          </Field>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={formState.isSubmitting}>
            {member ? 'Save changes' : 'Add member'}
          </button>
          <Link href="/members" className="button button--secondary">
            Cancel
          </Link>
        </div>
      </form>
      {member && <History table="members" recordKey={String(member.id)} />}
    </Page>
  );
}
