// Word exports from the app: written into the exports folder beside the database.
import { join } from 'node:path';
import { packDocx } from '#templates/style/pack';
import { agendaDocument, torDocument, type BuiltDocument } from '../docs/planningDocs';
import { writeDocument } from '../docs/files';
import type { HandlerContext } from './context';
import type { HandlerTable } from './types';

export function exportsDir(ctx: HandlerContext): string {
  return join(ctx.dataDir, 'exports');
}

async function save(ctx: HandlerContext, built: BuiltDocument) {
  return writeDocument(join(exportsDir(ctx), built.fileName), await packDocx(built.doc));
}

export const exportHandlers = {
  exportAgenda: async (ctx, { panelId }) => save(ctx, await agendaDocument(ctx, panelId)),
  exportTor: async (ctx, { id }) => save(ctx, await torDocument(ctx, { id })),
} satisfies Partial<HandlerTable>;
