// Every channel is registered here, through one function: sender check, validation, handler.
import { CHANNELS, ipcName } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/result';
import type { HandlerContext } from '../handlers/context';
import type { HandlerTable } from '../handlers/types';
import { dispatch, type Logger } from '../ipc/dispatch';
import { forTransport } from '../ipc/forTransport';
import type { IpcMainLike } from './electronLike';
import { isAppUrl } from './protocol';

export function registerIpc(ipcMain: IpcMainLike, table: HandlerTable, ctx: HandlerContext, log: Logger = () => {}): void {
  const electronTable = forTransport(table, 'electron');
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcName(channel), async (event, arg): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) {
        return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the app’s own window and was refused.' } };
      }
      return dispatch(electronTable, ctx, channel, arg, log);
    });
  }
}
