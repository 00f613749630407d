import { sql, type Kysely, type Transaction } from 'kysely';
import { financialQuarterOf, fyLabel } from '#shared/calendar/financialYear';
import type { EvidenceType } from '#shared/domain/evidence';
import type { GrowingTheme, Theme, ThemeLink, ThemeOption, ThemeParsed, ThemeProfile, ThemeStatus, ThemeSuggestion, ThemeSummary } from '#shared/domain/themes';
import { COMMON_AMONG } from '#shared/domain/search';
import type { DB } from '../schema';
import { bestMatches, ftsQuery, inOrderOf, MARK_END, MARK_START, onlyThese, rowidBound } from './search';

type Q = Kysely<DB> | Transaction<DB>;

export type ThemeValues = ThemeParsed;

const cols = (v: ThemeValues, now: string) => ({
  title: v.title,
  description: v.description,
  owner_member_id: v.ownerId,
  status: v.status,
  tags: JSON.stringify([...new Set(v.tags.map((t) => t.trim()).filter(Boolean))]),
  updated_at: now,
});

export async function insertTheme(db: Q, v: ThemeValues, now: string): Promise<number> {
  const r = await db
    .insertInto('themes')
    .values({ ...cols(v, now), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateThemeRow(db: Q, id: number, v: ThemeValues, now: string): Promise<boolean> {
  const r = await db.updateTable('themes').set(cols(v, now)).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function quarterStart(today: string): string {
  const q = financialQuarterOf(today);
  const month = { Q1: 4, Q2: 7, Q3: 10, Q4: 1 }[q.quarter];
  const year = q.quarter === 'Q4' ? q.startYear + 1 : q.startYear;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

type SummaryRow = {
  id: number;
  title: string;
  status: string;
  owner_member_id: number | null;
  owner_name: string | null;
  tags: string;
  updated_at: string;
  links: number | null;
  latest: string | null;
};

function toSummary(r: SummaryRow, evidenceThisQuarter: number): ThemeSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status as ThemeStatus,
    ownerId: r.owner_member_id,
    ownerName: r.owner_name,
    tags: JSON.parse(r.tags) as string[],
    evidenceCount: r.links ?? 0,
    evidenceThisQuarter,
    latestEvidence: r.latest || null,
    updatedAt: r.updated_at,
  };
}

function summaryQuery(db: Q) {
  // Link counts and the newest record's date come from theme_stats, kept by triggers (migration 09).
  return db
    .selectFrom('themes as t')
    .leftJoin('members as m', 'm.id', 't.owner_member_id')
    .leftJoin('theme_stats as s', 's.theme_id', 't.id')
    .select(['t.id', 't.title', 't.status', 't.owner_member_id', 'm.name as owner_name', 't.tags', 't.updated_at', 's.links', 's.latest']);
}

export async function listThemes(db: Q, opts: { today: string; ids?: number[] }): Promise<ThemeSummary[]> {
  let q = summaryQuery(db);
  if (opts.ids) q = q.where('t.id', 'in', opts.ids.length ? opts.ids : [-1]);
  const rows = await q.orderBy('t.title').execute();
  const since = quarterStart(opts.today);
  const ids = opts.ids ? (opts.ids.length ? opts.ids : [-1]) : null;
  // CROSS JOIN fixes the order for SQLite: the quarter's few records first, then their links.
  let recentQ = db
    .selectFrom('evidence as e')
    .crossJoin('theme_evidence as l')
    .whereRef('l.evidence_id', '=', 'e.id')
    .select(['l.theme_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.received_on', '>=', since)
    .groupBy('l.theme_id');
  if (ids) recentQ = recentQ.where('l.theme_id', 'in', ids);
  const recent = new Map((await recentQ.execute()).map((s) => [s.theme_id, s.n]));
  return rows.map((r) => toSummary(r, recent.get(r.id) ?? 0));
}

/** Every theme's id, title and status, by title: what a list of choices needs, and no more. */
export async function themeOptions(db: Q): Promise<ThemeOption[]> {
  const rows = await db.selectFrom('themes').select(['id', 'title', 'status']).orderBy('title').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status as ThemeStatus }));
}

/** The `limit` themes with most evidence dated this financial quarter (ties by title), none without. */
export async function growingThemes(db: Q, opts: { today: string; limit: number }): Promise<GrowingTheme[]> {
  // As listThemes counts them: the quarter's few records first, then their links.
  const counts = db
    .selectFrom('evidence as e')
    .crossJoin('theme_evidence as l')
    .whereRef('l.evidence_id', '=', 'e.id')
    .where('e.received_on', '>=', quarterStart(opts.today))
    .groupBy('l.theme_id')
    .select(['l.theme_id', (eb) => eb.fn.countAll<number>().as('n')]);
  const rows = await db
    .selectFrom(counts.as('c'))
    .innerJoin('themes as t', 't.id', 'c.theme_id')
    .select(['t.id', 't.title', 'c.n'])
    .orderBy('c.n', 'desc')
    .orderBy('t.title')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, evidenceThisQuarter: r.n }));
}

export async function themeExists(db: Q, id: number): Promise<boolean> {
  return !!(await db.selectFrom('themes').select('id').where('id', '=', id).executeTakeFirst());
}

/**
 * A theme with every link and its profile. Three statements: the theme's row, its links and the
 * panels that discussed it. The profile (by type, by quarter, first and latest) and the count for
 * this quarter are worked out from the links, which are read whole anyway: a statement each for
 * them read the same links four more times, and building and running each cost more than counting.
 */
export async function findTheme(db: Q, id: number, today: string): Promise<Theme | undefined> {
  const t = await summaryQuery(db).select(['t.description', 't.created_at']).where('t.id', '=', id).executeTakeFirst();
  if (!t) return undefined;
  const links = await db
    .selectFrom('theme_evidence as l')
    .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
    .select(['e.id', 'e.ref', 'e.title', 'e.type', 'e.received_on', 'l.note', 'l.linked_by', 'l.linked_at'])
    .where('l.theme_id', '=', id)
    .orderBy('e.received_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  const panels = await db
    .selectFrom('agenda_items as i')
    .innerJoin('panels as p', 'p.id', 'i.panel_id')
    .select(['p.id as panelId', 'p.date', 'i.title as itemTitle'])
    .where('i.theme_id', '=', id)
    .where('p.status', '!=', 'cancelled')
    .orderBy('p.date')
    .execute();
  const since = quarterStart(today);
  let thisQuarter = 0;
  for (const l of links) if (l.received_on >= since) thisQuarter++;
  return {
    ...toSummary(t, thisQuarter),
    description: t.description,
    createdAt: t.created_at,
    links: links.map(
      (l): ThemeLink => ({
        evidenceId: l.id,
        ref: l.ref,
        title: l.title,
        type: l.type as EvidenceType,
        receivedOn: l.received_on,
        note: l.note,
        linkedBy: l.linked_by,
        linkedAt: l.linked_at,
      }),
    ),
    profile: themeProfile(links, panels),
  };
}

/** The profile of a theme's links, newest first as findTheme reads them. */
export function themeProfile(links: readonly { type: string; received_on: string }[], panels: ThemeProfile['panels']): ThemeProfile {
  const types = new Map<string, number>();
  // Financial quarters numbered from year 0 (start year × 4 + 0 for Q1 ... 3 for Q4), so that
  // each record's quarter is worked out from the digits of its date (YYYY-MM-DD, checked when it
  // was saved) rather than by parsing a date: parsing was most of the profile's time.
  const quarters = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const l of links) {
    types.set(l.type, (types.get(l.type) ?? 0) + 1);
    const d = l.received_on;
    const year = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
    const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
    const q = (month >= 4 ? year : year - 1) * 4 + Math.floor(((month + 8) % 12) / 3);
    quarters.set(q, (quarters.get(q) ?? 0) + 1);
    if (q < first) first = q;
    if (q > last) last = q;
  }
  // Most first; a tie in reverse order of the type's code, as SQLite's `order by count desc` gave them.
  const byType = [...types]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([type, count]) => ({ type: type as EvidenceType, count }));
  const byQuarter: ThemeProfile['byQuarter'] = [];
  for (let q = first; q <= last; q++) byQuarter.push({ quarter: `${fyLabel(Math.floor(q / 4))} Q${(q % 4) + 1}`, count: quarters.get(q) ?? 0 });
  return {
    byType,
    byQuarter,
    firstEvidence: links.length ? links[links.length - 1].received_on : null,
    latestEvidence: links.length ? links[0].received_on : null,
    panels,
  };
}

/** Links each piece of evidence not already linked; returns how many were new. */
export async function linkEvidence(db: Q, themeId: number, evidenceIds: number[], note: string, by: string, now: string): Promise<number> {
  if (!evidenceIds.length) return 0;
  const r = await db
    .insertInto('theme_evidence')
    .values(evidenceIds.map((evidence_id) => ({ theme_id: themeId, evidence_id, note, linked_by: by, linked_at: now })))
    .onConflict((oc) => oc.columns(['theme_id', 'evidence_id']).doNothing())
    .executeTakeFirst();
  await db.deleteFrom('theme_rejections').where('theme_id', '=', themeId).where('evidence_id', 'in', evidenceIds).execute();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function updateLinkNote(db: Q, themeId: number, evidenceId: number, note: string): Promise<boolean> {
  const r = await db.updateTable('theme_evidence').set({ note }).where('theme_id', '=', themeId).where('evidence_id', '=', evidenceId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function unlinkEvidence(db: Q, themeId: number, evidenceId: number): Promise<boolean> {
  const r = await db.deleteFrom('theme_evidence').where('theme_id', '=', themeId).where('evidence_id', '=', evidenceId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function rejectSuggestion(db: Q, themeId: number, evidenceId: number, by: string, now: string): Promise<void> {
  await db
    .insertInto('theme_rejections')
    .values({ theme_id: themeId, evidence_id: evidenceId, rejected_by: by, rejected_at: now })
    .onConflict((oc) => oc.columns(['theme_id', 'evidence_id']).doNothing())
    .execute();
}

const STOP = new Set(
  'a about after all also an and any are as at be been before being between both but by can could did do does for from had has have how if in into is it its made may more most no not of on or other our out over same should so some such than that the their them then there these they this those through to too under up very was we were what when where which while who will with within without would claimant claimants dwp department report reports case cases'.split(
    ' ',
  ),
);

/** The words that best describe a theme: its own text weighted up, then what its evidence has in common. */
export async function themeTerms(db: Q, themeId: number, max = 12): Promise<string[]> {
  const t = await db.selectFrom('themes').select(['title', 'description', 'tags']).where('id', '=', themeId).executeTakeFirst();
  if (!t) return [];
  const weights = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const word of text.toLowerCase().match(/[\p{L}]{3,}/gu) ?? []) if (!STOP.has(word)) weights.set(word, (weights.get(word) ?? 0) + w);
  };
  add(t.title, 3);
  add(t.description, 1);
  add((JSON.parse(t.tags) as string[]).join(' '), 3);
  const linked = await db
    .selectFrom('theme_evidence as l')
    .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
    .select(['e.title', 'e.tags'])
    .where('l.theme_id', '=', themeId)
    .orderBy('l.id', 'desc')
    .limit(200)
    .execute();
  for (const e of linked) {
    add(e.title, 1);
    add((JSON.parse(e.tags) as string[]).join(' '), 2);
  }
  return [...weights.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([w]) => w);
}

/** A word in more than this share of records hardly tells them apart (bm25 weighs it near nothing). */
export const COMMON_SHARE = 0.25;

/**
 * Of a theme's words, those that tell records apart: found in at most COMMON_SHARE of the
 * COMMON_AMONG records added most recently, or in fewer than `minDocs` of them (in a small register
 * every word is cheap, and a word in most of a few records is still what links them); and at least
 * three, so a theme of common words still gets suggestions: the rarest, or past the share (where
 * counting stops) the theme's weightiest. Ranking by every word cost more than it told: bm25 first
 * reads each word's whole list for its weight, and the common words (in a third to a half of twenty
 * years' records) were most of that reading while adding almost nothing to any record's score.
 * Counting among the newest records reads only the end of each word's list, found through the
 * index (a common word's count over the whole register read up to 25,000 entries: 5-10 ms for a
 * theme's dozen words, against under 1 ms); they are also the records the suggestions are ranked among.
 */
export async function distinctiveWords(db: Q, words: string[], minDocs = 1000, among = COMMON_AMONG): Promise<string[]> {
  if (words.length <= 3) return words;
  const { n, first } = await db
    .selectFrom(db.selectFrom('evidence').select('id').orderBy('id', 'desc').limit(among).as('newest'))
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<number | null>('id').as('first')])
    .executeTakeFirstOrThrow();
  const cap = Math.max(Math.floor(n * COMMON_SHARE), minDocs) + 1;
  const matches = words.flatMap((word) => {
    const match = ftsQuery(word, 'all', { prefix: false });
    return match ? [{ word, match }] : [];
  });
  if (!matches.length) return [];
  // One statement for all the words (a dozen statements cost more to build than to run).
  const { rows } = await sql<{ i: number; docs: number }>`${sql.join(
    matches.map(
      ({ match }, i) => sql`select ${i} as i, (select count(*) from (select 1 from evidence_fts where evidence_fts match ${match} and rowid >= ${rowidBound(first ?? 0)} limit ${cap})) as docs`,
    ),
    sql` union all `,
  )}`.execute(db);
  const counted = rows.map((r) => ({ word: matches[r.i].word, docs: r.docs }));
  const rarest = [...counted].sort((a, b) => a.docs - b.docs).slice(0, 3);
  const keep = new Set([...counted.filter((c) => c.docs < cap), ...rarest].map((c) => c.word));
  return words.filter((w) => keep.has(w));
}

export async function suggestEvidence(db: Q, themeId: number, limit: number, among?: number): Promise<ThemeSuggestion[]> {
  const terms = await themeTerms(db, themeId);
  // Whole words, matched by their stems: a theme's words are never half typed, and a prefix had
  // FTS5 gather every longer word's list for each of the dozen (twice: once more for its weight).
  const match = ftsQuery((await distinctiveWords(db, terms)).join(' '), 'any', { prefix: false });
  if (!match) return [];
  // The best matches not already linked or turned down, then their text for those alone.
  const ids = await bestMatches(
    db,
    match,
    limit,
    sql<boolean>`f.rowid not in (${db.selectFrom('theme_evidence').select('evidence_id').where('theme_id', '=', themeId)})
      and f.rowid not in (${db.selectFrom('theme_rejections').select('evidence_id').where('theme_id', '=', themeId)})`,
    among,
  );
  if (!ids.length) return [];
  const found = await db
    .selectFrom('evidence_fts as f')
    .crossJoin('evidence as e')
    .whereRef('e.id', '=', 'f.rowid')
    .select(['e.id', 'e.ref', 'e.title', 'e.type', 'e.received_on', 'e.summary', sql<string>`snippet(evidence_fts, 2, ${MARK_START}, ${MARK_END}, '…', 14)`.as('snip')])
    .where(sql<boolean>`evidence_fts match ${match}`)
    .where(onlyThese(ids))
    .execute();
  const rows = inOrderOf(ids, found);
  return rows.map((r) => {
    const text = `${r.title} ${r.summary}`.toLowerCase();
    return {
      evidenceId: r.id,
      ref: r.ref,
      title: r.title,
      type: r.type as EvidenceType,
      receivedOn: r.received_on,
      matched: terms.filter((w) => text.includes(w.slice(0, Math.max(4, w.length - 2)))),
      snippet: r.snip,
    };
  });
}
