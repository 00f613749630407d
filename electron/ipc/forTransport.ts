import type { AppInfo } from '#shared/ipc/contract';
import type { HandlerTable } from '../handlers/types';

/** The same handler table, reporting which transport carried the call. */
export function forTransport(table: HandlerTable, transport: AppInfo['transport']): HandlerTable {
  return {
    ...table,
    getAppInfo: async (ctx, arg) => ({ ...(await table.getAppInfo(ctx, arg)), transport }),
  };
}
