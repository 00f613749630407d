import { useState } from 'react';
import { ITEM_PURPOSES, ITEM_PURPOSE_LABELS, agendaItemUpdate, type AgendaItem, type ItemPurpose } from '#shared/domain/agenda';
import type { Member } from '#shared/domain/members';
import type { ThemeOption } from '#shared/domain/themes';
import { ApiError } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';

export interface ItemValues {
  title: string;
  purpose: ItemPurpose;
  presenterId: number | null;
  minutes: number;
  themeId: number | null;
}

export function ItemDialog({ item, members, themes, onSave, onClose }: { item: AgendaItem | null; members: Member[]; themes: ThemeOption[]; onSave(v: ItemValues): Promise<unknown>; onClose(): void }) {
  const [title, setTitle] = useState(item?.title ?? '');
  const [purpose, setPurpose] = useState<ItemPurpose>(item?.purpose ?? 'discussion');
  const [presenter, setPresenter] = useState(item?.presenterId ? String(item.presenterId) : '');
  const [minutes, setMinutes] = useState(String(item?.minutes ?? 20));
  const [theme, setTheme] = useState(item?.themeId ? String(item.themeId) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  async function save() {
    const values = { id: item?.id ?? 1, title, purpose, presenterId: presenter ? Number(presenter) : null, minutes: minutes === '' ? Number.NaN : Number(minutes), themeId: theme ? Number(theme) : null };
    const parsed = agendaItemUpdate.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      setSummary('Check the highlighted fields.');
      return;
    }
    try {
      await onSave({ title: parsed.data.title, purpose: parsed.data.purpose, presenterId: parsed.data.presenterId, minutes: parsed.data.minutes, themeId: parsed.data.themeId ?? null });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setSummary(err instanceof Error ? err.message : 'The item could not be saved.');
    }
  }

  return (
    <Dialog title={item ? 'Edit agenda item' : 'Add an agenda item'} onClose={onClose}>
      <FormErrorSummary message={summary} />
      <Field label="Title" error={errors.title}>
        {(p) => <input {...p} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label="Purpose" error={errors.purpose}>
        {(p) => (
          <select {...p} value={purpose} onChange={(e) => setPurpose(e.target.value as ItemPurpose)}>
            {ITEM_PURPOSES.map((x) => (
              <option key={x} value={x}>
                {ITEM_PURPOSE_LABELS[x]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Presenter" error={errors.presenterId}>
        {(p) => (
          <select {...p} value={presenter} onChange={(e) => setPresenter(e.target.value)}>
            <option value="">No presenter yet</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.organisation ? `, ${m.organisation}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(item === null || item.standingKey === null) && (
        <Field label="Theme" hint="The theme this item discusses; its paper and evidence go into the pack." error={errors.themeId}>
          {(p) => (
            <select
              {...p}
              value={theme}
              onChange={(e) => {
                setTheme(e.target.value);
                const t = themes.find((x) => String(x.id) === e.target.value);
                if (t && !title.trim()) setTitle(`Theme: ${t.title.charAt(0).toLowerCase()}${t.title.slice(1)}`);
              }}
            >
              <option value="">Not a theme item</option>
              {themes
                .filter((t) => t.status !== 'closed' || String(t.id) === theme)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Minutes allotted" error={errors.minutes}>
        {(p) => <input {...p} type="number" min={0} max={600} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button" onClick={save}>
          {item ? 'Save item' : 'Add item'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
