import { findMember, insertMember, listMembers, setMemberActiveTo, toMember, updateMemberRow } from '#db/queries/members';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { londonToday } from '#shared/format';
import { addCalendarDays } from '#shared/calendar/workingDays';
import { nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

async function load(ctx: HandlerContext, id: number) {
  const row = await findMember(ctx.db, id);
  if (!row) throw notFound('Member', id);
  return toMember(row, londonToday(ctx.now()));
}

export const memberHandlers = {
  listMembers: async (ctx, arg) => listMembers(ctx.db, { today: londonToday(ctx.now()), includeInactive: arg.includeInactive ?? false }),
  getMember: async (ctx, { id }) => load(ctx, id),
  createMember: async (ctx, arg) => {
    const id = await insertMember(ctx.db, arg, nowIso(ctx));
    return load(ctx, id);
  },
  updateMember: async (ctx, { id, ...values }) => {
    const ok = await updateMemberRow(ctx.db, id, values, nowIso(ctx));
    if (!ok) throw notFound('Member', id);
    return load(ctx, id);
  },
  deactivateMember: async (ctx, { id, activeTo }) => {
    const member = await load(ctx, id);
    // "Active to" is inclusive: deactivating today makes yesterday the last active day, so the
    // member drops out of today's lists at once (unless they only started today).
    const today = londonToday(ctx.now());
    const yesterday = addCalendarDays(today, -1);
    const end = activeTo ?? (yesterday >= member.activeFrom ? yesterday : today);
    if (end < member.activeFrom) {
      throw new UserFacingError('invalid-argument', `${member.name} only became active on ${member.activeFrom}; choose an end date on or after that.`, {
        activeTo: 'Must be on or after the date they became active',
      });
    }
    await setMemberActiveTo(ctx.db, id, end, nowIso(ctx));
    return load(ctx, id);
  },
  reactivateMember: async (ctx, { id }) => {
    await load(ctx, id);
    await setMemberActiveTo(ctx.db, id, null, nowIso(ctx));
    return load(ctx, id);
  },
} satisfies Partial<HandlerTable>;
