import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, type EvidenceType } from '#shared/domain/evidence';
import { THEME_STATUS_LABELS, type ThemeStatus } from '#shared/domain/themes';
import { RANKED_AMONG_NOTE } from '#shared/domain/search';
import { formatDateCompact } from '#shared/format';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { Page } from '../../ui/Page';
import { ErrorState } from '../../ui/States';
import { Highlighted } from './Highlighted';
import { SEARCH_PAUSE_MS, useDebounced } from '../../ui/useDebounced';

/** Full-text search across evidence and themes, as you type. */
export function SearchPage() {
  const [text, setText] = useState('');
  const [type, setType] = useState<EvidenceType | ''>('');
  const q = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const r = useQuery({
    queryKey: [...keys.search(q), type],
    queryFn: () => call('search', { text: q, limit: 50, ...(type ? { types: [type], themes: false } : {}) }),
    enabled: q.length > 0,
    placeholderData: (prev) => prev,
  });
  const n = (r.data?.evidence.length ?? 0) + (r.data?.themes.length ?? 0);
  return (
    <Page title="Search">
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search-box">
        <label htmlFor="q">Search evidence and themes</label>
        <input id="q" type="search" autoFocus value={text} onChange={(e) => setText(e.target.value)} placeholder="For example: appointee, arrears, lost contact" />
        <p className="field__hint">Every word must appear; word endings are ignored (payment finds payments). Best matches first. {RANKED_AMONG_NOTE}</p>
        <label htmlFor="search-type">Look in</label>
        <select id="search-type" value={type} onChange={(e) => setType(e.target.value as EvidenceType | '')}>
          <option value="">Themes and all evidence</option>
          {EVIDENCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {EVIDENCE_TYPE_LABELS[t]} only
            </option>
          ))}
        </select>
      </form>
      {r.isError && <ErrorState error={r.error} />}
      {q && r.data && (
        <p role="status" className="count">
          {n === 0 ? `Nothing found for “${q}”.` : `${r.data.themes.length} ${r.data.themes.length === 1 ? 'theme' : 'themes'} and ${r.data.evidence.length}${r.data.evidence.length === 50 ? '+' : ''} evidence ${r.data.evidence.length === 1 ? 'record' : 'records'} for “${q}”.`}
        </p>
      )}
      {r.data && r.data.themes.length > 0 && (
        <section aria-labelledby="t-h">
          <h2 id="t-h">Themes</h2>
          <ul className="results">
            {r.data.themes.map((h) => (
              <li key={h.id}>
                <Link href={`/themes/${h.id}`}>
                  <Highlighted text={h.title} />
                </Link>{' '}
                <span className="muted">· {THEME_STATUS_LABELS[h.status as ThemeStatus] ?? h.status}</span>
                {h.snippet && (
                  <div className="snippet">
                    <Highlighted text={h.snippet} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.data && r.data.evidence.length > 0 && (
        <section aria-labelledby="e-h">
          <h2 id="e-h">Evidence</h2>
          <ul className="results">
            {r.data.evidence.map((h) => (
              <li key={h.id}>
                <Link href={`/evidence/${h.id}`}>
                  {h.ref}: <Highlighted text={h.title} />
                </Link>{' '}
                <span className="muted">
                  · {h.type ? EVIDENCE_TYPE_LABELS[h.type] : ''} · {formatDateCompact(h.date)}
                </span>
                <div className="snippet">
                  <Highlighted text={h.snippet} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
