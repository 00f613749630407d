// The one declaration of every channel between the renderer and main. Main, preload, the web
// preview and the in-process test transport all derive from this; nothing else names a channel.
import { z } from 'zod';
import { identityInput, type Identity } from '../domain/identity';
import { memberInput, memberUpdate, type Member } from '../domain/members';
import { panelInput, panelUpdate, type Panel } from '../domain/panels';
import { recordId, trimmed } from '../domain/validation';
import type { Result } from './result';

interface ChannelSpec<I extends z.ZodType, R> {
  input: I;
  /** type-only: never read at run time */
  result?: R;
}
const channel = <I extends z.ZodType>(input: I) => ({ returns: <R>(): ChannelSpec<I, R> => ({ input }) });

const noArgs = z.strictObject({});
const byId = z.strictObject({ id: recordId });

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  sqliteVersion: string;
  transport: 'electron' | 'web-preview' | 'in-process';
}

export interface PanelList {
  upcoming: Panel[];
  past: Panel[];
}

export const contract = {
  getAppInfo: channel(noArgs).returns<AppInfo>(),
  getIdentity: channel(noArgs).returns<Identity | null>(),
  setIdentity: channel(identityInput).returns<Identity>(),

  listMembers: channel(z.strictObject({ includeInactive: z.boolean().optional() })).returns<Member[]>(),
  getMember: channel(byId).returns<Member>(),
  createMember: channel(memberInput).returns<Member>(),
  updateMember: channel(memberUpdate).returns<Member>(),
  deactivateMember: channel(
    z.strictObject({ id: recordId, activeTo: z.iso.date({ error: 'Active to must be a date (YYYY-MM-DD)' }).optional() }),
  ).returns<Member>(),
  reactivateMember: channel(byId).returns<Member>(),

  listPanels: channel(z.strictObject({ includeCancelled: z.boolean().optional() })).returns<PanelList>(),
  getPanel: channel(byId).returns<Panel>(),
  createPanel: channel(panelInput).returns<Panel>(),
  updatePanel: channel(panelUpdate).returns<Panel>(),
  cancelPanel: channel(z.strictObject({ id: recordId, reason: trimmed('Reason for cancelling', 1, 1000) })).returns<Panel>(),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<K extends Channel> = z.input<Contract[K]['input']>;
export type ChannelParsed<K extends Channel> = z.output<Contract[K]['input']>;
export type ChannelResult<K extends Channel> = Exclude<Contract[K]['result'], undefined>;

/** What `window.scp` offers: one function per channel, each returning the result envelope. */
export type ScpApi = { [K in Channel]: (arg: ChannelInput<K>) => Promise<Result<ChannelResult<K>>> };

/** The string on the wire for a channel; prefixed so nothing else on ipcMain can collide. */
export const ipcName = (c: Channel): string => `scp:${c}`;
