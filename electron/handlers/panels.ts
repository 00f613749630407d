import { cancelPanelRow, findPanel, insertPanel, listPanels, panelOnDate, toPanel, updatePanelRow } from '#db/queries/panels';
import { formatDateLong, londonToday } from '#shared/format';
import { notFound, UserFacingError } from '#shared/ipc/result';
import type { HandlerContext } from './context';
import { nowIso } from './context';
import type { HandlerTable } from './types';
import { seedStandingItems } from './agenda';

async function load(ctx: HandlerContext, id: number) {
  const row = await findPanel(ctx.db, id);
  if (!row) throw notFound('Panel', id);
  return toPanel(row);
}

async function refuseClash(ctx: HandlerContext, date: string, exceptId?: number) {
  const other = await panelOnDate(ctx.db, date, exceptId);
  if (other) {
    throw new UserFacingError('conflict', `Another panel is already planned on ${formatDateLong(date)}. Choose another date, or cancel that panel first.`, {
      date: 'A panel already meets on this date',
    });
  }
}

export const panelHandlers = {
  listPanels: async (ctx, arg) => listPanels(ctx.db, { today: londonToday(ctx.now()), includeCancelled: arg.includeCancelled ?? false }),
  getPanel: async (ctx, { id }) => load(ctx, id),
  createPanel: async (ctx, arg) => {
    await refuseClash(ctx, arg.date);
    const now = nowIso(ctx);
    const id = await ctx.db.transaction().execute(async (tx) => {
      const panelId = await insertPanel(tx, arg, now);
      await seedStandingItems(tx, panelId, now);
      return panelId;
    });
    return load(ctx, id);
  },
  updatePanel: async (ctx, { id, ...values }) => {
    const existing = await load(ctx, id);
    if (existing.status === 'cancelled') {
      throw new UserFacingError('conflict', 'This panel has been cancelled and can no longer be edited. Plan a new panel instead.');
    }
    await refuseClash(ctx, values.date, id);
    await updatePanelRow(ctx.db, id, values, nowIso(ctx));
    return load(ctx, id);
  },
  cancelPanel: async (ctx, { id, reason }) => {
    const existing = await load(ctx, id);
    if (existing.status === 'cancelled') throw new UserFacingError('conflict', 'This panel is already cancelled.');
    if (existing.status === 'held' || existing.status === 'minutes-draft' || existing.status === 'minutes-approved') {
      throw new UserFacingError('conflict', 'This panel has already been held, so it cannot be cancelled.');
    }
    await cancelPanelRow(ctx.db, id, reason, nowIso(ctx));
    return load(ctx, id);
  },
} satisfies Partial<HandlerTable>;
