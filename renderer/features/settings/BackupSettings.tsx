import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { BackupInfo } from '#shared/ipc/contract';
import { call } from '../../api/client';
import { JobProgress, useJobRun } from '../../ui/Job';
import { useToast } from '../../ui/Toast';
import { Dialog } from '../../ui/Dialog';

const KEY = ['backups'] as const;

export function BackupSettings() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => call('listBackups', {}) });
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const restore = useMutation({
    mutationFn: (name: string) => call('restoreBackup', { name }),
    onSuccess: (r) => {
      setRestoring(null);
      toast.notify(`Restored ${r.restored}; the database you had is kept as ${r.keptAside ?? 'nothing (there was none)'}`);
      // Everything on screen came from the old file.
      void qc.invalidateQueries();
    },
  });
  // A backup of a large database takes a while: it runs as a job, with progress and a Cancel.
  const backup = useJobRun((end) => {
    if (end.state === 'done') {
      const r = end.result as BackupInfo & { integrity: string };
      toast.notify(`Backed up to ${r.name} (checked: ${r.integrity})`);
      void qc.invalidateQueries({ queryKey: KEY });
    } else if (end.state === 'cancelled') toast.notify('Backup cancelled: no file was kept.');
    else setError(end.error ?? 'The backup failed; the database is unchanged. Try again.');
  });
  const startButton = useRef<HTMLButtonElement>(null);
  const startBackup = () => {
    setError(null);
    backup.start(() => call('startBackup', {})).catch((err: unknown) => setError(err instanceof Error ? err.message : 'The backup could not start.'));
  };
  return (
    <section aria-labelledby="backups">
      <h2 id="backups">Backups</h2>
      <p className="muted">
        The app backs up automatically on its first start each day and before any upgrade, keeping daily copies for two weeks and weekly copies for three
        months. Restoring one keeps the current database aside first (it is never deleted). A backup elsewhere can be restored with{' '}
        <code>npm run -s scp -- restore --from FILE</code> with the app closed.
      </p>
      {error && (
        <div className="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="form__actions">
        <button ref={startButton} type="button" className="button button--secondary" disabled={backup.running} onClick={startBackup}>
          {backup.running ? 'Backing up…' : 'Back up now'}
        </button>
        <JobProgress run={backup} label="Backing up the database" returnFocus={startButton} />
      </div>
      {list.data && (
        <>
          <p className="mono">{list.data.folder}</p>
          {list.data.backups.length === 0 ? (
            <p className="muted">No backups yet.</p>
          ) : (
            <ul className="backups">
              {list.data.backups.slice(0, 10).map((b) => (
                <li key={b.name}>
                  {b.name} <span className="muted">({Math.max(1, Math.round(b.bytes / 1024))} KB)</span>{' '}
                  <button type="button" className="button button--link" disabled={backup.running} onClick={() => setRestoring(b.name)}>
                    Restore <span className="visually-hidden">{b.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {restoring && (
        <Dialog title={`Restore ${restoring}?`} onClose={() => setRestoring(null)}>
          <p>
            The database will be replaced by this backup. Anything entered since it was taken will not be in the restored database; it stays in the current file, which is
            kept aside beside it, not deleted.
          </p>
          {restore.error && (
            <p className="field__error" role="alert">
              {restore.error instanceof Error ? restore.error.message : 'Nothing was restored.'}
            </p>
          )}
          <div className="form__actions">
            <button type="button" className="button button--danger" disabled={restore.isPending} onClick={() => restore.mutate(restoring)}>
              {restore.isPending ? 'Restoring…' : 'Restore this backup'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRestoring(null)}>
              Keep the current database
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
