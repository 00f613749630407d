import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { financialQuarterOf } from '#shared/calendar/financialYear';
import { formatTimestamp, londonToday } from '#shared/format';
import { ExportButton } from './ExportButton';
import { call } from '../../api/client';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { keys } from '../../api/keys';
import { TableScroll } from '../../ui/TableScroll';

export const KIND_LABELS: Record<string, string> = { agenda: 'Agenda', tor: 'Terms of Reference', pack: 'Panel pack', minutes: 'Minutes', tracker: 'Recommendations tracker', 'board-report': 'Board report' };

/** The current financial quarter and the seven before it, newest first: "2026-27-Q3". */
export function recentQuarters(today: string, count = 8): string[] {
  const out: string[] = [];
  let [y, m] = today.split('-').map(Number);
  for (let i = 0; i < count; i++) {
    const q = financialQuarterOf(`${y}-${String(m).padStart(2, '0')}-01`);
    out.push(`${q.fy}-${q.quarter}`);
    m -= 3;
    if (m < 1) {
      m += 12;
      y -= 1;
    }
  }
  return out;
}

function RecommendationDocuments() {
  const quarters = recentQuarters(londonToday(new Date()));
  const [quarter, setQuarter] = useState(quarters[0]);
  return (
    <section aria-labelledby="rec-docs">
      <h2 id="rec-docs">Recommendations</h2>
      <div className="form__row export-row">
        <ExportButton kind="tracker" label="Export the recommendations tracker" />
      </div>
      <div className="form__row export-row">
        <div className="field">
          <label htmlFor="board-quarter">Board report for the quarter</label>
          <select id="board-quarter" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q.replace(/-Q/, ' Q')}
              </option>
            ))}
          </select>
        </div>
        <ExportButton key={quarter} kind="board-report" quarter={quarter} label="Export the Board report" />
      </div>
      <p className="muted">Minutes are exported from each panel’s meeting screen.</p>
    </section>
  );
}

/** Every document written, newest first, with its hash, marking, author and any overrides. */
export function DocumentsPage() {
  const q = useQuery({ queryKey: keys.exports, queryFn: () => call('listExports', {}) });
  const [note, setNote] = useState<string | null>(null);
  return (
    <Page title="Documents">
      <p className="lead">Every Word document the app has written: where it went, its SHA-256, the marking it carried, who wrote it and when, and any personal-data findings exported anyway with the reason given.</p>
      <RecommendationDocuments />
      <h2>Written so far</h2>
      {note && (
        <p role="status" className="notice">
          {note}
        </p>
      )}
      {q.isPending ? (
        <Loading what="the export log" />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <EmptyState title="No documents written yet">
          <p>
            Export an agenda from a <Link href="/panels">panel’s page</Link>, or the <Link href="/tor">Terms of Reference</Link>.
          </p>
        </EmptyState>
      ) : (
        <TableScroll label="Documents written">
          <table className="table">
            <caption className="visually-hidden">Documents written, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Written</th>
                <th scope="col">Marking</th>
                <th scope="col">Size</th>
                <th scope="col">Personal-data findings</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((e) => (
                <tr key={e.id}>
                  <td>
                    <strong>{KIND_LABELS[e.kind] ?? e.kind}</strong>
                    {e.panelId && (
                      <>
                        {' '}
                        · <Link href={`/panels/${e.panelId}`}>panel</Link>
                      </>
                    )}
                    <div className="mono">{e.path}</div>
                    <div className="muted mono" title="SHA-256">
                      {e.sha256.slice(0, 16)}…
                    </div>
                  </td>
                  <td>
                    {formatTimestamp(e.at)}
                    <div className="muted">{e.actor}</div>
                  </td>
                  <td>{e.marking}</td>
                  <td className="nowrap">{Math.max(1, Math.round(e.bytes / 1024))} KB</td>
                  <td>{e.overridden.length === 0 ? 'None' : <>{e.overridden.length} exported anyway: “{e.overrideReason}”</>}</td>
                  <td>
                    {e.present ? (
                      <button
                        type="button"
                        className="button button--link"
                        onClick={async () => {
                          try {
                            const r = await call('openExport', { id: e.id });
                            setNote(r.opened ? `Opened ${r.path}.` : `Open ${r.path} from your file manager (the desktop app opens it for you).`);
                          } catch (err) {
                            setNote(err instanceof Error ? err.message : 'The file could not be opened.');
                          }
                        }}
                      >
                        Open <span className="visually-hidden">{e.title}</span>
                      </button>
                    ) : (
                      <span className="muted">Moved or deleted</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
