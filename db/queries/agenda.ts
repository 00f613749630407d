import type { Kysely, Transaction } from 'kysely';
import type { AgendaPaper, AgendaReviewEvent, AgendaState, ItemPurpose, ReviewAction } from '#shared/domain/agenda';
import type { DB } from '../schema';
import { fixedQuery } from '../fixedQuery';

type Q = Kysely<DB> | Transaction<DB>;

export interface AgendaItemValues {
  title: string;
  purpose: ItemPurpose;
  presenterId: number | null;
  minutes: number;
  themeId: number | null;
  notes: string;
}

export interface AgendaItemRecord extends AgendaItemValues {
  id: number;
  panelId: number;
  position: number;
  standingKey: string | null;
  presenterName: string | null;
  themeTitle: string | null;
  papers: AgendaPaper[];
}

const agendaItemRows = fixedQuery((db, v: { panelId: number }) =>
  db
    .selectFrom('agenda_items as i')
    .leftJoin('members as m', 'm.id', 'i.presenter_member_id')
    .leftJoin('themes as t', 't.id', 'i.theme_id')
    .select([
      'i.id',
      'i.panel_id',
      'i.position',
      'i.standing_key',
      'i.title',
      'i.purpose',
      'i.presenter_member_id',
      'm.name as presenter_name',
      'i.minutes',
      'i.theme_id',
      't.title as theme_title',
      'i.notes',
    ])
    .where('i.panel_id', '=', v.panelId)
    .orderBy('i.position')
    .orderBy('i.id'),
);
/** The papers of a panel's items, found through the items (one statement text for any agenda). */
const agendaPaperRows = fixedQuery((db, v: { panelId: number }) =>
  db
    .selectFrom('agenda_papers')
    .selectAll()
    .where('agenda_item_id', 'in', (eb) => eb.selectFrom('agenda_items').select('id').where('panel_id', '=', v.panelId))
    .orderBy('id'),
);

export async function listAgendaItems(db: Q, panelId: number): Promise<AgendaItemRecord[]> {
  const rows = await agendaItemRows(db, { panelId });
  const papers = rows.length ? await agendaPaperRows(db, { panelId }) : [];
  return rows.map((r) => ({
    id: r.id,
    panelId: r.panel_id,
    position: r.position,
    standingKey: r.standing_key,
    title: r.title,
    purpose: r.purpose,
    presenterId: r.presenter_member_id,
    presenterName: r.presenter_name ?? null,
    minutes: r.minutes,
    themeId: r.theme_id,
    themeTitle: r.theme_title ?? null,
    notes: r.notes,
    papers: papers
      .filter((p) => p.agenda_item_id === r.id)
      .map((p) => ({ id: p.id, fileName: p.file_name, bytes: p.bytes, sha256: p.sha256, addedBy: p.added_by, addedAt: p.added_at })),
  }));
}

export async function findAgendaItem(db: Q, id: number) {
  return db.selectFrom('agenda_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgendaItem(
  db: Q,
  v: AgendaItemValues & { panelId: number; position: number; standingKey: string | null },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('agenda_items')
    .values({
      panel_id: v.panelId,
      position: v.position,
      standing_key: v.standingKey,
      title: v.title,
      purpose: v.purpose,
      presenter_member_id: v.presenterId,
      minutes: v.minutes,
      theme_id: v.themeId,
      notes: v.notes,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAgendaItemRow(db: Q, id: number, v: AgendaItemValues, now: string): Promise<void> {
  await db
    .updateTable('agenda_items')
    .set({
      title: v.title,
      purpose: v.purpose,
      presenter_member_id: v.presenterId,
      minutes: v.minutes,
      theme_id: v.themeId,
      notes: v.notes,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteAgendaItemRow(db: Q, id: number): Promise<void> {
  await db.deleteFrom('agenda_items').where('id', '=', id).execute();
}

/** Rewrites positions 1..n in the given order. */
export async function setPositions(db: Q, orderedIds: number[], now: string): Promise<void> {
  for (const [i, id] of orderedIds.entries()) {
    await db.updateTable('agenda_items').set({ position: i + 1, updated_at: now }).where('id', '=', id).execute();
  }
}

export async function insertPaper(
  db: Q,
  v: { itemId: number; fileName: string; storedName: string; bytes: number; sha256: string; addedBy: string },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('agenda_papers')
    .values({ agenda_item_id: v.itemId, file_name: v.fileName, stored_name: v.storedName, bytes: v.bytes, sha256: v.sha256, added_by: v.addedBy, added_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findPaper(db: Q, id: number) {
  return db.selectFrom('agenda_papers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deletePaperRow(db: Q, id: number): Promise<void> {
  await db.deleteFrom('agenda_papers').where('id', '=', id).execute();
}

export async function countPapersStoredAs(db: Q, storedName: string): Promise<number> {
  const r = await db.selectFrom('agenda_papers').select((eb) => eb.fn.countAll<number>().as('n')).where('stored_name', '=', storedName).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setAgendaState(db: Q, panelId: number, state: AgendaState, now: string): Promise<void> {
  await db.updateTable('panels').set({ agenda_state: state, updated_at: now }).where('id', '=', panelId).execute();
}

export async function insertReviewEvent(
  db: Q,
  v: { panelId: number; action: ReviewAction; itemId: number | null; comment: string; actorName: string; actorRole: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('agenda_reviews')
    .values({ panel_id: v.panelId, action: v.action, agenda_item_id: v.itemId, comment: v.comment, actor_name: v.actorName, actor_role: v.actorRole, at: now })
    .execute();
}

const reviewEventRows = fixedQuery((db, v: { panelId: number }) =>
  db
    .selectFrom('agenda_reviews as r')
    .leftJoin('agenda_items as i', 'i.id', 'r.agenda_item_id')
    .select(['r.id', 'r.action', 'r.agenda_item_id', 'i.title as item_title', 'r.comment', 'r.actor_name', 'r.actor_role', 'r.at'])
    .where('r.panel_id', '=', v.panelId)
    .orderBy('r.id'),
);

export async function listReviewEvents(db: Q, panelId: number): Promise<AgendaReviewEvent[]> {
  const rows = await reviewEventRows(db, { panelId });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    itemId: r.agenda_item_id,
    itemTitle: r.item_title ?? null,
    comment: r.comment,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    at: r.at,
  }));
}
