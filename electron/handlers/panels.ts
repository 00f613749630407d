import { cancelPanelRow, findPanel, insertPanel, listPanels, panelOnDate, toPanel, updatePanelRow } from '#db/queries/panels';
import { formatDateLong, londonToday } from '#shared/format';
import { panelInput } from '#shared/domain/panels';
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
  createPlannedPanels: async (ctx, { dates, ...common }) => {
    const unique = [...new Set(dates)];
    for (const date of unique) {
      const check = panelInput.safeParse({ date, ...common, notes: '' });
      if (!check.success) {
        const first = check.error.issues[0];
        throw new UserFacingError('invalid-argument', first.message, { [String(first.path[0] ?? 'date')]: first.message });
      }
      await refuseClash(ctx, date);
    }
    const now = nowIso(ctx);
    // All or nothing: a year's plan is created whole or not at all.
    const ids = await ctx.db.transaction().execute(async (tx) => {
      const created: number[] = [];
      for (const date of unique.sort()) {
        const id = await insertPanel(tx, { date, ...common, notes: 'Planned with "Plan a year".' }, now);
        await seedStandingItems(tx, id, now);
        created.push(id);
      }
      return created;
    });
    return Promise.all(ids.map((id) => load(ctx, id)));
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
