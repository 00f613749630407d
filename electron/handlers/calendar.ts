// The calendar in force: bank holidays stored in the database (seeded once from the shipped
// gov.uk list), milestone rules and year-planning defaults from Settings.
import { countHolidays, deleteHoliday, listHolidays, upsertHolidays } from '#db/queries/calendar';
import { findPanel } from '#db/queries/panels';
import { getSetting, putSetting } from '#db/queries/settings';
import { SHIPPED_BANK_HOLIDAYS } from '#shared/calendar/bankHolidaysEnglandWales';
import { parseFy } from '#shared/calendar/financialYear';
import { parseGovUkBankHolidays } from '#shared/calendar/govukBankHolidays';
import { DEFAULT_MILESTONE_RULES, MILESTONE_KEYS, MILESTONE_LABELS, milestonesFor, milestoneStatus, type MilestoneRules } from '#shared/calendar/milestones';
import { DEFAULT_PLAN_OPTIONS, proposeYear, type PlanOptions } from '#shared/calendar/planYear';
import { WorkingCalendar } from '#shared/calendar/workingDays';
import { formatDateLong, londonToday } from '#shared/format';
import type { PanelMilestone } from '#shared/ipc/contract';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

const SEEDED_KEY = 'bankHolidaysSeeded';
const RULES_KEY = 'milestoneRules';
const PLAN_KEY = 'planDefaults';

export async function ensureHolidays(ctx: HandlerContext): Promise<void> {
  if (await getSetting<boolean>(ctx.db, SEEDED_KEY)) return;
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    if ((await countHolidays(tx)) === 0) {
      await upsertHolidays(tx, SHIPPED_BANK_HOLIDAYS.map(([date, title]) => ({ date, title, source: 'shipped' as const })), now);
    }
    await putSetting(tx, SEEDED_KEY, true, now);
  });
}

export async function workingCalendar(ctx: HandlerContext) {
  await ensureHolidays(ctx);
  const holidays = await listHolidays(ctx.db);
  const rules = (await getSetting<MilestoneRules>(ctx.db, RULES_KEY)) ?? DEFAULT_MILESTONE_RULES;
  const plan = (await getSetting<PlanOptions>(ctx.db, PLAN_KEY)) ?? DEFAULT_PLAN_OPTIONS;
  return { calendar: new WorkingCalendar(holidays.map((h) => h.date)), holidays, rules, plan };
}

async function settingsView(ctx: HandlerContext) {
  const { holidays, rules, plan } = await workingCalendar(ctx);
  return { holidays, rules, plan };
}

const DONE_AT: Record<string, number> = {
  planned: 0,
  'agenda-in-preparation': 0,
  'agenda-approved': 1,
  'pack-issued': 3,
  held: 3,
  'minutes-draft': 4,
  'minutes-approved': 4,
  cancelled: 0,
};

export const calendarHandlers = {
  getCalendarSettings: async (ctx) => settingsView(ctx),

  setMilestoneRules: async (ctx, rules) => {
    await putSetting(ctx.db, RULES_KEY, rules, nowIso(ctx));
    return settingsView(ctx);
  },

  setPlanDefaults: async (ctx, plan) => {
    await putSetting(ctx.db, PLAN_KEY, plan, nowIso(ctx));
    return settingsView(ctx);
  },

  importBankHolidays: async (ctx, { json }) => {
    let parsed;
    try {
      parsed = parseGovUkBankHolidays(json);
    } catch (err) {
      throw new UserFacingError('invalid-argument', (err as Error).message, { json: (err as Error).message });
    }
    await ensureHolidays(ctx);
    const r = await ctx.db.transaction().execute((tx) => upsertHolidays(tx, parsed.map((h) => ({ ...h, source: 'imported' as const })), nowIso(ctx)));
    return { ...r, read: parsed.length, ...(await settingsView(ctx)) };
  },

  addBankHoliday: async (ctx, { date, title }) => {
    await ensureHolidays(ctx);
    const r = await upsertHolidays(ctx.db, [{ date, title, source: 'user' }], nowIso(ctx));
    if (r.added === 0) throw new UserFacingError('conflict', `${formatDateLong(date)} is already a bank holiday.`, { date: 'Already a bank holiday' });
    return settingsView(ctx);
  },

  removeBankHoliday: async (ctx, { date }) => {
    await ensureHolidays(ctx);
    if (!(await deleteHoliday(ctx.db, date))) throw new UserFacingError('not-found', `${formatDateLong(date)} is not in the bank holiday list.`);
    return settingsView(ctx);
  },

  getPanelMilestones: async (ctx, { panelId }) => {
    const panel = await findPanel(ctx.db, panelId);
    if (!panel) throw notFound('Panel', panelId);
    const { calendar, rules } = await workingCalendar(ctx);
    const dates = milestonesFor(panel.date, calendar, rules);
    const today = londonToday(ctx.now());
    const stage = DONE_AT[panel.status] ?? 0;
    const order = ['agendaReviewDue', 'papersDue', 'packIssue', 'minutesDue'] as const;
    // Done when the panel has passed the matching stage; papers are due before the pack can be issued.
    const done = (i: number) => panel.status !== 'cancelled' && stage > i;
    return MILESTONE_KEYS.map((key): PanelMilestone => {
      const i = order.indexOf(key);
      return { key, label: MILESTONE_LABELS[key], due: dates[key], ...milestoneStatus(dates[key], today, done(i)) };
    });
  },

  proposeYear: async (ctx, { fy, weekday, week }) => {
    let start: number;
    try {
      start = parseFy(fy);
    } catch (err) {
      throw new UserFacingError('invalid-argument', (err as Error).message, { fy: (err as Error).message });
    }
    const { calendar, holidays, rules, plan } = await workingCalendar(ctx);
    const options = { weekday: weekday ?? plan.weekday, week: week ?? plan.week };
    const titles = new Map(holidays.map((h) => [h.date, h.title]));
    const proposal = proposeYear(start, calendar, rules, options, (d) => titles.get(d));
    const existing = await ctx.db.selectFrom('panels').select(['id', 'date']).where('status', '!=', 'cancelled').execute();
    return {
      ...proposal,
      options,
      panels: proposal.panels.map((p) => ({ ...p, clash: existing.find((e) => e.date === p.date)?.id ?? null })),
    };
  },
} satisfies Partial<HandlerTable>;
