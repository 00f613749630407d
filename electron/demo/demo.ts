// Realistic demonstration data, written through the real handlers so every rule applies.
// Names are invented; roles and portfolios follow the panel's published composition.
import { getSetting, putSetting } from '#db/queries/settings';
import { financialQuarterOf } from '#shared/calendar/financialYear';
import type { Identity } from '#shared/domain/identity';
import type { MemberInput } from '#shared/domain/members';
import { londonToday } from '#shared/format';
import { CHANNELS, type ScpApi } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/result';
import { UserFacingError } from '#shared/ipc/result';
import { IDENTITY_KEY, nowIso, type HandlerContext } from '../handlers/context';
import { handlers } from '../handlers/index';
import { dispatch } from '../ipc/dispatch';
import { loadDemoMeetings, london } from './meetings';
import { loadDemoRegister } from './register';

// Two years back, so the members sat on the panels held since 2024-25 Q3 (./meetings).
const FROM = '2024-04-01';
const org = (domain: string) => domain;

export const DEMO_MEMBERS: MemberInput[] = [
  { name: 'Helen Marsh', role: 'chair', organisation: org('Non-Executive Director, DWP Board'), email: 'helen.marsh@example.gov.uk', activeFrom: FROM },
  { name: 'Owen Clarke', role: 'ice', organisation: org('Independent Case Examiner’s Office'), email: 'owen.clarke@example.gov.uk', activeFrom: FROM },
  { name: 'Ruth Adeyemi', role: 'permanent-secretary', organisation: org('Department for Work and Pensions'), email: 'ruth.adeyemi@example.gov.uk', activeFrom: FROM },
  { name: 'Sarah Whitfield', role: 'director-general', organisation: org('Service Excellence'), email: 'sarah.whitfield@example.gov.uk', activeFrom: FROM },
  { name: 'Tom Okafor', role: 'director-general', organisation: org('Work and Health Services'), email: 'tom.okafor@example.gov.uk', activeFrom: FROM },
  { name: 'Anita Desai', role: 'director-general', organisation: org('Universal Credit'), email: 'anita.desai@example.gov.uk', activeFrom: FROM },
  { name: 'Graham Pryce', role: 'director-general', organisation: org('Retirement, Services and Digital'), email: 'graham.pryce@example.gov.uk', activeFrom: FROM },
  { name: 'Lucy Brennan', role: 'director-general', organisation: org('Policy Group'), email: 'lucy.brennan@example.gov.uk', activeFrom: FROM },
  { name: 'Marcus Hale', role: 'director-general', organisation: org('Finance'), email: 'marcus.hale@example.gov.uk', activeFrom: FROM },
  { name: 'Fiona Grant', role: 'director-general', organisation: org('People, Capability and Place'), email: 'fiona.grant@example.gov.uk', activeFrom: FROM },
  { name: 'Dr Priya Nair', role: 'invited-expert', organisation: org('NHS England, learning from serious incidents'), email: '', activeFrom: '2026-04-01' },
  { name: 'Jamie Lewis', role: 'secretariat', organisation: org('Serious Case Panel secretariat, Service Excellence'), email: 'scp.secretariat@example.gov.uk', activeFrom: FROM },
  { name: 'Chloe Evans', role: 'secretariat', organisation: org('Serious Case Panel secretariat, Service Excellence'), email: 'scp.secretariat@example.gov.uk', activeFrom: FROM },
  { name: 'Daniel Shaw', role: 'observer', organisation: org('Government Internal Audit Agency'), email: '', activeFrom: '2026-04-01', activeTo: null },
];

/** `topic` indexes DEMO_TOPICS in ./register. */
const THEME_ITEMS = [
  { title: 'Theme: contact lost with vulnerable claimants before payments are stopped', presenter: 'Tom Okafor', minutes: 30, topic: 0 },
  { title: 'Theme: additional-support markers not recorded', presenter: 'Anita Desai', minutes: 25, topic: 2 },
  { title: 'Theme: third-party and explicit-consent requests not acted on', presenter: 'Sarah Whitfield', minutes: 20, topic: 3 },
];

export interface DemoCounts {
  members: number;
  panels: number;
  torVersions: number;
  agendaItems: number;
  evidence: number;
  themes: number;
  links: number;
  coronerReportsToDwp: number;
  panelsHeld: number;
  recommendations: number;
  actions: number;
}

function unwrap<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`Demonstration data failed at "${what}": ${r.error.message}`);
  return r.value;
}

export async function loadDemo(ctx: HandlerContext): Promise<DemoCounts> {
  const existing = await ctx.db.selectFrom('members').select('id').unionAll(ctx.db.selectFrom('panels').select('id')).executeTakeFirst();
  if (existing) throw new UserFacingError('conflict', 'This database already holds members or panels. Demonstration data goes only into an empty database; use --db with a new file.');
  const api = Object.fromEntries(CHANNELS.map((c) => [c, (arg: unknown) => dispatch(handlers, ctx, c, arg)])) as unknown as ScpApi;
  const previous = await getSetting<Identity>(ctx.db, IDENTITY_KEY);
  const actAs = (who: Identity) => putSetting(ctx.db, IDENTITY_KEY, who, nowIso(ctx));
  const secretariat: Identity = { name: 'Jamie Lewis', role: 'secretariat' };
  const chair: Identity = { name: 'Helen Marsh', role: 'chair' };
  let agendaItems = 0;
  try {
    await actAs(secretariat);
    const members = [];
    for (const m of DEMO_MEMBERS) members.push(unwrap(await api.createMember(m), `member ${m.name}`));
    const byName = new Map(members.map((m) => [m.name, m.id]));

    // Terms of Reference: last year's version, superseded by this year's.
    const v1 = unwrap(await api.createTorDraft({}), 'ToR draft');
    unwrap(await api.updateTorDraft({ id: v1.id, reviewDate: '2026-04-01', quorum: { chairOrDeputy: true, minMembers: 4, minDirectorsGeneral: 2 }, sections: [] }), 'ToR v1');
    unwrap(await api.approveTorVersion({ id: v1.id, approvedOn: '2025-04-01' }), 'ToR v1 approval');
    const v2 = unwrap(await api.createTorDraft({ fromVersionId: v1.id }), 'ToR v2');
    unwrap(await api.updateTorDraft({ id: v2.id, reviewDate: '2027-04-01', quorum: { chairOrDeputy: true, minMembers: 5, minDirectorsGeneral: 2 }, sections: [] }), 'ToR v2 quorum');
    unwrap(await api.approveTorVersion({ id: v2.id, approvedOn: '2026-04-01' }), 'ToR v2 approval');

    // This financial year's four panels, as "Plan a year" proposes them.
    const today = londonToday(ctx.now());
    const fy = financialQuarterOf(today).fy;
    const plan = unwrap(await api.proposeYear({ fy }), 'plan a year');
    const panels = unwrap(
      await api.createPlannedPanels({ dates: plan.panels.map((p) => p.date), startTime: '10:00', endTime: '12:30', format: 'hybrid', location: 'Caxton House, London, Room 6.12' }),
      'create panels',
    );
    const register = await loadDemoRegister(api, today, byName);
    // Earlier panels, this year's included, are held with minutes there; the loop below leaves them be.
    const held = await loadDemoMeetings(ctx, { members: byName, themeIds: register.themeIds, yearPanels: panels });
    agendaItems += held.agendaItems;
    const upcoming = panels.filter((p) => p.date >= today);
    for (const [i, p] of panels.entries()) {
      if (held.panelIds.includes(p.id)) continue;
      const agenda = unwrap(await api.getAgenda({ panelId: p.id }), 'agenda');
      const presenter = (name: string) => byName.get(name) ?? null;
      unwrap(await api.updateAgendaItem({ id: agenda.items[0].id, title: agenda.items[0].title, purpose: 'information', presenterId: presenter('Helen Marsh'), minutes: 5 }), 'welcome');
      for (const t of THEME_ITEMS.slice(0, i % 2 === 0 ? 3 : 2)) {
        unwrap(await api.addAgendaItem({ panelId: p.id, title: t.title, purpose: 'decision', presenterId: presenter(t.presenter), minutes: t.minutes, themeId: register.themeIds[t.topic] }), 'theme item');
      }
      const isNext = upcoming[0]?.id === p.id;
      const isPast = p.date < today;
      if (isPast || isNext) {
        unwrap(await api.sendAgendaForReview({ panelId: p.id, comment: 'Draft agenda for your review.' }), 'send agenda');
        await actAs(chair);
        if (isNext) {
          const a = unwrap(await api.getAgenda({ panelId: p.id }), 'agenda');
          unwrap(await api.commentOnAgenda({ panelId: p.id, itemId: a.items[3].id, comment: 'Please ask the DG to cover the case conference step before payments stop.' }), 'comment');
        } else {
          unwrap(await api.approveAgenda({ panelId: p.id, comment: 'Approved.' }), 'approve agenda');
        }
        await actAs(secretariat);
      }
      if (isPast && panels.filter((x) => x.date < today).at(-1)?.id === p.id) {
        // The latest panel was held and recorded on its day (the clock is moved to the meeting);
        // its minutes wait for the chair's approval.
        let clock = london(p.date, p.startTime);
        const onTheDay: HandlerContext = { ...ctx, now: () => clock };
        const api = Object.fromEntries(CHANNELS.map((c) => [c, (arg: unknown) => dispatch(handlers, onTheDay, c, arg)])) as unknown as ScpApi;
        const m = unwrap(await api.startMeeting({ panelId: p.id }), 'start meeting');
        for (const a of m.attendees) unwrap(await api.setAttendance({ panelId: p.id, memberId: a.memberId, status: a.role === 'invited-expert' ? 'apologies' : 'present' }), 'attendance');
        for (const item of m.items.filter((x) => x.themeId !== null)) {
          clock = new Date(clock.getTime() + 25 * 60_000);
          unwrap(await api.saveItemNotes({ itemId: item.id, notes: `The Director General presented the theme “${item.themeTitle}”. Members discussed the pattern across regions and agreed it needs a recommendation at the next panel once data on scale is available.` }), 'notes');
        }
        clock = london(p.date, p.endTime);
        unwrap(await api.endMeeting({ panelId: p.id }), 'end meeting');
      } else if (isPast) {
        const last = false;
        const full = unwrap(await api.getPanel({ id: p.id }), 'panel');
        unwrap(
          await api.updatePanel({ id: p.id, date: full.date, startTime: full.startTime, endTime: full.endTime, format: full.format, location: full.location, notes: full.notes, status: last ? 'minutes-draft' : 'minutes-approved' }),
          'panel status',
        );
      }
      agendaItems += unwrap(await api.getAgenda({ panelId: p.id }), 'agenda').items.length;
    }
    return {
      members: members.length,
      panels: panels.length + held.panelsCreated,
      torVersions: 2,
      agendaItems,
      evidence: register.evidence,
      themes: register.themes,
      links: register.links,
      coronerReportsToDwp: register.coronerReportsToDwp,
      panelsHeld: held.panelsHeld,
      recommendations: held.recommendations,
      actions: held.actions,
    };
  } finally {
    if (previous) await actAs(previous);
    else await ctx.db.deleteFrom('settings').where('key', '=', IDENTITY_KEY).execute();
  }
}
