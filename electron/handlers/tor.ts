// Terms of Reference: drafts are edited, one approved version is in force, older ones are kept
// as superseded so the panel can always show what applied when.
import { approveTorRow, deleteTorDraft, getTorInForce, getTorVersion, insertTorVersion, listTorVersions, updateTorDraftRow } from '#db/queries/tor';
import { DEFAULT_QUORUM, DEFAULT_TOR_SECTIONS } from '#shared/domain/torDefault';
import type { TorSectionKey } from '#shared/domain/tor';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { londonToday } from '#shared/format';
import { addYears, formatISO, parseISO } from 'date-fns';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

async function load(ctx: HandlerContext, id: number) {
  const v = await getTorVersion(ctx.db, id);
  if (!v) throw notFound('Terms of Reference version', id);
  return v;
}

async function draft(ctx: HandlerContext, id: number) {
  const v = await load(ctx, id);
  if (v.status !== 'draft') {
    throw new UserFacingError('conflict', `Version ${v.version} is ${v.status} and cannot be changed. Start a new draft from it instead.`);
  }
  return v;
}

export const torHandlers = {
  listTorVersions: async (ctx) => listTorVersions(ctx.db),
  getTorVersion: async (ctx, { id }) => load(ctx, id),
  getTorInForce: async (ctx) => (await getTorInForce(ctx.db)) ?? null,

  createTorDraft: async (ctx, { fromVersionId }) => {
    const who = await currentUser(ctx);
    const existingDraft = (await listTorVersions(ctx.db)).find((v) => v.status === 'draft');
    if (existingDraft) {
      throw new UserFacingError('conflict', `Version ${existingDraft.version} is already a draft. Edit or delete it before starting another.`);
    }
    const base = fromVersionId ? await load(ctx, fromVersionId) : await getTorInForce(ctx.db);
    const bodies: Partial<Record<TorSectionKey, string>> = base
      ? Object.fromEntries(base.sections.map((s) => [s.key, s.body]))
      : DEFAULT_TOR_SECTIONS;
    const reviewDate = base?.reviewDate ?? formatISO(addYears(parseISO(londonToday(ctx.now())), 1), { representation: 'date' });
    const id = await ctx.db
      .transaction()
      .execute((tx) => insertTorVersion(tx, { reviewDate, quorum: base?.quorum ?? DEFAULT_QUORUM, bodies, createdBy: who.name }, nowIso(ctx)));
    return load(ctx, id);
  },

  updateTorDraft: async (ctx, { id, reviewDate, quorum, sections }) => {
    await draft(ctx, id);
    const bodies = Object.fromEntries(sections.map((s) => [s.key, s.body]));
    await ctx.db.transaction().execute((tx) => updateTorDraftRow(tx, id, { reviewDate, quorum, bodies }, nowIso(ctx)));
    return load(ctx, id);
  },

  approveTorVersion: async (ctx, { id, approvedOn }) => {
    const who = await currentUser(ctx);
    const v = await draft(ctx, id);
    const empty = v.sections.filter((s) => s.body.trim() === '');
    if (empty.length) {
      throw new UserFacingError('invalid-argument', `Complete every section before approval: ${empty.map((s) => s.heading).join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty.`);
    }
    if (approvedOn > londonToday(ctx.now())) throw new UserFacingError('invalid-argument', 'The approval date cannot be in the future.', { approvedOn: 'Cannot be in the future' });
    await ctx.db.transaction().execute((tx) => approveTorRow(tx, id, approvedOn, who.name, nowIso(ctx)));
    return load(ctx, id);
  },

  deleteTorDraft: async (ctx, { id }) => {
    await draft(ctx, id);
    await deleteTorDraft(ctx.db, id);
    return { deleted: true as const };
  },
} satisfies Partial<HandlerTable>;
