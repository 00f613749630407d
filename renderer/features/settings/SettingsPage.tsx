import { useQuery } from '@tanstack/react-query';
import { USER_ROLE_LABELS } from '#shared/domain/identity';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useIdentity } from '../identity/hooks';
import { IdentityForm } from '../identity/IdentityForm';
import { CalendarSettings } from './CalendarSettings';
import { DocumentSettingsForm } from './DocumentSettings';
import { BackupSettings } from './BackupSettings';
import { RetentionSettings } from '../retention/RetentionSettings';
import { IprTargetsSettings } from '../insights/IprTargetsSettings';

export function SettingsPage() {
  const identity = useIdentity();
  const info = useQuery({ queryKey: keys.appInfo, queryFn: () => call('getAppInfo', {}) });
  const toast = useToast();
  return (
    <Page title="Settings">
      <section aria-labelledby="who">
        <h2 id="who">Who you are</h2>
        {identity.isPending ? (
          <Loading what="your details" />
        ) : identity.isError ? (
          <ErrorState error={identity.error} />
        ) : (
          <>
            {identity.data && (
              <p className="muted">
                Currently: {identity.data.name} ({USER_ROLE_LABELS[identity.data.role]})
              </p>
            )}
            <IdentityForm initial={identity.data} submitLabel="Save your details" onSaved={(w) => toast.notify(`Saved: you are ${w.name}`)} />
          </>
        )}
      </section>
      <DocumentSettingsForm />
      <CalendarSettings />
      <BackupSettings />
      <RetentionSettings />
      <IprTargetsSettings />
      <section aria-labelledby="about">
        <h2 id="about">About this copy of the app</h2>
        {info.isPending ? (
          <Loading what="app details" />
        ) : info.isError ? (
          <ErrorState error={info.error} />
        ) : (
          <dl className="summary">
            <div>
              <dt>Database file</dt>
              <dd className="mono">{info.data.dbPath}</dd>
            </div>
            <div>
              <dt>Schema version</dt>
              <dd>{info.data.schemaVersion}</dd>
            </div>
            <div>
              <dt>SQLite version</dt>
              <dd>{info.data.sqliteVersion}</dd>
            </div>
            <div>
              <dt>App version</dt>
              <dd>{info.data.version}</dd>
            </div>
          </dl>
        )}
      </section>
    </Page>
  );
}
