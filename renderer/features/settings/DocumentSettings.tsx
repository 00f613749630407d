import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { keys } from '../../api/keys';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toast';

export function DocumentSettingsForm() {
  const qc = useQueryClient();
  const s = useQuery({ queryKey: keys.documentSettings, queryFn: () => call('getDocumentSettings', {}) });
  const save = useMutation({ mutationFn: (marking: string) => call('setDocumentSettings', { marking }), onSuccess: (d) => qc.setQueryData(keys.documentSettings, d) });
  const [marking, setMarking] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const toast = useToast();
  if (!s.data) return null;
  return (
    <section aria-labelledby="docs">
      <h2 id="docs">Documents</h2>
      <div className="form form--inline">
        <Field label="Protective marking" hint="Printed at the top and bottom of every page of every document." error={error}>
          {(p) => <input {...p} type="text" value={marking ?? s.data.marking} onChange={(e) => setMarking(e.target.value.toUpperCase())} />}
        </Field>
        <div className="form__actions">
          <button
            type="button"
            className="button"
            onClick={async () => {
              setError(undefined);
              try {
                await save.mutateAsync(marking ?? s.data.marking);
                setMarking(null);
                toast.notify('Marking saved');
              } catch (err) {
                setError(err instanceof ApiError ? (err.fields?.marking ?? err.message) : 'Not saved');
              }
            }}
          >
            Save marking
          </button>
        </div>
      </div>
    </section>
  );
}
