// Papers attached to agenda items are copied into the app's own storage (content-addressed), so
// the agenda never points at a file on someone's desktop that may move or vanish.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countPapersStoredAs, deletePaperRow, findAgendaItem, findPaper, insertPaper } from '#db/queries/agenda';
import { findPanel } from '#db/queries/panels';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { currentUser, nowIso, type HandlerContext } from './context';
import { loadAgenda } from './agenda';
import type { HandlerTable } from './types';

const MAX_BYTES = 20 * 1024 * 1024;

export function papersDir(ctx: HandlerContext): string {
  return join(ctx.dataDir, 'papers');
}

async function unlockedItem(ctx: HandlerContext, itemId: number) {
  const item = await findAgendaItem(ctx.db, itemId);
  if (!item) throw notFound('Agenda item', itemId);
  const panel = await findPanel(ctx.db, item.panel_id);
  if (panel?.agenda_state === 'approved') {
    throw new UserFacingError('conflict', 'The agenda is approved and locked. Reopen it first to change its papers.');
  }
  return item;
}

export const paperHandlers = {
  attachPaper: async (ctx, { itemId, fileName, contentBase64 }) => {
    const who = await currentUser(ctx);
    const item = await unlockedItem(ctx, itemId);
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length === 0) throw new UserFacingError('invalid-argument', `${fileName} is empty; choose the file again.`);
    if (bytes.length > MAX_BYTES) throw new UserFacingError('invalid-argument', `${fileName} is larger than 20 MB. Attach a smaller file or a link in the notes.`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0].toLowerCase() ?? '';
    const storedName = `${sha256}${ext}`;
    const dir = papersDir(ctx);
    const target = join(dir, storedName);
    try {
      mkdirSync(dir, { recursive: true });
      if (!existsSync(target)) {
        // Write beside, then rename: a crash never leaves a half-written paper under its final name.
        const partial = `${target}.partial`;
        writeFileSync(partial, bytes, { flush: true });
        renameSync(partial, target);
      }
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new UserFacingError(
        'database',
        code === 'ENOSPC'
          ? 'The disk is full, so the paper was not attached. Free some space and try again.'
          : `The paper could not be stored in ${dir} (${code ?? 'error'}). Check that the folder can be written.`,
      );
    }
    await insertPaper(ctx.db, { itemId, fileName, storedName, bytes: bytes.length, sha256, addedBy: who.name }, nowIso(ctx));
    return loadAgenda(ctx.db, item.panel_id);
  },

  removePaper: async (ctx, { id }) => {
    const paper = await findPaper(ctx.db, id);
    if (!paper) throw notFound('Paper', id);
    const item = await unlockedItem(ctx, paper.agenda_item_id);
    await deletePaperRow(ctx.db, id);
    if ((await countPapersStoredAs(ctx.db, paper.stored_name)) === 0) {
      rmSync(join(papersDir(ctx), paper.stored_name), { force: true });
    }
    return loadAgenda(ctx.db, item.panel_id);
  },
} satisfies Partial<HandlerTable>;
