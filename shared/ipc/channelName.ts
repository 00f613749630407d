/** The string on the wire for a channel; prefixed so nothing else on ipcMain can collide. */
export const ipcName = (channel: string): string => `scp:${channel}`;
