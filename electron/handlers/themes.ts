import { findEvidence } from '#db/queries/evidence';
import { findMember } from '#db/queries/members';
import { searchEvidenceRanked, searchThemes } from '#db/queries/search';
import { findTheme, growingThemes, insertTheme, linkEvidence, listThemes, rejectSuggestion, suggestEvidence, themeExists, themeOptions, unlinkEvidence, updateLinkNote, updateThemeRow } from '#db/queries/themes';
import { londonToday } from '#shared/format';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

async function load(ctx: HandlerContext, id: number) {
  const t = await findTheme(ctx.db, id, londonToday(ctx.now()));
  if (!t) throw notFound('Theme', id);
  return t;
}

async function checkOwner(ctx: HandlerContext, ownerId: number | null) {
  if (ownerId === null) return;
  const m = await findMember(ctx.db, ownerId);
  if (!m) throw new UserFacingError('invalid-argument', `Member ${ownerId} does not exist; choose the owner from the list.`, { ownerId: 'Choose a Director General from the list' });
  if (m.role !== 'director-general') {
    throw new UserFacingError('invalid-argument', `${m.name} is not a Director General; a theme is owned by a Director General.`, { ownerId: 'Choose a Director General' });
  }
}

export const themeHandlers = {
  listThemes: async (ctx) => listThemes(ctx.db, { today: londonToday(ctx.now()) }),
  themeOptions: async (ctx) => themeOptions(ctx.db),
  growingThemes: async (ctx, { limit }) => growingThemes(ctx.db, { today: londonToday(ctx.now()), limit: limit ?? 5 }),
  getTheme: async (ctx, { id }) => load(ctx, id),
  createTheme: async (ctx, v) => {
    await currentUser(ctx);
    await checkOwner(ctx, v.ownerId);
    const id = await insertTheme(ctx.db, v, nowIso(ctx));
    return load(ctx, id);
  },
  updateTheme: async (ctx, { id, ...v }) => {
    await currentUser(ctx);
    await load(ctx, id);
    await checkOwner(ctx, v.ownerId);
    await updateThemeRow(ctx.db, id, v, nowIso(ctx));
    return load(ctx, id);
  },
  linkEvidence: async (ctx, { themeId, evidenceIds, note }) => {
    const who = await currentUser(ctx);
    await load(ctx, themeId);
    const ids = [...new Set(evidenceIds)];
    const found = await ctx.db.selectFrom('evidence').select('id').where('id', 'in', ids).execute();
    if (found.length !== ids.length) {
      const missing = ids.filter((id) => !found.some((f) => f.id === id));
      throw new UserFacingError('not-found', `Evidence ${missing.slice(0, 5).join(', ')} does not exist; refresh the list and choose again. Nothing was linked.`);
    }
    const linked = await ctx.db.transaction().execute((tx) => linkEvidence(tx, themeId, ids, note, who.name, nowIso(ctx)));
    const [theme] = await listThemes(ctx.db, { today: londonToday(ctx.now()), ids: [themeId] });
    return { linked, alreadyLinked: ids.length - linked, theme };
  },
  updateLinkNote: async (ctx, { themeId, evidenceId, note }) => {
    await currentUser(ctx);
    if (!(await updateLinkNote(ctx.db, themeId, evidenceId, note))) throw new UserFacingError('not-found', 'That evidence is not linked to this theme any more; refresh and try again.');
    return load(ctx, themeId);
  },
  unlinkEvidence: async (ctx, { themeId, evidenceId }) => {
    await currentUser(ctx);
    await load(ctx, themeId);
    if (!(await unlinkEvidence(ctx.db, themeId, evidenceId))) throw new UserFacingError('not-found', 'That evidence is not linked to this theme; refresh and try again.');
    return load(ctx, themeId);
  },
  suggestEvidence: async (ctx, { themeId, limit }) => {
    // Only that it exists: loading the whole theme, links and profile was 2 ms of each call.
    if (!(await themeExists(ctx.db, themeId))) throw notFound('Theme', themeId);
    return suggestEvidence(ctx.db, themeId, limit ?? 15);
  },
  rejectSuggestion: async (ctx, { themeId, evidenceId }) => {
    const who = await currentUser(ctx);
    await load(ctx, themeId);
    if (!(await findEvidence(ctx.db, evidenceId, londonToday(ctx.now())))) throw notFound('Evidence', evidenceId);
    await rejectSuggestion(ctx.db, themeId, evidenceId, who.name, nowIso(ctx));
    return suggestEvidence(ctx.db, themeId, 15);
  },
  search: async (ctx, { text, limit, types, themes: includeThemes }) => {
    const n = limit ?? 50;
    const { hits: evidence, bounded } = await searchEvidenceRanked(ctx.db, text, { limit: n, types });
    const themes = includeThemes === false ? [] : await searchThemes(ctx.db, text, { limit: Math.min(n, 20) });
    return { evidence, themes, rankedAmongNewest: bounded };
  },
} satisfies Partial<HandlerTable>;
