import { getSetting, putSetting } from '#db/queries/settings';
import type { Identity } from '#shared/domain/identity';
import { IDENTITY_KEY, nowIso } from './context';
import type { HandlerTable } from './types';

export const appHandlers = {
  getAppInfo: async (ctx) => ({ ...ctx.info, transport: 'in-process' as const }),
  getIdentity: async (ctx) => getSetting<Identity>(ctx.db, IDENTITY_KEY),
  setIdentity: async (ctx, arg) => {
    await putSetting(ctx.db, IDENTITY_KEY, arg, nowIso(ctx));
    return arg;
  },
} satisfies Partial<HandlerTable>;
