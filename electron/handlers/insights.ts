// The dashboard's "what needs me now" and the charts page: read-only aggregates, plus the IPR
// timeliness targets the charts measure against (kept in Settings).
import { coronerTimeliness, evidenceByQuarter, iprTimeliness, recentExports, recommendationsByDg, recommendationsDue, timeToImplement } from '#db/queries/insights';
import { getSetting, putSetting } from '#db/queries/settings';
import { DEFAULT_IPR_TARGETS, endOfMonth, iprTargetsInput, lastFinancialYears, lastQuarters, type IprTargets } from '#shared/domain/insights';
import { londonToday } from '#shared/format';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

const TARGETS_KEY = 'iprTargets';

/** The stored targets over the defaults; a stored value that no longer validates falls back to its default. */
export async function iprTargets(ctx: HandlerContext): Promise<IprTargets> {
  const stored = (await getSetting<Partial<IprTargets>>(ctx.db, TARGETS_KEY)) ?? {};
  const merged = { ...DEFAULT_IPR_TARGETS, ...stored };
  const parsed = iprTargetsInput.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_IPR_TARGETS;
}

export const insightHandlers = {
  getDashboardSummary: async (ctx) => {
    const today = londonToday(ctx.now());
    const monthTo = endOfMonth(today);
    const byDg = await recommendationsDue(ctx.db, today, monthTo);
    return {
      today,
      monthFrom: today,
      monthTo,
      recommendations: { overdue: byDg.reduce((n, g) => n + g.overdue, 0), dueThisMonth: byDg.reduce((n, g) => n + g.dueThisMonth, 0), byDg },
      recentExports: await recentExports(ctx.db, 5),
    };
  },

  getEvidenceByQuarter: async (ctx, { quarters }) => evidenceByQuarter(ctx.db, lastQuarters(londonToday(ctx.now()), quarters ?? 12)),
  getRecommendationCharts: async (ctx) => ({ byDg: await recommendationsByDg(ctx.db), timeToImplement: await timeToImplement(ctx.db, 12) }),
  getCoronerTimeliness: async (ctx, { years }) => {
    const today = londonToday(ctx.now());
    return coronerTimeliness(ctx.db, today, lastFinancialYears(today, years ?? 6));
  },
  getIprTimeliness: async (ctx, { years }) => {
    const targets = await iprTargets(ctx);
    return { years: await iprTimeliness(ctx.db, targets, lastFinancialYears(londonToday(ctx.now()), years ?? 6)), targets };
  },

  getIprTargets: async (ctx) => iprTargets(ctx),
  setIprTargets: async (ctx, v) => {
    await currentUser(ctx);
    await putSetting(ctx.db, TARGETS_KEY, v, nowIso(ctx));
    return iprTargets(ctx);
  },
} satisfies Partial<HandlerTable>;
