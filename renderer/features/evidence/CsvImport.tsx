import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, type EvidenceType } from '#shared/domain/evidence';
import { formatCount, formatDateCompact, formatNumber } from '#shared/format';
import type { CsvPreview } from '#shared/ipc/contract';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { useJob } from './hooks';

type Step = 'choose' | 'map' | 'done';

/** Choose a file and type, map its columns, see the validation report, then import all or nothing. */
export function CsvImport() {
  const [type, setType] = useState<EvidenceType>('complaint');
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [step, setStep] = useState<Step>('choose');
  const job = useJob(jobId);
  const qc = useQueryClient();

  useEffect(() => {
    if (job.data?.state === 'done') {
      setStep('done');
      void qc.invalidateQueries({ queryKey: keys.evidence.all });
    }
  }, [job.data?.state, qc]);

  async function check(text: string, m?: Record<string, number | null>) {
    setBusy(true);
    setError(null);
    try {
      const p = await call('previewEvidenceCsv', { csv: text, type, ...(m ? { mapping: m } : {}) });
      setPreview(p);
      setMapping(p.mapping);
      setStep('map');
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The file could not be read.');
    } finally {
      setBusy(false);
    }
  }

  const running = job.data?.state === 'running';
  const pct = job.data && job.data.total ? Math.round((job.data.done / job.data.total) * 100) : 0;

  return (
    <section aria-labelledby="csv-h">
      <h2 id="csv-h">Evidence from a CSV file</h2>
      <p className="lead">Map the file’s columns to the register’s fields and check every row before anything is written. The import is all or nothing: if any row has a problem, nothing is imported.</p>
      <div className="form__row">
        <div className="field">
          <label htmlFor="csv-type">Type of evidence in the file</label>
          <select id="csv-type" value={type} disabled={step !== 'choose'} onChange={(e) => setType(e.target.value as EvidenceType)}>
            {EVIDENCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {EVIDENCE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="csv-file">CSV file</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" disabled={step !== 'choose'} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
      </div>
      {step === 'choose' && (
        <button
          type="button"
          className="button"
          disabled={!file || busy}
          onClick={async () => {
            if (!file) return;
            const text = await file.text();
            setCsv(text);
            await check(text);
          }}
        >
          {busy ? 'Reading…' : 'Read the file'}
        </button>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {step === 'map' && preview && (
        <>
          <h3>Match the columns</h3>
          <table className="table mapping">
            <thead>
              <tr>
                <th scope="col">Field in the register</th>
                <th scope="col">Column in the file</th>
              </tr>
            </thead>
            <tbody>
              {preview.fields.map((f) => (
                <tr key={f.key}>
                  <td>
                    <label htmlFor={`map-${f.key}`}>
                      {f.label}
                      {f.required ? ' (required)' : ''}
                    </label>
                  </td>
                  <td>
                    <select
                      id={`map-${f.key}`}
                      value={mapping[f.key] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value === '' ? null : Number(e.target.value) })}
                    >
                      <option value="">Not imported</option>
                      {preview.headers.map((h, i) => (
                        <option key={`${h}-${i}`} value={i}>
                          {h || `Column ${i + 1}`}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form__actions">
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => check(csv, mapping)}>
              Check again with this mapping
            </button>
          </div>
          <h3>Validation report</h3>
          <p role="status">
            {formatCount(preview.rows, 'row')} read: <strong>{formatNumber(preview.valid)} ready</strong>, <strong>{formatCount(preview.problemCount, 'problem')}</strong>.
          </p>
          {preview.problems.length > 0 && (
            <table className="table">
              <caption className="table__caption">Correct these in the file (or the mapping) and read it again.</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.row || '—'}</td>
                    <td>{preview.fields.find((f) => f.key === p.field)?.label ?? p.field}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.sample.length > 0 && (
            <>
              <h3>Preview</h3>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Title</th>
                    <th scope="col">Received</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((s) => (
                    <tr key={s.row}>
                      <td>{s.row}</td>
                      <td>{s.ref}</td>
                      <td>{s.title}</td>
                      <td className="nowrap">{formatDateCompact(s.receivedOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={preview.problemCount > 0 || preview.valid === 0 || running}
              onClick={async () => {
                setError(null);
                try {
                  const s = await call('startEvidenceCsvImport', { csv, type, mapping, fileName: file?.name });
                  setJobId(s.id);
                } catch (e) {
                  setError(e instanceof Error ? e.message : 'The import could not start.');
                }
              }}
            >
              Import {formatCount(preview.valid, 'record')}
            </button>
            {running && job.data && (
              <button type="button" className="button button--secondary" onClick={() => void call('cancelJob', { id: job.data!.id })}>
                Cancel
              </button>
            )}
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setStep('choose');
                setPreview(null);
                setJobId(null);
              }}
            >
              Start again
            </button>
          </div>
          {job.data && job.data.state !== 'done' && (
            <div className="progress" role="status" aria-live="polite">
              {running ? (
                <>
                  <progress max={100} value={pct} aria-label="Import progress" /> {job.data.message}
                </>
              ) : job.data.state === 'failed' ? (
                <p className="field__error">{job.data.error}</p>
              ) : (
                <p>{job.data.message}</p>
              )}
            </div>
          )}
        </>
      )}
      {step === 'done' && (
        <div className="import-summary" role="status">
          <h3>Imported {formatCount((job.data?.result as { imported: number } | undefined)?.imported ?? 0, 'record')}</h3>
          <p>
            <Link href="/evidence">Open the register</Link> ·{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setStep('choose');
                setPreview(null);
                setJobId(null);
                setFile(null);
              }}
            >
              Import another file
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
