import { Link, useLocation } from 'wouter';
import { TOR_STATUS_LABELS } from '#shared/domain/tor';
import { formatDateLong } from '#shared/format';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { ExportButton } from '../documents/ExportButton';
import { useTorActions, useTorVersions } from './hooks';
import { TableScroll } from '../../ui/TableScroll';

export function TorListPage() {
  const versions = useTorVersions();
  const { create } = useTorActions();
  const [, navigate] = useLocation();
  const toast = useToast();
  const hasDraft = versions.data?.some((v) => v.status === 'draft');
  const newDraft = async () => {
    try {
      const v = await create.mutateAsync(undefined);
      toast.notify(`Draft version ${v.version} started`);
      navigate(`/tor/${v.id}`);
    } catch (err) {
      toast.notify(err instanceof Error ? err.message : 'The draft could not be started.');
    }
  };
  return (
    <Page
      title="Terms of Reference"
      actions={
        <>
          {!hasDraft && (
            <button type="button" className="button" onClick={newDraft}>
              Start a new draft
            </button>
          )}
          {versions.data?.some((v) => v.status === 'approved') && <ExportButton kind="tor" label="Export version in force (Word)" />}
        </>
      }
    >
      <p className="lead">The panel’s purpose, remit, membership, quorum and reporting lines. One approved version is in force; earlier versions are kept as superseded.</p>
      {versions.isPending ? (
        <Loading what="versions" />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <EmptyState title="No Terms of Reference yet">
          <p>Start a draft from the standard text drawn from the panel’s published description, then edit and approve it.</p>
          <button type="button" className="button" onClick={newDraft}>
            Start the first draft
          </button>
        </EmptyState>
      ) : (
        <TableScroll label="Versions of the Terms of Reference">
          <table className="table">
            <caption className="visually-hidden">Versions of the Terms of Reference, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Approved</th>
                <th scope="col">Review by</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link href={`/tor/${v.id}`}>Version {v.version}</Link>
                  </td>
                  <td>
                    <span className={`badge badge--${v.status === 'approved' ? 'ok' : v.status === 'draft' ? 'warn' : 'muted'}`}>{TOR_STATUS_LABELS[v.status]}</span>
                  </td>
                  <td>{v.approvedOn ? `${formatDateLong(v.approvedOn)}${v.approvedBy ? ` by ${v.approvedBy}` : ''}` : '—'}</td>
                  <td>{formatDateLong(v.reviewDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
