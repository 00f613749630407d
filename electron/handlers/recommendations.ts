// The recommendations tracker: every change of status, target date or escalation is an update
// with its date, narrative and author, so the history is whole; lineage runs both ways.
import { findPanel } from '#db/queries/panels';
import { addUpdate, lineageEvidence, listRecommendationPage, listRecommendations, listUpdates, recommendationIdsForEvidence } from '#db/queries/recommendations';
import { quarterLabel } from '#shared/domain/panels';
import { ESCALATION_LABELS, REC_STATUS_LABELS, REC_TRANSITIONS, type Recommendation } from '#shared/domain/recommendations';
import { formatDateLong, londonToday } from '#shared/format';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

export async function loadRecommendation(ctx: HandlerContext, id: number): Promise<Recommendation> {
  const today = londonToday(ctx.now());
  const [summary] = await listRecommendations(ctx.db, { ids: [id] }, today);
  if (!summary) throw notFound('Recommendation', id);
  const row = await ctx.db.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const panel = await findPanel(ctx.db, row.panel_id);
  const item = row.agenda_item_id ? await ctx.db.selectFrom('agenda_items').select('title').where('id', '=', row.agenda_item_id).executeTakeFirst() : undefined;
  const latestMinutes = await ctx.db.selectFrom('minutes_versions').select('status').where('panel_id', '=', row.panel_id).orderBy('version', 'desc').executeTakeFirst();
  const lineage = await lineageEvidence(ctx.db, id);
  return {
    ...summary,
    notAcceptedReason: row.not_accepted_reason,
    implementationEvidence: row.implementation_evidence,
    confirmedBy: row.confirmed_by,
    escalationReason: row.escalation_reason,
    panelQuarter: quarterLabel(summary.panelDate),
    panelStatus: panel?.status ?? 'planned',
    agendaItemTitle: item?.title ?? null,
    updates: await listUpdates(ctx.db, id),
    evidence: lineage.evidence,
    evidenceTotal: lineage.total,
    editable: latestMinutes?.status !== 'approved',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkDate(onDate: string, panelDate: string, today: string) {
  if (onDate < panelDate) throw new UserFacingError('invalid-argument', `The date cannot be before the panel that made the recommendation (${formatDateLong(panelDate)}).`, { onDate: 'Give a date on or after the panel' });
  if (onDate > today) throw new UserFacingError('invalid-argument', 'The date cannot be in the future.', { onDate: 'Give today’s date or earlier' });
}

export const recommendationHandlers = {
  listRecommendations: async (ctx, o) => listRecommendationPage(ctx.db, o, o.today ?? londonToday(ctx.now())),
  getRecommendation: async (ctx, { id }) => loadRecommendation(ctx, id),

  addRecommendationUpdate: async (ctx, v) => {
    const who = await currentUser(ctx);
    const rec = await loadRecommendation(ctx, v.id);
    const today = londonToday(ctx.now());
    checkDate(v.onDate, rec.panelDate, today);
    if (!rec.complete) throw new UserFacingError('conflict', `${rec.ref} is incomplete (it needs its text, accountable Director General, owner and target date) — complete it in the meeting record first.`);
    const statusChange = v.status !== undefined && v.status !== rec.status ? v.status : null;
    if (statusChange && !REC_TRANSITIONS[rec.status].includes(statusChange)) {
      const allowed = REC_TRANSITIONS[rec.status].map((s) => REC_STATUS_LABELS[s].toLowerCase());
      throw new UserFacingError(
        'conflict',
        allowed.length
          ? `A recommendation that is ${REC_STATUS_LABELS[rec.status].toLowerCase()} can next be ${allowed.join(' or ')}, not ${REC_STATUS_LABELS[statusChange].toLowerCase()}.`
          : `${rec.ref} is closed; its history is complete and its status cannot change.`,
        { status: 'Choose a status that can follow the current one' },
      );
    }
    const targetChange = v.targetDate && v.targetDate !== rec.targetDate ? v.targetDate : null;
    if (targetChange && targetChange < rec.panelDate) throw new UserFacingError('invalid-argument', 'The target date cannot be before the panel that made the recommendation.', { targetDate: 'Give a later date' });
    if (rec.status === 'closed' && !statusChange) throw new UserFacingError('conflict', `${rec.ref} is closed; its history is complete.`);
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      const base = { recId: rec.id, onDate: v.onDate, narrative: v.narrative, author: who.name, at: now };
      if (statusChange) {
        await addUpdate(tx, { ...base, kind: 'status', fromStatus: rec.status, toStatus: statusChange });
        await tx
          .updateTable('recommendations')
          .set({
            status: statusChange,
            ...(statusChange === 'not-accepted' && { not_accepted_reason: v.notAcceptedReason ?? '' }),
            ...(statusChange === 'closed' && { implementation_evidence: v.implementationEvidence ?? '', confirmed_by: v.confirmedBy ?? '' }),
            ...(statusChange === 'implemented' && v.implementationEvidence && { implementation_evidence: v.implementationEvidence }),
            updated_at: now,
          })
          .where('id', '=', rec.id)
          .execute();
      }
      if (targetChange) {
        await addUpdate(tx, { ...base, kind: 'target-date', fromTarget: rec.targetDate, toTarget: targetChange });
        await tx.updateTable('recommendations').set({ target_date: targetChange, updated_at: now }).where('id', '=', rec.id).execute();
      }
      if (!statusChange && !targetChange) await addUpdate(tx, { ...base, kind: 'progress' });
    });
    return loadRecommendation(ctx, v.id);
  },

  escalateRecommendation: async (ctx, { id, level, onDate, reason }) => {
    const who = await currentUser(ctx);
    const rec = await loadRecommendation(ctx, id);
    checkDate(onDate, rec.panelDate, londonToday(ctx.now()));
    if (level === rec.escalationLevel) throw new UserFacingError('conflict', `${rec.ref} is already ${ESCALATION_LABELS[level].toLowerCase()}.`, { level: 'Choose a different level' });
    if (rec.status === 'closed') throw new UserFacingError('conflict', `${rec.ref} is closed, so it cannot be escalated.`);
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      await addUpdate(tx, { recId: id, onDate, kind: 'escalation', escalationLevel: level, narrative: reason, author: who.name, at: now });
      await tx
        .updateTable('recommendations')
        .set({ escalation_level: level, escalated_on: level === 'none' ? null : onDate, escalation_reason: level === 'none' ? '' : reason, updated_at: now })
        .where('id', '=', id)
        .execute();
    });
    return loadRecommendation(ctx, id);
  },

  recommendationsForEvidence: async (ctx, { evidenceId }) => {
    const ids = await recommendationIdsForEvidence(ctx.db, evidenceId);
    return listRecommendations(ctx.db, { ids }, londonToday(ctx.now()));
  },
} satisfies Partial<HandlerTable>;
