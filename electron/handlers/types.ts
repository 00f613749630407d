import type { Channel, ChannelParsed, ChannelResult } from '#shared/ipc/contract';
import type { HandlerContext } from './context';

export type Handler<K extends Channel> = (ctx: HandlerContext, arg: ChannelParsed<K>) => Promise<ChannelResult<K>>;
export type HandlerTable = { [K in Channel]: Handler<K> };
