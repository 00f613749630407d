// Recommendations with their derived state, their history and their lineage to the evidence.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { addCalendarDays } from '#shared/calendar/workingDays';
import type { DB } from '../schema';
import { fixedQuery } from '../fixedQuery';
import {
  AMBER_WITHIN_DAYS,
  deriver,
  formatRef,
  OPEN_REC_STATUSES,
  recPrefix,
  REC_STATUSES,
  type DgCount,
  type Rag,
  type RecListParsed,
  type RecommendationPage,
  type EscalationLevel,
  type LineageEvidence,
  type RecFilter,
  type RecommendationSummary,
  type RecommendationUpdate,
  type RecStatus,
  type UpdateKind,
} from '#shared/domain/recommendations';

type Db = Kysely<DB> | Transaction<DB>;

function baseQuery(db: Db) {
  return db
    .selectFrom('recommendations as r')
    .innerJoin('panels as p', 'p.id', 'r.panel_id')
    .leftJoin('members as dg', 'dg.id', 'r.dg_member_id')
    .select([
      'r.id',
      'r.ref',
      'r.text',
      'r.status',
      'r.panel_id',
      'p.date as panel_date',
      'r.agenda_item_id',
      'r.dg_member_id',
      'dg.name as dg_name',
      'r.owner',
      'r.target_date',
      'r.escalation_level',
      'r.escalated_on',
      // Its themes' ids and titles together, read and decoded once (every link has its theme: the
      // foreign key restricts deleting one that is linked).
      sql<string>`(select json_object('ids', json_group_array(rt.theme_id), 'titles', json_group_array(t.title)) from recommendation_themes rt join themes t on t.id = rt.theme_id where rt.recommendation_id = r.id)`.as(
        'themes',
      ),
      sql<number>`(select count(*) from recommendation_updates u where u.recommendation_id = r.id and u.kind = 'target-date')`.as('target_changes'),
      sql<string | null>`(select json_object('onDate', u.on_date, 'narrative', u.narrative, 'author', u.author) from recommendation_updates u where u.recommendation_id = r.id order by u.on_date desc, u.id desc limit 1)`.as(
        'latest',
      ),
      sql<string | null>`(select u.on_date from recommendation_updates u where u.recommendation_id = r.id and u.kind = 'status' order by u.id desc limit 1)`.as('status_on'),
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** Turns rows into summaries for one day: what depends on the day alone is worked out once, not per row. */
function summariser(today: string): (r: BaseRow) => RecommendationSummary {
  const derive = deriver(today);
  return (r) => {
    const status = r.status as RecStatus;
    const escalationLevel = r.escalation_level as EscalationLevel;
    const d = derive({ status, targetDate: r.target_date, escalationLevel, madeOn: r.panel_date, closedOn: OPEN_REC_STATUSES.includes(status) ? null : r.status_on }, Number(r.target_changes));
    const themes = JSON.parse(r.themes) as { ids: number[]; titles: string[] };
    // Field by field rather than spreading the derived state in: the same object, built faster.
    return {
      id: r.id,
      ref: r.ref,
      text: r.text,
      status,
      panelId: r.panel_id,
      panelDate: r.panel_date,
      agendaItemId: r.agenda_item_id,
      dgId: r.dg_member_id,
      dgName: r.dg_name,
      owner: r.owner,
      targetDate: r.target_date,
      escalationLevel,
      escalatedOn: r.escalated_on,
      themeIds: themes.ids,
      themeTitles: themes.titles,
      latestUpdate: r.latest ? (JSON.parse(r.latest) as RecommendationSummary['latestUpdate']) : null,
      complete: Boolean(r.text && r.dg_member_id !== null && r.owner && r.target_date),
      overdue: d.overdue,
      overdueDays: d.overdueDays,
      rag: d.rag,
      daysOpen: d.daysOpen,
      targetChanges: d.targetChanges,
    };
  };
}

/**
 * The rows of the given recommendations, in no particular order. The ids go in as one JSON array,
 * so the statement's text is the same for any page: it is compiled once (Kysely took 0.1 ms to
 * compile a page of 100 ids, a value each) and SQLite prepares it once.
 */
const rowsByIds = fixedQuery((db, v: { ids: string }) => baseQuery(db).where(sql<boolean>`r.id in (select value from json_each(${v.ids}))`));
const baseRowsByIds = (db: Db, ids: number[]): Promise<BaseRow[]> => rowsByIds(db, { ids: JSON.stringify(ids) });

const likeText = (t: string) => '%' + t.replace(/[%_\\]/g, (c) => '\\' + c) + '%';
const OPEN_IN = sql.join(OPEN_REC_STATUSES.map((x) => sql.lit(x)));

/** The filters SQL can apply from the recommendation's own columns, as conditions on `r`. */
function filterConditions(f: RecFilter & { ids?: number[]; itemIds?: number[] }): RawBuilder<boolean>[] {
  const c: RawBuilder<boolean>[] = [];
  if (f.ids) c.push(sql<boolean>`r.id in (${sql.join(f.ids.length ? f.ids : [-1])})`);
  if (f.itemIds) c.push(sql<boolean>`r.agenda_item_id in (${sql.join(f.itemIds.length ? f.itemIds : [-1])})`);
  if (f.status?.length) c.push(sql<boolean>`r.status in (${sql.join(f.status)})`);
  if (f.open) c.push(sql<boolean>`r.status in (${OPEN_IN})`);
  if (f.dgId !== undefined) c.push(sql<boolean>`r.dg_member_id = ${f.dgId}`);
  if (f.panelId !== undefined) c.push(sql<boolean>`r.panel_id = ${f.panelId}`);
  if (f.targetFrom) c.push(sql<boolean>`r.target_date >= ${f.targetFrom}`);
  if (f.targetTo) c.push(sql<boolean>`r.target_date <= ${f.targetTo}`);
  if (f.owner) c.push(sql<boolean>`r.owner like ${likeText(f.owner)} escape '\\'`);
  if (f.text) c.push(sql<boolean>`(r.text like ${likeText(f.text)} escape '\\' or r.ref like ${likeText(f.text)} escape '\\')`);
  if (f.themeId !== undefined) c.push(sql<boolean>`exists (select 1 from recommendation_themes rt where rt.recommendation_id = r.id and rt.theme_id = ${f.themeId})`);
  return c;
}

type ListFilter = RecFilter & {
  ids?: number[];
  itemIds?: number[];
  /** made at a panel before this date */
  madeBefore?: string;
  /** by target date, none last, then reference in the order issued (`REF_ISSUED`) */
  byTargetDate?: boolean;
};

/**
 * References in the order they were issued (`compareRefs`): by prefix, then the number's length,
 * then as text, so a panel's "…R100" comes after its "…R99" (as text it came before "…R11").
 * Migration 16's index `recommendations_ref_order` holds them in this order.
 */
const REF_ISSUED = [sql`rtrim(r.ref, '0123456789')`, sql`length(r.ref)`, sql`r.ref`] as const;

/** The statement listing the recommendations that match the filters SQL applies, in the list's order. */
function listQuery(db: Db, f: ListFilter) {
  let q = baseQuery(db);
  for (const c of filterConditions(f)) q = q.where(c);
  if (f.madeBefore !== undefined) q = q.where('p.date', '<', f.madeBefore);
  q = f.byTargetDate ? q.orderBy(sql`coalesce(r.target_date, '9999')`) : q.orderBy('p.date', 'desc');
  for (const e of REF_ISSUED) q = q.orderBy(e);
  return q;
}

/** Every recommendation matching the filters, newest panel first: for documents, meetings and other internal callers. */
export async function listRecommendations(db: Db, f: ListFilter, today: string): Promise<RecommendationSummary[]> {
  const rows = await listQuery(db, f).execute();
  let out = rows.map(summariser(today));
  if (f.overdue) out = out.filter((r) => r.overdue);
  if (f.rag?.length) out = out.filter((r) => f.rag!.includes(r.rag));
  return out;
}

// The two lists the meeting reads again after every autosave, each compiled once (fixedQuery).
const ofPanel = fixedQuery((db, v: { panelId: number }) => listQuery(db, { panelId: v.panelId }));
const ARISING: RecStatus[] = [...OPEN_REC_STATUSES, 'implemented'];
const arisingBefore = fixedQuery((db, v: { panelDate: string }) => listQuery(db, { status: ARISING, madeBefore: v.panelDate, byTargetDate: true }));

/** The recommendations made at a panel: listRecommendations(db, { panelId }, today). */
export async function recommendationsOfPanel(db: Db, panelId: number, today: string): Promise<RecommendationSummary[]> {
  return (await ofPanel(db, { panelId })).map(summariser(today));
}

/**
 * Matters arising's recommendations: those open or implemented (for the panel to close) made at
 * panels before this one, by target date.
 */
export async function recommendationsArising(db: Db, panelDate: string, today: string): Promise<RecommendationSummary[]> {
  return (await arisingBefore(db, { panelDate })).map(summariser(today));
}

/**
 * What derive() works out in TypeScript, as SQL over `r` (and its panel's date), for one day: whether
 * it is overdue, its RAG and its days open, so that the tracker can be filtered, counted and
 * sorted by them in SQL. Word for word derive's rules; the tests hold the two together.
 */
function derived(today: string) {
  const overdue = sql<number>`(r.status in (${OPEN_IN}) and r.target_date is not null and r.target_date < ${today})`;
  const escalatedHigh = sql`r.escalation_level in ('secretary-of-state', 'ministers')`;
  const targetChanges = sql`(select count(*) from recommendation_updates u where u.recommendation_id = r.id and u.kind = 'target-date')`;
  const rag = sql<Rag>`case
      when r.status in ('implemented', 'closed') then 'complete'
      when r.status = 'not-accepted' then 'none'
      when ${overdue} or ${escalatedHigh} then 'red'
      when (r.target_date is not null and r.target_date <= ${addCalendarDays(today, AMBER_WITHIN_DAYS)}) or ${targetChanges} >= 2 or r.escalation_level = 'panel' then 'amber'
      else 'green' end`;
  // Red without the count of target changes, which only amber needs.
  const red = sql<number>`(r.status in (${OPEN_IN}) and (${overdue} or ${escalatedHigh}))`;
  const closedOn = sql`(select u.on_date from recommendation_updates u where u.recommendation_id = r.id and u.kind = 'status' order by u.id desc limit 1)`;
  const madeOn = sql`(select p.date from panels p where p.id = r.panel_id)`;
  const daysOpen = sql<number>`max(0, cast(julianday(case when r.status in (${OPEN_IN}) then ${today} else coalesce(${closedOn}, ${today}) end) - julianday(${madeOn}) as integer))`;
  return { overdue, rag, red, daysOpen };
}

const STATUS_RANK = sql`case r.status ${sql.join(
  REC_STATUSES.map((x, i) => sql`when ${sql.lit(x)} then ${sql.lit(i)}`),
  sql` `,
)} end`;

/**
 * One page of the tracker in the order the screen shows it, with the counts it shows: how many
 * match, how many are overdue, and each Director General's share. Only the page's rows are read
 * in full (their themes, latest update and derived state); the rest are counted.
 */
export async function listRecommendationPage(db: Db, o: RecListParsed, today: string): Promise<RecommendationPage> {
  const d = derived(today);
  const matching = () => {
    // The recommendation's own row alone (every one has a panel, by its foreign key): its
    // Director General's name is read once per Director General, not once per row.
    let q = db.selectFrom('recommendations as r');
    for (const c of filterConditions(o)) q = q.where(c);
    if (o.overdue) q = q.where(sql<boolean>`${d.overdue}`);
    if (o.rag?.length) q = q.where(sql<boolean>`${d.rag} in (${sql.join(o.rag)})`);
    return q;
  };
  const groups = await matching()
    .select(['r.dg_member_id', 'r.status', sql<number>`count(*)`.as('n'), sql<number>`sum(${d.overdue})`.as('overdue'), sql<number>`sum(${d.red})`.as('red')])
    .groupBy(['r.dg_member_id', 'r.status'])
    .execute();
  const dgIds = [...new Set(groups.flatMap((g) => (g.dg_member_id === null ? [] : [g.dg_member_id])))];
  const names = new Map((dgIds.length ? await db.selectFrom('members').select(['id', 'name']).where('id', 'in', dgIds).execute() : []).map((m) => [m.id, m.name]));
  const byStatus = Object.fromEntries(REC_STATUSES.map((x) => [x, 0])) as Record<RecStatus, number>;
  const dgs = new Map<number | null, DgCount>();
  let total = 0;
  let overdue = 0;
  for (const g of groups) {
    const status = g.status as RecStatus;
    byStatus[status] += g.n;
    total += g.n;
    overdue += g.overdue;
    const dg = dgs.get(g.dg_member_id) ?? { dgId: g.dg_member_id, dgName: g.dg_member_id === null ? null : (names.get(g.dg_member_id) ?? null), total: 0, open: 0, overdue: 0, red: 0 };
    dg.total += g.n;
    if (OPEN_REC_STATUSES.includes(status)) dg.open += g.n;
    dg.overdue += g.overdue;
    dg.red += g.red;
    dgs.set(g.dg_member_id, dg);
  }
  // By name as people read names (not as SQL compares bytes); none assigned last.
  const byDg = [...dgs.values()].sort((a, b) => (a.dgId === null ? 1 : b.dgId === null ? -1 : (a.dgName ?? '').localeCompare(b.dgName ?? '') || a.dgId - b.dgId));

  const dir = o.desc ? 'desc' : 'asc';
  let q = matching().select('r.id');
  if (o.byDg) {
    const place = byDg.filter((g) => g.dgId !== null).map((g, i) => sql`when ${g.dgId} then ${i}`);
    q = q.orderBy(place.length ? sql`case r.dg_member_id ${sql.join(place, sql` `)} else ${place.length} end` : sql`0`);
  }
  if (o.sort === 'targetDate') q = q.orderBy(sql`r.target_date is null`).orderBy('r.target_date', dir);
  else if (o.sort === 'daysOpen') q = q.orderBy(d.daysOpen, dir);
  else if (o.sort === 'status') q = q.orderBy(STATUS_RANK, dir);
  // by reference in the direction asked; otherwise references, in the order issued, break ties
  for (const e of REF_ISSUED) q = q.orderBy(e, o.sort === 'ref' ? dir : 'asc');
  const ids = (await q.limit(o.limit).offset(o.offset).execute()).map((r) => r.id);
  const rows = ids.length ? await baseRowsByIds(db, ids) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const summarise = summariser(today);
  return {
    total,
    offset: o.offset,
    rows: ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [summarise(r)] : [];
    }),
    overdue,
    byStatus,
    byDg,
  };
}

export async function listUpdates(db: Db, recId: number): Promise<RecommendationUpdate[]> {
  const rows = await db.selectFrom('recommendation_updates').selectAll().where('recommendation_id', '=', recId).orderBy('on_date').orderBy('id').execute();
  return rows.map((u) => ({
    id: u.id,
    onDate: u.on_date,
    kind: u.kind,
    fromStatus: u.from_status as RecStatus | null,
    toStatus: u.to_status as RecStatus | null,
    fromTarget: u.from_target,
    toTarget: u.to_target,
    escalationLevel: u.escalation_level as EscalationLevel | null,
    narrative: u.narrative,
    author: u.author,
    at: u.at,
  }));
}

/** The evidence behind a recommendation: everything linked to its themes. */
export async function lineageEvidence(db: Db, recId: number, limit = 200): Promise<{ evidence: LineageEvidence[]; total: number }> {
  const base = db
    .selectFrom('recommendation_themes as rt')
    .innerJoin('theme_evidence as te', 'te.theme_id', 'rt.theme_id')
    .innerJoin('evidence as e', 'e.id', 'te.evidence_id')
    .where('rt.recommendation_id', '=', recId);
  const rows = await base
    .select(['e.id', 'e.ref', 'e.title', 'e.type', 'e.received_on', sql<number>`min(te.theme_id)`.as('theme_id')])
    .groupBy('e.id')
    .orderBy('e.received_on', 'desc')
    .limit(limit)
    .execute();
  const total = await base.select(sql<number>`count(distinct e.id)`.as('n')).executeTakeFirstOrThrow();
  return {
    evidence: rows.map((r) => ({ id: r.id, ref: r.ref, title: r.title, type: r.type, receivedOn: r.received_on, themeId: r.theme_id })),
    total: Number(total.n),
  };
}

/** Every recommendation an item of evidence informed, through the themes it is linked to. */
export async function recommendationIdsForEvidence(db: Db, evidenceId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('theme_evidence as te')
    .innerJoin('recommendation_themes as rt', 'rt.theme_id', 'te.theme_id')
    .select('rt.recommendation_id')
    .distinct()
    .where('te.evidence_id', '=', evidenceId)
    .execute();
  return rows.map((r) => r.recommendation_id);
}

/** Issues the next reference for a panel's quarter; the counter never goes back. */
export async function issueRef(tx: Transaction<DB>, panelDate: string): Promise<string> {
  const prefix = recPrefix(panelDate);
  const row = await tx
    .insertInto('ref_counters')
    .values({ prefix, last: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ last: sql`last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return formatRef(prefix, row.last);
}

export async function addUpdate(
  tx: Db,
  u: { recId: number; onDate: string; kind: UpdateKind; fromStatus?: string | null; toStatus?: string | null; fromTarget?: string | null; toTarget?: string | null; escalationLevel?: string | null; narrative: string; author: string; at: string },
): Promise<void> {
  await tx
    .insertInto('recommendation_updates')
    .values({
      recommendation_id: u.recId,
      on_date: u.onDate,
      kind: u.kind,
      from_status: u.fromStatus ?? null,
      to_status: u.toStatus ?? null,
      from_target: u.fromTarget ?? null,
      to_target: u.toTarget ?? null,
      escalation_level: u.escalationLevel ?? null,
      narrative: u.narrative,
      author: u.author,
      at: u.at,
    })
    .execute();
}

export async function setThemes(tx: Db, recId: number, themeIds: number[]): Promise<void> {
  const ids = [...new Set(themeIds)];
  let del = tx.deleteFrom('recommendation_themes').where('recommendation_id', '=', recId);
  if (ids.length) del = del.where('theme_id', 'not in', ids);
  await del.execute();
  if (ids.length) {
    await tx
      .insertInto('recommendation_themes')
      .values(ids.map((theme_id) => ({ recommendation_id: recId, theme_id })))
      .onConflict((oc) => oc.columns(['recommendation_id', 'theme_id']).doNothing())
      .execute();
  }
}
