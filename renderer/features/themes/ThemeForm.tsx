import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { THEME_STATUSES, THEME_STATUS_LABELS, themeInput, type Theme, type ThemeStatus } from '#shared/domain/themes';
import { ApiError } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { PiiWarnings } from '../../ui/PiiWarnings';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useMembers } from '../members/hooks';
import { useSaveTheme, useTheme } from './hooks';

export function NewThemePage() {
  return <ThemeFormPage theme={null} />;
}

export function EditThemePage({ id }: { id: number }) {
  const t = useTheme(id);
  if (t.isPending) return <Loading what="the theme" />;
  if (t.isError) return <ErrorState error={t.error} onRetry={() => t.refetch()} />;
  return <ThemeFormPage theme={t.data} />;
}

function ThemeFormPage({ theme }: { theme: Theme | null }) {
  const members = useMembers(false);
  const dgs = (members.data ?? []).filter((m) => m.role === 'director-general');
  const save = useSaveTheme();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [v, setV] = useState({
    title: theme?.title ?? '',
    description: theme?.description ?? '',
    ownerId: theme?.ownerId ? String(theme.ownerId) : '',
    status: theme?.status ?? ('emerging' as ThemeStatus),
    tags: theme?.tags.join(', ') ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = { title: v.title, description: v.description, ownerId: v.ownerId ? Number(v.ownerId) : null, status: v.status, tags: v.tags.split(',').map((t) => t.trim()).filter(Boolean) };
    const parsed = themeInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      setSummary('Check the highlighted fields.');
      return;
    }
    try {
      const saved = await save.mutateAsync(theme ? { ...input, id: theme.id } : input);
      toast.notify(`Theme “${saved.title}” saved`);
      navigate(`/themes/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setSummary(err instanceof Error ? err.message : 'The theme could not be saved.');
    }
  }

  return (
    <Page title={theme ? `Edit theme` : 'Add a theme'} back={<Link href={theme ? `/themes/${theme.id}` : '/themes'}>{theme ? 'Back to the theme' : 'Back to themes'}</Link>}>
      <form onSubmit={submit} noValidate className="form">
        <FormErrorSummary message={summary} />
        <Field label="Title" hint="The systemic failure, in a few words." error={errors.title}>
          {(p) => (
            <>
              <input {...p} type="text" value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
              <PiiWarnings text={v.title} />
            </>
          )}
        </Field>
        <Field label="Description" error={errors.description}>
          {(p) => (
            <>
              <textarea {...p} rows={6} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
              <PiiWarnings text={v.description} />
            </>
          )}
        </Field>
        <Field label="Owner (a Director General)" error={errors.ownerId}>
          {(p) => (
            <select {...p} value={v.ownerId} onChange={(e) => setV({ ...v, ownerId: e.target.value })}>
              <option value="">Not yet assigned</option>
              {dgs.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.organisation})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status" error={errors.status}>
          {(p) => (
            <select {...p} value={v.status} onChange={(e) => setV({ ...v, status: e.target.value as ThemeStatus })}>
              {THEME_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {THEME_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Tags" hint="Separate tags with commas." error={errors.tags}>
          {(p) => <input {...p} type="text" value={v.tags} onChange={(e) => setV({ ...v, tags: e.target.value })} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            Save
          </button>
          <Link href={theme ? `/themes/${theme.id}` : '/themes'} className="button button--secondary">
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
