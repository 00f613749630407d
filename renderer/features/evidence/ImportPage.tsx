import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { PfdImportSummary } from '#shared/domain/jobs';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { Page } from '../../ui/Page';
import { useJob } from './hooks';
import { CsvImport } from './CsvImport';

const MAX_BYTES = 60_000_000;

/** Runs of consecutive rows with the same problem read better as one line. */
export function groupRows(errors: { row: number; message: string }[]): { from: number; to: number; message: string }[] {
  const out: { from: number; to: number; message: string }[] = [];
  for (const e of errors) {
    const last = out.at(-1);
    if (last && last.message === e.message && e.row === last.to + 1) last.to = e.row;
    else out.push({ from: e.row, to: e.row, message: e.message });
  }
  return out.slice(0, 500);
}

function PfdImport() {
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob(jobId);
  const qc = useQueryClient();
  const status = job.data;
  const running = starting || status?.state === 'running';

  useEffect(() => {
    if (status?.state === 'done') void qc.invalidateQueries({ queryKey: keys.evidence.all });
  }, [status?.state, qc]);

  async function start() {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError('That file is larger than 60 MB; split it and import the parts.');
      return;
    }
    setStarting(true);
    try {
      const csv = await file.text();
      const s = await call('startPfdImport', { csv, fileName: file.name });
      setJobId(s.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The import could not start.');
    } finally {
      setStarting(false);
    }
  }

  const summary = status?.state === 'done' ? (status.result as PfdImportSummary) : null;
  const pct = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;

  return (
    <section aria-labelledby="pfd-h">
      <h2 id="pfd-h">Coroners’ reports from the Preventable Deaths Tracker</h2>
      <p className="lead">
        Import the public Preventable Deaths Tracker CSV. Every report becomes coroner’s-report evidence; the deceased’s name goes only into the restricted field; reports addressed to DWP get
        response tracking. Importing the same file again changes nothing, and a row that cannot be read is listed, never dropped silently.
      </p>
      <div className="field">
        <label htmlFor="pfd-file">CSV file</label>
        <input id="pfd-file" type="file" accept=".csv,text/csv" disabled={running} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="form__actions">
        <button type="button" className="button" disabled={!file || running} onClick={start}>
          {running ? 'Importing…' : 'Import'}
        </button>
        {status?.state === 'running' && (
          <button type="button" className="button button--secondary" onClick={() => void call('cancelJob', { id: status.id })}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {status && (
        <div className="progress" role="status" aria-live="polite">
          {status.state === 'running' && (
            <>
              <progress max={100} value={pct} aria-label="Import progress">
                {pct}%
              </progress>{' '}
              {status.message}
            </>
          )}
          {status.state === 'cancelled' && <p>{status.message}</p>}
          {status.state === 'failed' && (
            <p className="field__error">
              The import failed and nothing was changed: {status.error}
            </p>
          )}
        </div>
      )}
      {summary && (
        <section aria-labelledby="summary-h" className="import-summary">
          <h2 id="summary-h">Import finished</h2>
          <ul className="stat-row">
            <li className="stat">
              <span className="stat__n">{summary.read.toLocaleString('en-GB')}</span> rows read
            </li>
            <li className="stat">
              <span className="stat__n">{summary.imported.toLocaleString('en-GB')}</span> new
            </li>
            <li className="stat">
              <span className="stat__n">{summary.updated.toLocaleString('en-GB')}</span> updated
            </li>
            <li className="stat">
              <span className="stat__n">{summary.skipped.toLocaleString('en-GB')}</span> unchanged
            </li>
            <li className="stat">
              <span className="stat__n">{summary.addressedToDwp.toLocaleString('en-GB')}</span> addressed to DWP
            </li>
            <li className={`stat${summary.errors.length ? ' stat--amber' : ''}`}>
              <span className="stat__n">{summary.errors.length.toLocaleString('en-GB')}</span> rows not imported
            </li>
          </ul>
          <p>
            <Link href="/coroners">Open the coroners’ reports</Link> · <Link href="/evidence">Open the register</Link>
          </p>
          {summary.errors.length > 0 && (
            <>
              <h3>Rows not imported</h3>
              <p>Correct these rows in the file and import it again; rows already imported will not be duplicated.</p>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {groupRows(summary.errors).map((g) => (
                    <tr key={`${g.from}-${g.message}`}>
                      <td className="nowrap">{g.from === g.to ? g.from : `${g.from}–${g.to} (${g.to - g.from + 1} rows)`}</td>
                      <td>{g.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </section>
  );
}

export function ImportPage() {
  const [kind, setKind] = useState<'pfd' | 'csv'>('pfd');
  return (
    <Page title="Import evidence" back={<Link href="/evidence">Back to the register</Link>}>
      <fieldset className="choice-inline">
        <legend>What are you importing?</legend>
        <label className="radio">
          <input type="radio" name="kind" checked={kind === 'pfd'} onChange={() => setKind('pfd')} /> Coroners’ reports (Preventable Deaths Tracker CSV)
        </label>
        <label className="radio">
          <input type="radio" name="kind" checked={kind === 'csv'} onChange={() => setKind('csv')} /> Any type of evidence, from a CSV file with a header row
        </label>
      </fieldset>
      {kind === 'pfd' ? <PfdImport /> : <CsvImport />}
    </Page>
  );
}
