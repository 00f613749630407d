import { getSetting, putSetting } from '#db/queries/settings';
import type { Identity } from '#shared/domain/identity';
import { DEFAULT_MARKING, type DocumentSettings } from '#shared/domain/documentSettings';
import { currentUser, IDENTITY_KEY, nowIso, type HandlerContext } from './context';
import { isAllowedExternal } from '#shared/links';
import { UserFacingError } from '#shared/ipc/result';
import type { HandlerTable } from './types';

const DOCUMENT_SETTINGS_KEY = 'documents';

export async function getDocumentSettings(ctx: HandlerContext): Promise<DocumentSettings> {
  return (await getSetting<DocumentSettings>(ctx.db, DOCUMENT_SETTINGS_KEY)) ?? { marking: DEFAULT_MARKING };
}

export const appHandlers = {
  getAppInfo: async (ctx) => ({ ...ctx.info, transport: 'in-process' as const }),
  getIdentity: async (ctx) => getSetting<Identity>(ctx.db, IDENTITY_KEY),
  setIdentity: async (ctx, arg) => {
    await putSetting(ctx.db, IDENTITY_KEY, arg, nowIso(ctx));
    return arg;
  },
  getRecordHistory: async (ctx, { table, key }) => {
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select(['id', 'action', 'changed_fields', 'actor', 'at'])
      .where('table_name', '=', table)
      .where('row_key', '=', key)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({ id: r.id, action: r.action, changedFields: JSON.parse(r.changed_fields) as string[], actor: r.actor, at: r.at }));
  },
  openExternal: async (ctx, { url }) => {
    if (!isAllowedExternal(url)) {
      throw new UserFacingError('invalid-argument', 'Only e-mail links and https links to gov.uk or judiciary.uk can be opened from the app. Copy the link if you need it.', {
        url: 'This link cannot be opened from the app',
      });
    }
    if (!ctx.openExternal) return { opened: false };
    await ctx.openExternal(url);
    return { opened: true };
  },
  loadDemoData: async (ctx) => {
    await currentUser(ctx);
    // Imported lazily: the demonstration builder calls back into this handler table.
    const { loadDemo } = await import('../demo/demo');
    return { ...(await loadDemo(ctx)) };
  },
  getDocumentSettings: async (ctx) => getDocumentSettings(ctx),
  setDocumentSettings: async (ctx, arg) => {
    await putSetting(ctx.db, DOCUMENT_SETTINGS_KEY, arg, nowIso(ctx));
    return arg;
  },
} satisfies Partial<HandlerTable>;
