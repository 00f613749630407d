import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { Link } from 'wouter';
import { EVIDENCE_TYPE_LABELS, EVIDENCE_TYPE_SHORT } from '#shared/domain/evidence';
import { RANKED_AMONG_NOTE, SUGGESTION_WORDS_NOTE } from '#shared/domain/search';
import { THEME_STATUS_LABELS, type Theme, type ThemeLink } from '#shared/domain/themes';
import { formatDateLong, formatDateCompact } from '#shared/format';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { Dialog } from '../../ui/Dialog';
import { History } from '../../ui/History';
import { Page } from '../../ui/Page';
import { useRecommendations } from '../recommendations/hooks';
import { RecommendationLinks } from '../recommendations/RecommendationsPage';
import { Highlighted } from '../search/Highlighted';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useLinkEvidence, useRejectSuggestion, useSuggestions, useTheme, useUnlinkEvidence, useUpdateLinkNote } from './hooks';
import { TableScroll } from '../../ui/TableScroll';
import { useWidth } from '../../ui/useWidth';

export function ThemeDetailPage({ id }: { id: number }) {
  const t = useTheme(id);
  if (t.isPending) return <Loading what="the theme" />;
  if (t.isError) return <ErrorState error={t.error} onRetry={() => t.refetch()} />;
  const theme = t.data;
  return (
    <Page
      title={theme.title}
      back={<Link href="/themes">Back to themes</Link>}
      actions={
        <Link href={`/themes/${theme.id}/edit`} className="button">
          Edit
        </Link>
      }
    >
      <p className="meta">
        <span className={`badge badge--theme-${theme.status}`}>{THEME_STATUS_LABELS[theme.status]}</span> · Owner: {theme.ownerName ?? 'not yet assigned'}
        {theme.tags.map((x) => (
          <span key={x} className="tag">
            {x}
          </span>
        ))}
      </p>
      {theme.description && <p className="prose">{theme.description}</p>}
      <Profile theme={theme} />
      <Links theme={theme} />
      <ThemeRecommendations themeId={theme.id} />
      <Suggestions themeId={theme.id} />
      <AddBySearch themeId={theme.id} />
      <History table="themes" recordKey={String(theme.id)} />
    </Page>
  );
}

function Profile({ theme }: { theme: Theme }) {
  const p = theme.profile;
  const [chartBox, chartWidth] = useWidth<HTMLDivElement>(480);
  if (theme.evidenceCount === 0) return null;
  const peak = p.byQuarter.reduce((m, q) => (q.count > m.count ? q : m), p.byQuarter[0]);
  const data = p.byQuarter.map((q) => ({ ...q, label: q.quarter.replace(/^20(\d\d)-(\d\d) /, '$1/$2 ') }));
  // The axis names each financial year where its first quarter begins ("2019-20"), every one of
  // them where there is room; a span with fewer than two year starts names its quarters.
  const yearStarts = data.filter((q) => q.quarter.endsWith(' Q1'));
  const byYear = yearStarts.length >= 2;
  const width = Math.max(240, chartWidth);
  return (
    <section aria-labelledby="profile-h" className="profile">
      <h2 id="profile-h">Evidence profile</h2>
      <div className="columns columns--even">
        <div>
          <dl className="facts">
            <div className="facts__row">
              <dt>Linked evidence</dt>
              <dd>{theme.evidenceCount}</dd>
            </div>
            <div className="facts__row">
              <dt>First</dt>
              <dd>{p.firstEvidence ? formatDateLong(p.firstEvidence) : '—'}</dd>
            </div>
            <div className="facts__row">
              <dt>Latest</dt>
              <dd>{p.latestEvidence ? formatDateLong(p.latestEvidence) : '—'}</dd>
            </div>
            <div className="facts__row">
              <dt>By source</dt>
              <dd>
                <ul className="plain-list">
                  {p.byType.map((b) => (
                    <li key={b.type}>
                      {EVIDENCE_TYPE_LABELS[b.type]}: {b.count}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div className="facts__row">
              <dt>On the agenda</dt>
              <dd>
                {p.panels.length === 0
                  ? 'Not yet'
                  : p.panels.map((x) => (
                      <span key={`${x.panelId}-${x.itemTitle}`} className="tag">
                        <Link href={`/panels/${x.panelId}`}>{formatDateCompact(x.date)}</Link>
                      </span>
                    ))}
              </dd>
            </div>
          </dl>
        </div>
        <figure className="chart">
          <div ref={chartBox}>
          <BarChart
            width={width}
            height={200}
            data={data}
            role="img"
            aria-label={`Linked evidence by financial quarter, ${p.byQuarter[0]?.quarter} to ${p.byQuarter.at(-1)?.quarter}; most in ${peak?.quarter} (${peak?.count}).`}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              fontSize={11}
              ticks={byYear ? yearStarts.map((q) => q.label) : undefined}
              tickFormatter={byYear ? (label: string) => label.replace(/^(\d\d)\/(\d\d) Q1$/, '20$1-$2') : undefined}
              interval={byYear && (width - 40) / yearStarts.length >= 52 ? 0 : 'preserveStartEnd'}
            />
            <YAxis allowDecimals={false} fontSize={11} width={28} />
            <Bar dataKey="count" fill="#1d5fa7" isAnimationActive={false} />
          </BarChart>
          </div>
          <figcaption>Linked evidence by financial quarter (date received)</figcaption>
        </figure>
      </div>
    </section>
  );
}

function Links({ theme }: { theme: Theme }) {
  const unlink = useUnlinkEvidence();
  const relink = useLinkEvidence();
  const toast = useToast();
  const [noting, setNoting] = useState<ThemeLink | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // After an undo the keyboard focus returns to the restored row's Unlink button.
  const [refocus, setRefocus] = useState<number | null>(null);
  useEffect(() => {
    if (refocus === null || !theme.links.some((l) => l.evidenceId === refocus)) return;
    document.getElementById(`unlink-${refocus}`)?.focus();
    setRefocus(null);
  }, [refocus, theme.links]);

  // No question first: the link and its note are put back exactly by Undo.
  async function remove(l: ThemeLink) {
    setProblem(null);
    try {
      await unlink.mutateAsync({ themeId: theme.id, evidenceId: l.evidenceId });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : `${l.ref} was not unlinked. Try again.`);
      return;
    }
    toast.notify(`Unlinked ${l.ref} from “${theme.title}”.`, {
      focusAction: true,
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await relink.mutateAsync({ themeId: theme.id, evidenceIds: [l.evidenceId], note: l.note });
            setRefocus(l.evidenceId);
            toast.notify(`${l.ref} is linked to “${theme.title}” again${l.note ? ', with its note' : ''}.`);
          } catch (e) {
            setProblem(e instanceof Error ? `${l.ref} was not linked again: ${e.message}` : `${l.ref} was not linked again. Link it by searching below.`);
          }
        },
      },
    });
  }

  return (
    <section aria-labelledby="links-h">
      <h2 id="links-h">Linked evidence ({theme.links.length})</h2>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {theme.links.length === 0 ? (
        <p>No evidence linked yet. Accept suggestions below, search for evidence, or select records in the register and choose “Link to theme”.</p>
      ) : (
        <TableScroll label="Linked evidence">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Title</th>
                <th scope="col">Source</th>
                <th scope="col">Received</th>
                <th scope="col">Why it belongs</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {theme.links.map((l) => (
                <tr key={l.evidenceId}>
                  <td className="nowrap">
                    <Link href={`/evidence/${l.evidenceId}`}>{l.ref}</Link>
                  </td>
                  <td>{l.title}</td>
                  <td>{EVIDENCE_TYPE_SHORT[l.type]}</td>
                  <td className="nowrap">{formatDateCompact(l.receivedOn)}</td>
                  <td>{l.note || <span className="muted">—</span>}</td>
                  <td className="actions">
                    <button type="button" className="button button--link" onClick={() => setNoting(l)}>
                      Note <span className="visually-hidden">for {l.ref}</span>
                    </button>
                    <button type="button" id={`unlink-${l.evidenceId}`} className="button button--link" onClick={() => void remove(l)}>
                      Unlink <span className="visually-hidden">{l.ref}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {noting && <NoteDialog themeId={theme.id} link={noting} onClose={() => setNoting(null)} />}
    </section>
  );
}

function ThemeRecommendations({ themeId }: { themeId: number }) {
  const recs = useRecommendations({ themeId });
  return (
    <section aria-labelledby="theme-recs-h">
      <h2 id="theme-recs-h">Recommendations{recs.data ? ` (${recs.data.length})` : ''}</h2>
      <RecommendationLinks query={recs} none="The panel has made no recommendations on this theme yet. They are recorded in meeting mode, against the theme’s agenda item." />
    </section>
  );
}

function NoteDialog({ themeId, link, onClose }: { themeId: number; link: ThemeLink; onClose(): void }) {
  const [note, setNote] = useState(link.note);
  const save = useUpdateLinkNote();
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Why ${link.ref} belongs`} onClose={onClose}>
      <div className="field">
        <label htmlFor="link-note">Note</label>
        <textarea id="link-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={async () => {
            try {
              await save.mutateAsync({ themeId, evidenceId: link.evidenceId, note });
              onClose();
            } catch (e) {
              setError(e instanceof Error ? e.message : 'Not saved.');
            }
          }}
        >
          Save note
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

function Suggestions({ themeId }: { themeId: number }) {
  const [open, setOpen] = useState(false);
  const s = useSuggestions(themeId, open);
  const link = useLinkEvidence();
  const reject = useRejectSuggestion();
  const toast = useToast();
  return (
    <section aria-labelledby="sugg-h">
      <h2 id="sugg-h">Suggested evidence</h2>
      {!open ? (
        <>
          <p>
            Find evidence in the register, not yet linked or turned down, whose words are like this theme and its evidence. {SUGGESTION_WORDS_NOTE} {RANKED_AMONG_NOTE}
          </p>
          <p>
            <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
              Suggest evidence
            </button>
          </p>
        </>
      ) : s.isPending ? (
        <Loading what="suggestions" />
      ) : s.isError ? (
        <ErrorState error={s.error} onRetry={() => s.refetch()} />
      ) : s.data.length === 0 ? (
        <p>No further suggestions: nothing else in the register looks like this theme’s evidence.</p>
      ) : (
        <>
          <p className="muted">
            The closest first. {SUGGESTION_WORDS_NOTE} {RANKED_AMONG_NOTE}
          </p>
          <ul className="suggestions">
            {s.data.map((x) => (
              <li key={x.evidenceId} className="suggestion">
                <div>
                  <Link href={`/evidence/${x.evidenceId}`}>{x.ref}</Link> · {EVIDENCE_TYPE_SHORT[x.type]} · {formatDateCompact(x.receivedOn)}
                  <div className="suggestion__title">{x.title}</div>
                  <div className="snippet">
                    <Highlighted text={x.snippet} />
                  </div>
                  {x.matched.length > 0 && <div className="muted">Shares: {x.matched.join(', ')}</div>}
                </div>
                <div className="suggestion__actions">
                  <button
                    type="button"
                    className="button"
                    onClick={async () => {
                      await link.mutateAsync({ themeId, evidenceIds: [x.evidenceId], note: `Suggested: shares ${x.matched.slice(0, 4).join(', ')}` });
                      toast.notify(`${x.ref} linked`);
                      void s.refetch();
                    }}
                  >
                    Accept <span className="visually-hidden">{x.ref}</span>
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => reject.mutate({ themeId, evidenceId: x.evidenceId })}>
                    Reject <span className="visually-hidden">{x.ref}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AddBySearch({ themeId }: { themeId: number }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const hits = useQuery({ queryKey: keys.search(q), queryFn: () => call('search', { text: q, limit: 20 }), enabled: q.length > 0 });
  const link = useLinkEvidence();
  const toast = useToast();
  return (
    <section aria-labelledby="add-h">
      <h2 id="add-h">Link evidence by searching</h2>
      <form
        role="search"
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <label htmlFor="theme-search">Words to find</label>
        <input id="theme-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      {hits.data && hits.data.evidence.length === 20 && <p className="muted">The best 20 matches. {RANKED_AMONG_NOTE}</p>}
      {hits.data && (
        <ul className="suggestions">
          {hits.data.evidence.length === 0 && <li>Nothing found for “{q}”.</li>}
          {hits.data.evidence.map((h) => (
            <li key={h.id} className="suggestion">
              <div>
                <Link href={`/evidence/${h.id}`}>{h.ref}</Link> · <Highlighted text={h.title} />
                <div className="snippet">
                  <Highlighted text={h.snippet} />
                </div>
              </div>
              <div className="suggestion__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={async () => {
                    const r = await link.mutateAsync({ themeId, evidenceIds: [h.id], note: '' });
                    toast.notify(r.linked ? `${h.ref} linked` : `${h.ref} was already linked`);
                  }}
                >
                  Link <span className="visually-hidden">{h.ref}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
