// The agenda builder and the chair's review. An approved agenda is locked: changing it needs an
// explicit, recorded reopening, after which it goes back to the chair.
import { rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { findPanel } from '#db/queries/panels';
import { themeExists } from '#db/queries/themes';
import {
  countPapersStoredAs,
  deleteAgendaItemRow,
  findAgendaItem,
  findPaper,
  insertAgendaItem,
  insertReviewEvent,
  listAgendaItems,
  listReviewEvents,
  setAgendaState,
  setPositions,
  updateAgendaItemRow,
} from '#db/queries/agenda';
import { findMember } from '#db/queries/members';
import { agendaTiming, runningTimes, STANDING_ITEMS, type Agenda, type AgendaState } from '#shared/domain/agenda';
import { notFound, UserFacingError } from '#shared/ipc/result';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '#db/schema';
import { currentUser, nowIso, type HandlerContext } from './context';
import { papersDir } from './papers';
import type { HandlerTable } from './types';

type Q = Kysely<DB> | Transaction<DB>;

/** A panel's agenda; `known` is the panel's row when the caller has just read it. */
export async function loadAgenda(db: Q, panelId: number, known?: Awaited<ReturnType<typeof findPanel>>): Promise<Agenda> {
  const panel = known?.id === panelId ? known : await findPanel(db, panelId);
  if (!panel) throw notFound('Panel', panelId);
  const records = await listAgendaItems(db, panelId);
  const times = runningTimes(panel.start_time, records.map((r) => r.minutes));
  const timing = agendaTiming(panel.start_time, panel.end_time, records.map((r) => r.minutes));
  return {
    panelId,
    state: panel.agenda_state,
    items: records.map((r, i) => ({ ...r, ...times[i] })),
    events: await listReviewEvents(db, panelId),
    ...timing,
  };
}

/** The standing items every new panel's agenda starts from. */
export async function seedStandingItems(db: Q, panelId: number, now: string): Promise<void> {
  for (const [i, s] of STANDING_ITEMS.entries()) {
    await insertAgendaItem(
      db,
      { panelId, position: i + 1, standingKey: s.key, title: s.title, purpose: s.purpose, presenterId: null, minutes: s.minutes, themeId: null, notes: '' },
      now,
    );
  }
}

async function editablePanel(db: Q, panelId: number) {
  const panel = await findPanel(db, panelId);
  if (!panel) throw notFound('Panel', panelId);
  if (panel.status === 'cancelled') throw new UserFacingError('conflict', 'This panel has been cancelled, so its agenda cannot be changed.');
  if (['held', 'minutes-draft', 'minutes-approved'].includes(panel.status)) {
    throw new UserFacingError('conflict', 'This panel has been held, so its agenda can no longer be changed.');
  }
  if (panel.agenda_state === 'approved') {
    throw new UserFacingError('conflict', 'The agenda is approved and locked. Choose "Reopen agenda" and give a reason first; the chair will then need to approve it again.');
  }
  return panel;
}

/** Any edit moves a planned panel into "agenda in preparation". */
async function touched(db: Q, panelId: number, now: string) {
  await db.updateTable('panels').set({ status: 'agenda-in-preparation', updated_at: now }).where('id', '=', panelId).where('status', '=', 'planned').execute();
}

async function checkTheme(ctx: HandlerContext, themeId: number | null | undefined) {
  if (themeId != null && !(await themeExists(ctx.db, themeId))) {
    throw new UserFacingError('invalid-argument', `Theme ${themeId} does not exist; choose the theme from the list.`, { themeId: 'Choose a theme from the list' });
  }
}

async function checkPresenter(ctx: HandlerContext, presenterId: number | null) {
  if (presenterId !== null && !(await findMember(ctx.db, presenterId))) {
    throw new UserFacingError('invalid-argument', `Member ${presenterId} does not exist; choose the presenter from the list.`, { presenterId: 'Choose a presenter from the list' });
  }
}

async function itemPanel(ctx: HandlerContext, itemId: number) {
  const item = await findAgendaItem(ctx.db, itemId);
  if (!item) throw notFound('Agenda item', itemId);
  return item;
}

/**
 * Deletes the stored copies of removed papers, once their rows are gone for good. Copies are
 * content-addressed, so one still used by another paper stays; and a name that would reach
 * outside the papers folder (a damaged or tampered row) is never followed.
 */
async function deleteUnusedPaperFiles(ctx: HandlerContext, storedNames: string[]) {
  const dir = resolve(papersDir(ctx));
  for (const name of new Set(storedNames)) {
    const file = resolve(dir, name);
    if (dirname(file) !== dir || basename(file) !== name) continue;
    if ((await countPapersStoredAs(ctx.db, name)) > 0) continue;
    try {
      rmSync(file, { force: true });
    } catch {
      // The item is already removed; a copy left behind is only disk space, not a reason to fail.
    }
  }
}

function requireChair(role: string, what: string) {
  if (role !== 'chair') {
    throw new UserFacingError('forbidden', `Only the chair can ${what}. If you are the chair, change your role in Settings.`);
  }
}

async function review(ctx: HandlerContext, panelId: number, action: 'sent' | 'comment' | 'approved' | 'returned' | 'reopened', comment: string, state: AgendaState | null, itemId: number | null = null) {
  const who = await currentUser(ctx);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    await insertReviewEvent(tx, { panelId, action, itemId, comment, actorName: who.name, actorRole: who.role }, now);
    if (state) await setAgendaState(tx, panelId, state, now);
    if (action === 'approved') {
      await tx.updateTable('panels').set({ status: 'agenda-approved', updated_at: now }).where('id', '=', panelId).where('status', 'in', ['planned', 'agenda-in-preparation']).execute();
    }
    if (action === 'reopened') {
      await tx.updateTable('panels').set({ status: 'agenda-in-preparation', updated_at: now }).where('id', '=', panelId).where('status', '=', 'agenda-approved').execute();
    }
  });
  return loadAgenda(ctx.db, panelId);
}

export const agendaHandlers = {
  getAgenda: async (ctx, { panelId }) => loadAgenda(ctx.db, panelId),

  addAgendaItem: async (ctx, { panelId, ...v }) => {
    await editablePanel(ctx.db, panelId);
    await checkPresenter(ctx, v.presenterId);
    await checkTheme(ctx, v.themeId);
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      const items = await listAgendaItems(tx, panelId);
      // New items go before the closing standing items (any other business, date of next meeting).
      const closing = new Set(STANDING_ITEMS.filter((s) => s.afterThemes).map((s) => s.key));
      const firstClosing = items.findIndex((i) => i.standingKey !== null && closing.has(i.standingKey));
      const insertAt = firstClosing === -1 ? items.length : firstClosing;
      const id = await insertAgendaItem(tx, { panelId, position: insertAt + 1, standingKey: null, title: v.title, purpose: v.purpose, presenterId: v.presenterId, minutes: v.minutes, themeId: v.themeId ?? null, notes: v.notes ?? '' }, now);
      const order = items.map((i) => i.id);
      order.splice(insertAt, 0, id);
      await setPositions(tx, order, now);
      await touched(tx, panelId, now);
    });
    return loadAgenda(ctx.db, panelId);
  },

  updateAgendaItem: async (ctx, { id, ...v }) => {
    const item = await itemPanel(ctx, id);
    await editablePanel(ctx.db, item.panel_id);
    await checkPresenter(ctx, v.presenterId);
    await checkTheme(ctx, v.themeId);
    const now = nowIso(ctx);
    await updateAgendaItemRow(ctx.db, id, { title: v.title, purpose: v.purpose, presenterId: v.presenterId, minutes: v.minutes, themeId: v.themeId ?? null, notes: v.notes ?? '' }, now);
    await touched(ctx.db, item.panel_id, now);
    return loadAgenda(ctx.db, item.panel_id);
  },

  removeAgendaItem: async (ctx, { id }) => {
    const item = await itemPanel(ctx, id);
    await editablePanel(ctx.db, item.panel_id);
    const now = nowIso(ctx);
    const stored = await ctx.db.transaction().execute(async (tx) => {
      const papers = (await listAgendaItems(tx, item.panel_id)).find((i) => i.id === id)?.papers ?? [];
      const rows = await Promise.all(papers.map((p) => findPaper(tx, p.id)));
      // The item's papers go with it (foreign key cascade); their files only once this commits.
      await deleteAgendaItemRow(tx, id);
      const rest = await listAgendaItems(tx, item.panel_id);
      await setPositions(tx, rest.map((r) => r.id), now);
      await touched(tx, item.panel_id, now);
      return rows.flatMap((r) => (r ? [r.stored_name] : []));
    });
    await deleteUnusedPaperFiles(ctx, stored);
    return loadAgenda(ctx.db, item.panel_id);
  },

  reorderAgenda: async (ctx, { panelId, itemIds }) => {
    await editablePanel(ctx.db, panelId);
    const current = await listAgendaItems(ctx.db, panelId);
    const same = current.length === itemIds.length && new Set(itemIds).size === itemIds.length && current.every((c) => itemIds.includes(c.id));
    if (!same) {
      throw new UserFacingError('conflict', 'The agenda changed while you were reordering it. The latest order has been loaded; please try again.');
    }
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      await setPositions(tx, itemIds, now);
      await touched(tx, panelId, now);
    });
    return loadAgenda(ctx.db, panelId);
  },

  sendAgendaForReview: async (ctx, { panelId, comment }) => {
    const panel = await editablePanel(ctx.db, panelId);
    if (panel.agenda_state === 'in-review') throw new UserFacingError('conflict', 'The agenda is already with the chair for review.');
    const items = await listAgendaItems(ctx.db, panelId);
    if (items.length === 0) throw new UserFacingError('invalid-argument', 'The agenda has no items yet. Add items before sending it to the chair.');
    await touched(ctx.db, panelId, nowIso(ctx));
    return review(ctx, panelId, 'sent', comment ?? '', 'in-review');
  },

  commentOnAgenda: async (ctx, { panelId, itemId, comment }) => {
    const panel = await findPanel(ctx.db, panelId);
    if (!panel) throw notFound('Panel', panelId);
    if (itemId != null) {
      const item = await itemPanel(ctx, itemId);
      if (item.panel_id !== panelId) throw new UserFacingError('invalid-argument', 'That item belongs to another panel’s agenda.');
    }
    return review(ctx, panelId, 'comment', comment, null, itemId ?? null);
  },

  approveAgenda: async (ctx, { panelId, comment }) => {
    requireChair((await currentUser(ctx)).role, 'approve the agenda');
    const panel = await editablePanel(ctx.db, panelId);
    if (panel.agenda_state !== 'in-review') throw new UserFacingError('conflict', 'The agenda has not been sent for review yet, so it cannot be approved.');
    return review(ctx, panelId, 'approved', comment ?? '', 'approved');
  },

  returnAgenda: async (ctx, { panelId, comment }) => {
    requireChair((await currentUser(ctx)).role, 'return the agenda');
    const panel = await editablePanel(ctx.db, panelId);
    if (panel.agenda_state !== 'in-review') throw new UserFacingError('conflict', 'The agenda is not with the chair for review, so it cannot be returned.');
    return review(ctx, panelId, 'returned', comment, 'returned');
  },

  reopenAgenda: async (ctx, { panelId, reason }) => {
    const panel = await findPanel(ctx.db, panelId);
    if (!panel) throw notFound('Panel', panelId);
    if (panel.agenda_state !== 'approved') throw new UserFacingError('conflict', 'The agenda is not approved, so there is nothing to reopen.');
    if (['held', 'minutes-draft', 'minutes-approved', 'cancelled'].includes(panel.status)) {
      throw new UserFacingError('conflict', 'This panel has been held or cancelled, so its agenda cannot be reopened.');
    }
    return review(ctx, panelId, 'reopened', reason, 'draft');
  },
} satisfies Partial<HandlerTable>;
