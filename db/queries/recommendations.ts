// Recommendations with their derived state, their history and their lineage to the evidence.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema';
import {
  derive,
  formatRef,
  OPEN_REC_STATUSES,
  recPrefix,
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
      sql<string>`(select coalesce(json_group_array(rt.theme_id), '[]') from recommendation_themes rt where rt.recommendation_id = r.id)`.as('theme_ids'),
      sql<string>`(select coalesce(json_group_array(t.title), '[]') from recommendation_themes rt join themes t on t.id = rt.theme_id where rt.recommendation_id = r.id)`.as('theme_titles'),
      sql<number>`(select count(*) from recommendation_updates u where u.recommendation_id = r.id and u.kind = 'target-date')`.as('target_changes'),
      sql<string | null>`(select json_object('onDate', u.on_date, 'narrative', u.narrative, 'author', u.author) from recommendation_updates u where u.recommendation_id = r.id order by u.on_date desc, u.id desc limit 1)`.as(
        'latest',
      ),
      sql<string | null>`(select u.on_date from recommendation_updates u where u.recommendation_id = r.id and u.kind = 'status' order by u.id desc limit 1)`.as('status_on'),
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toSummary(r: BaseRow, today: string): RecommendationSummary {
  const status = r.status as RecStatus;
  const d = derive(
    { status, targetDate: r.target_date, escalationLevel: r.escalation_level as EscalationLevel, madeOn: r.panel_date, closedOn: OPEN_REC_STATUSES.includes(status) ? null : r.status_on },
    Number(r.target_changes),
    today,
  );
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
    escalationLevel: r.escalation_level as EscalationLevel,
    escalatedOn: r.escalated_on,
    themeIds: JSON.parse(r.theme_ids) as number[],
    themeTitles: JSON.parse(r.theme_titles) as string[],
    latestUpdate: r.latest ? (JSON.parse(r.latest) as RecommendationSummary['latestUpdate']) : null,
    complete: Boolean(r.text && r.dg_member_id !== null && r.owner && r.target_date),
    ...d,
  };
}

export async function listRecommendations(db: Db, f: RecFilter & { ids?: number[]; itemIds?: number[] }, today: string): Promise<RecommendationSummary[]> {
  let q = baseQuery(db);
  if (f.ids) q = q.where('r.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.itemIds) q = q.where('r.agenda_item_id', 'in', f.itemIds.length ? f.itemIds : [-1]);
  if (f.status?.length) q = q.where('r.status', 'in', f.status);
  if (f.open) q = q.where('r.status', 'in', [...OPEN_REC_STATUSES]);
  if (f.dgId !== undefined) q = q.where('r.dg_member_id', '=', f.dgId);
  if (f.panelId !== undefined) q = q.where('r.panel_id', '=', f.panelId);
  if (f.targetFrom) q = q.where('r.target_date', '>=', f.targetFrom);
  if (f.targetTo) q = q.where('r.target_date', '<=', f.targetTo);
  if (f.owner) q = q.where(sql<boolean>`r.owner like ${'%' + f.owner.replace(/[%_\\]/g, (c) => '\\' + c) + '%'} escape '\\'`);
  if (f.text) {
    const like = '%' + f.text.replace(/[%_\\]/g, (c) => '\\' + c) + '%';
    q = q.where(sql<boolean>`(r.text like ${like} escape '\\' or r.ref like ${like} escape '\\')`);
  }
  if (f.themeId !== undefined) q = q.where(sql<boolean>`exists (select 1 from recommendation_themes rt where rt.recommendation_id = r.id and rt.theme_id = ${f.themeId})`);
  const rows = await q.orderBy('p.date', 'desc').orderBy('r.ref').execute();
  let out = rows.map((r) => toSummary(r, today));
  if (f.overdue) out = out.filter((r) => r.overdue);
  if (f.rag?.length) out = out.filter((r) => f.rag!.includes(r.rag));
  return out;
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
