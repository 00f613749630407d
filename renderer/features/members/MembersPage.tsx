import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { MEMBER_ROLE_LABELS, type Member } from '#shared/domain/members';
import { formatDateLong } from '#shared/format';
import { Dialog } from '../../ui/Dialog';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useMembers, useSetMemberActive } from './hooks';
import { TableScroll } from '../../ui/TableScroll';

const col = createColumnHelper<Member>();

export function MembersPage() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const members = useMembers(includeInactive);
  const setActive = useSetMemberActive();
  const toast = useToast();
  const [confirm, setConfirm] = useState<Member | null>(null);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);

  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Name', cell: (c) => <Link href={`/members/${c.row.original.id}/edit`}>{c.getValue()}</Link> }),
      col.accessor((m) => MEMBER_ROLE_LABELS[m.role], { id: 'role', header: 'Role' }),
      col.accessor('organisation', { header: 'Organisation or directorate' }),
      col.accessor('activeFrom', { header: 'Active from', cell: (c) => formatDateLong(c.getValue()) }),
      col.accessor('activeTo', { header: 'Active to', cell: (c) => (c.getValue() ? formatDateLong(c.getValue() as string) : '—') }),
      col.accessor((m) => (m.active ? 'Active' : 'Inactive'), {
        id: 'status',
        header: 'Status',
        cell: (c) => <span className={`badge badge--${c.row.original.active ? 'ok' : 'muted'}`}>{c.getValue()}</span>,
      }),
      col.display({
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        cell: (c) =>
          c.row.original.active ? (
            <button type="button" className="button button--link" onClick={() => setConfirm(c.row.original)}>
              Deactivate <span className="visually-hidden">{c.row.original.name}</span>
            </button>
          ) : (
            <button
              type="button"
              className="button button--link"
              onClick={async () => {
                await setActive.mutateAsync({ id: c.row.original.id, active: true });
                toast.notify(`${c.row.original.name} is active again`);
              }}
            >
              Reactivate <span className="visually-hidden">{c.row.original.name}</span>
            </button>
          ),
      }),
    ],
    [setActive, toast],
  );

  const table = useReactTable({
    data: members.data ?? [],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  return (
    <Page
      title="Members"
      actions={
        <Link href="/members/new" className="button">
          Add a member
        </Link>
      }
    >
      <p className="lead">The chair, the Independent Case Examiner, the Permanent Secretary, every Director General, invited experts, the secretariat and observers.</p>
      <label className="checkbox">
        <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} /> Show inactive members
      </label>
      {members.isPending ? (
        <Loading what="members" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyState title="No members yet">
          <p>Add the panel's chair and members so you can invite them to panels and name presenters and owners.</p>
          <Link href="/members/new" className="button">
            Add a member
          </Link>
        </EmptyState>
      ) : (
        <TableScroll label="Panel members">
          <table className="table">
            <caption className="visually-hidden">Panel members, sorted by {sorting[0]?.id ?? 'name'}</caption>
            <thead>
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const sorted = h.column.getIsSorted();
                    return (
                      <th key={h.id} scope="col" aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                        {h.column.getCanSort() ? (
                          <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                          </button>
                        ) : (
                          flexRender(h.column.columnDef.header, h.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((r) => (
                <tr key={r.id}>
                  {r.getVisibleCells().map((c) => (
                    <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {confirm && (
        <Dialog title={`Deactivate ${confirm.name}?`} onClose={() => setConfirm(null)}>
          <p>
            {confirm.name} will no longer be offered as a presenter or invitee, from today. Their past attendance and records stay as they are. You can
            reactivate them later.
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={async () => {
                await setActive.mutateAsync({ id: confirm.id, active: false });
                toast.notify(`${confirm.name} deactivated`);
                setConfirm(null);
              }}
            >
              Deactivate
            </button>
            <button type="button" className="button button--secondary" data-autofocus onClick={() => setConfirm(null)}>
              Keep active
            </button>
          </div>
        </Dialog>
      )}
    </Page>
  );
}
