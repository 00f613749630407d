import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { THEME_STATUSES, THEME_STATUS_LABELS, type ThemeStatus } from '#shared/domain/themes';
import { formatDateCompact } from '#shared/format';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useThemes } from './hooks';
import { TableScroll } from '../../ui/TableScroll';

type Sort = 'title' | 'evidenceCount' | 'evidenceThisQuarter' | 'latestEvidence';

export function ThemesPage() {
  const themes = useThemes();
  const [status, setStatus] = useState<ThemeStatus | ''>('');
  const [sort, setSort] = useState<Sort>('title');
  const [desc, setDesc] = useState(false);
  const rows = useMemo(() => {
    const list = (themes.data ?? []).filter((t) => !status || t.status === status);
    const dir = desc ? -1 : 1;
    return [...list].sort((a, b) => {
      const x = a[sort] ?? '';
      const y = b[sort] ?? '';
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.title.localeCompare(b.title);
    });
  }, [themes.data, status, sort, desc]);
  const head = (key: Sort, label: string, numeric = false) => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort === key ? (desc ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        className="th-sort"
        onClick={() => {
          if (sort === key) setDesc(!desc);
          else {
            setSort(key);
            setDesc(key !== 'title');
          }
        }}
      >
        {label}
        <span aria-hidden="true">{sort === key ? (desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
  return (
    <Page
      title="Themes"
      actions={
        <Link href="/themes/new" className="button">
          Add a theme
        </Link>
      }
    >
      <p className="lead">Systemic themes assembled from the evidence. The panel discusses themes, never individual cases.</p>
      <label className="inline-field">
        <span>Status</span>
        <select value={status} onChange={(e) => setStatus(e.target.value as ThemeStatus | '')}>
          <option value="">All statuses</option>
          {THEME_STATUSES.map((s) => (
            <option key={s} value={s}>
              {THEME_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {themes.isPending ? (
        <Loading what="themes" />
      ) : themes.isError ? (
        <ErrorState error={themes.error} onRetry={() => themes.refetch()} />
      ) : themes.data.length === 0 ? (
        <EmptyState title="No themes yet">
          <p>A theme draws together evidence from several sources about one systemic failure, such as contact lost with vulnerable claimants before payments stop.</p>
          <Link href="/themes/new" className="button">
            Add a theme
          </Link>
        </EmptyState>
      ) : (
        <TableScroll label="Themes">
          <table className="table">
            <caption className="visually-hidden">Themes</caption>
            <thead>
              <tr>
                {head('title', 'Theme')}
                <th scope="col">Owner</th>
                <th scope="col">Status</th>
                {head('evidenceCount', 'Evidence', true)}
                {head('evidenceThisQuarter', 'This quarter', true)}
                {head('latestEvidence', 'Latest evidence')}
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link href={`/themes/${t.id}`}>{t.title}</Link>
                  </td>
                  <td>{t.ownerName ?? <span className="muted">No owner</span>}</td>
                  <td>
                    <span className={`badge badge--theme-${t.status}`}>{THEME_STATUS_LABELS[t.status]}</span>
                  </td>
                  <td className="num">{t.evidenceCount}</td>
                  <td className="num">{t.evidenceThisQuarter || '—'}</td>
                  <td>{t.latestEvidence ? formatDateCompact(t.latestEvidence) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
