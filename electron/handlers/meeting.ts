// Meeting mode: the minute-taker records attendance, declarations, notes, decisions, actions and
// recommendations item by item, each change saved as it is made. Ending the meeting makes the
// minutes a draft; the chair approves them, which locks them; a correction opens a new version.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '#db/schema';
import { actionRows, attendanceOf, declarationsOf, decisionRows, itemNotesOf, meetingState, membersAt, minutesVersionsOf, openActionsBefore } from '#db/queries/meeting';
import { findPanel, toPanel } from '#db/queries/panels';
import { getSetting, putSetting } from '#db/queries/settings';
import { quorumInForce } from '#db/queries/tor';
import { addUpdate, issueRef, recommendationsArising, recommendationsOfPanel, setThemes } from '#db/queries/recommendations';
import { MEMBER_ROLES, type MemberRole } from '#shared/domain/members';
import { compareRefs } from '#shared/domain/recommendations';
import {
  checkQuorum,
  elapsedAt,
  minutesProblems,
  type Attendee,
  type Decision,
  type MattersArising,
  type Meeting,
  type MeetingAction,
  type MinutesVersion,
} from '#shared/domain/meeting';
import type { Quorum } from '#shared/domain/tor';
import { DEFAULT_QUORUM } from '#shared/domain/torDefault';
import { formatDateLong, londonToday } from '#shared/format';
import { notFound, UserFacingError } from '#shared/ipc/result';
import { loadAgenda } from './agenda';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

type Q = Kysely<DB> | Transaction<DB>;
export const QUORUM_KEY = 'quorum';

function toAction(a: {
  id: number;
  panel_id: number;
  agenda_item_id: number;
  text: string;
  owner: string;
  due_date: string | null;
  status: 'open' | 'done' | 'dropped';
  completed_on: string | null;
  status_note: string;
}, today: string): MeetingAction {
  return {
    id: a.id,
    panelId: a.panel_id,
    itemId: a.agenda_item_id,
    text: a.text,
    owner: a.owner,
    dueDate: a.due_date,
    status: a.status,
    completedOn: a.completed_on,
    statusNote: a.status_note,
    overdue: a.status === 'open' && a.due_date !== null && a.due_date < today,
  };
}

export async function quorumRule(db: Q): Promise<{ rule: Quorum; source: string }> {
  const tor = await quorumInForce(db);
  if (tor) return { rule: tor.quorum, source: `Terms of Reference version ${tor.version}` };
  const set = await getSetting<Quorum>(db, QUORUM_KEY);
  return { rule: set ?? DEFAULT_QUORUM, source: set ? 'the quorum rule in Settings (no Terms of Reference are in force yet)' : 'the default quorum rule (no Terms of Reference are in force yet)' };
}

async function panelRow(db: Q, panelId: number) {
  const p = await findPanel(db, panelId);
  if (!p) throw notFound('Panel', panelId);
  return p;
}

/** Open actions from earlier panels and open recommendations made at earlier panels. */
export async function mattersArising(db: Q, panelDate: string, today: string): Promise<MattersArising> {
  const actions = await openActionsBefore(db, { panelDate });
  const recs = await recommendationsArising(db, panelDate, today);
  return {
    actions: actions.map((a) => {
      // The panel's date added to the action itself rather than spread into a copy of it.
      const action = toAction(a, today) as MeetingAction & { panelDate: string };
      action.panelDate = a.panel_date;
      return action;
    }),
    recommendations: recs,
  };
}

export async function loadMeeting(ctx: HandlerContext, panelId: number): Promise<Meeting> {
  const db = ctx.db;
  const now = ctx.now();
  const today = londonToday(now);
  const row = await panelRow(db, panelId);
  const panel = toPanel(row);
  const agenda = await loadAgenda(db, panelId, row);
  const [state] = await meetingState(db, { panelId });
  const attendanceRows = await attendanceOf(db, { panelId });
  const recorded = new Map(attendanceRows.map((a) => [a.member_id, a]));
  const members = await membersAt(db, { panelId, date: panel.date });
  const order = (r: string) => MEMBER_ROLES.indexOf(r as MemberRole);
  members.sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));
  const attendees: Attendee[] = members
    .filter((m) => m.role !== 'secretariat' && m.role !== 'observer')
    .map((m) => {
      const a = recorded.get(m.id);
      return {
        memberId: m.id,
        name: m.name,
        role: m.role as MemberRole,
        organisation: m.organisation,
        status: a?.status ?? null,
        deputyName: a?.deputy_name ?? '',
        arrivedAt: a?.arrived_at ?? null,
        leftAt: a?.left_at ?? null,
      };
    });
  const inAttendance = members.filter((m) => m.role === 'secretariat' || m.role === 'observer').map((m) => ({ memberId: m.id, name: m.name, role: m.role as MemberRole }));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const declarations = (await declarationsOf(db, { panelId })).map((d) => ({
    id: d.id,
    memberId: d.member_id,
    memberName: d.member_id === null ? null : (names.get(d.member_id) ?? null),
    itemId: d.agenda_item_id,
    interest: d.interest,
    actionTaken: d.action_taken,
  }));
  const notes = new Map((await itemNotesOf(db, { panelId })).map((n) => [n.agenda_item_id, n]));
  const decisions = await decisionRows(db, { panelId });
  const actions = await actionRows(db, { panelId });
  const recs = await recommendationsOfPanel(db, panelId, today);
  recs.sort((a, b) => compareRefs(a.ref, b.ref));
  const { rule, source } = await quorumRule(db);
  const minutes = (await minutesVersionsOf(db, { panelId })).map(
    (v): MinutesVersion => ({ id: v.id, version: v.version, status: v.status, reason: v.reason, approvedBy: v.approved_by, approvedOn: v.approved_on, createdBy: v.created_by, createdAt: v.created_at }),
  );
  const latest = minutes[minutes.length - 1];
  // Each item's entries in one pass (a filter of every entry for each item was items × 833).
  const decisionsOf = groupBy(decisions, (d) => d.agenda_item_id, (d): Decision => ({ id: d.id, itemId: d.agenda_item_id, text: d.text }));
  const actionsOf = groupBy(actions, (a) => a.agenda_item_id, (a) => toAction(a, today));
  const recsOf = groupBy(recs, (r) => r.agendaItemId, (r) => r);
  return {
    panel,
    phase: !state?.started_at ? 'not-started' : state.ended_at ? 'ended' : 'in-progress',
    startedAt: state?.started_at ?? null,
    endedAt: state?.ended_at ?? null,
    currentItemId: state?.current_item_id ?? agenda.items[0]?.id ?? null,
    attendees,
    inAttendance,
    declarations,
    quorum: checkQuorum(rule, source, attendees),
    items: agenda.items.map((item) => {
      const n = notes.get(item.id);
      const timer = { timerElapsedS: n?.timer_elapsed_s ?? 0, timerStartedAt: n?.timer_started_at ?? null };
      return {
        ...item,
        notes: n?.notes ?? '',
        elapsedSeconds: elapsedAt(timer, now),
        timerRunning: timer.timerStartedAt !== null,
        timerStartedAt: timer.timerStartedAt,
        decisions: decisionsOf.get(item.id) ?? [],
        actions: actionsOf.get(item.id) ?? [],
        recommendations: recsOf.get(item.id) ?? [],
      };
    }),
    minutes,
    locked: latest?.status === 'approved',
    readAt: now.toISOString(),
  };
}

function groupBy<T, K, V>(rows: T[], keyOf: (row: T) => K, valueOf: (row: T) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(valueOf(row));
    else out.set(key, [valueOf(row)]);
  }
  return out;
}

/** The panel's meeting must have started and its minutes must not be approved. */
async function writable(db: Q, panelId: number): Promise<void> {
  const row = await panelRow(db, panelId);
  if (row.status === 'cancelled') throw new UserFacingError('conflict', 'This panel was cancelled, so there is no meeting to record.');
  const state = await db.selectFrom('meeting_state').select(['started_at']).where('panel_id', '=', panelId).executeTakeFirst();
  if (!state?.started_at) throw new UserFacingError('conflict', 'Start the meeting first (“Start meeting” on the meeting screen); then record attendance, notes and decisions.');
  const latest = await db.selectFrom('minutes_versions').select(['status', 'approved_on']).where('panel_id', '=', panelId).orderBy('version', 'desc').executeTakeFirst();
  if (latest?.status === 'approved') {
    throw new UserFacingError('conflict', `These minutes were approved${latest.approved_on ? ` on ${formatDateLong(latest.approved_on)}` : ''} and are locked. To change them, start a correction: it makes a new, recorded version.`);
  }
}

async function itemOf(db: Q, itemId: number) {
  const item = await db.selectFrom('agenda_items').select(['id', 'panel_id', 'title']).where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('Agenda item', itemId);
  return item;
}

async function writableItem(db: Q, itemId: number) {
  const item = await itemOf(db, itemId);
  await writable(db, item.panel_id);
  return item;
}

async function rowPanel(db: Q, table: 'decisions' | 'actions' | 'meeting_declarations' | 'recommendations', id: number, what: string): Promise<number> {
  const r = await db.selectFrom(table).select('panel_id').where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound(what, id);
  return r.panel_id;
}

async function checkMember(db: Q, id: number | null | undefined, role?: MemberRole): Promise<void> {
  if (id === null || id === undefined) return;
  const m = await db.selectFrom('members').select(['name', 'role']).where('id', '=', id).executeTakeFirst();
  if (!m) throw new UserFacingError('invalid-argument', `Member ${id} does not exist; choose from the list.`);
  if (role && m.role !== role) throw new UserFacingError('invalid-argument', `${m.name} is not a Director General; the accountable person must be a Director General.`, { dgId: 'Choose a Director General' });
}

async function checkThemes(db: Q, ids: number[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = await db.selectFrom('themes').select('id').where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new UserFacingError('not-found', `Theme ${missing.join(', ')} does not exist; refresh and choose again.`, { themeIds: 'Choose themes from the list' });
}

async function checkItemOfPanel(db: Q, panelId: number, itemId: number | null | undefined) {
  if (itemId === null || itemId === undefined) return;
  const item = await itemOf(db, itemId);
  if (item.panel_id !== panelId) throw new UserFacingError('invalid-argument', 'That agenda item belongs to another panel.');
}

async function stopTimers(tx: Q, panelId: number, now: Date, exceptItemId?: number) {
  const running = await tx
    .selectFrom('meeting_items as m')
    .innerJoin('agenda_items as i', 'i.id', 'm.agenda_item_id')
    .select(['m.agenda_item_id', 'm.timer_started_at', 'm.timer_elapsed_s'])
    .where('i.panel_id', '=', panelId)
    .where('m.timer_started_at', 'is not', null)
    .execute();
  for (const r of running) {
    if (r.agenda_item_id === exceptItemId) continue;
    await tx
      .updateTable('meeting_items')
      .set({ timer_elapsed_s: elapsedAt({ timerElapsedS: r.timer_elapsed_s, timerStartedAt: r.timer_started_at }, now), timer_started_at: null, updated_at: now.toISOString() })
      .where('agenda_item_id', '=', r.agenda_item_id)
      .execute();
  }
}

async function ensureItemRow(tx: Q, itemId: number, now: string) {
  await tx.insertInto('meeting_items').values({ agenda_item_id: itemId, notes: '', timer_started_at: null, timer_elapsed_s: 0, updated_at: now }).onConflict((oc) => oc.column('agenda_item_id').doNothing()).execute();
}

const saved = (ctx: HandlerContext) => ({ savedAt: nowIso(ctx) });

/** Everything the minutes will say, frozen when a version is approved. */
export async function minutesSnapshot(ctx: HandlerContext, panelId: number): Promise<string> {
  const m = await loadMeeting(ctx, panelId);
  return JSON.stringify({ attendees: m.attendees, inAttendance: m.inAttendance, declarations: m.declarations, quorum: m.quorum, items: m.items, takenAt: m.readAt });
}

export const meetingHandlers = {
  getMeeting: async (ctx, { panelId }) => loadMeeting(ctx, panelId),
  getMattersArising: async (ctx, { panelId }) => mattersArising(ctx.db, (await panelRow(ctx.db, panelId)).date, londonToday(ctx.now())),

  startMeeting: async (ctx, { panelId }) => {
    await currentUser(ctx);
    const row = await panelRow(ctx.db, panelId);
    if (row.status === 'cancelled') throw new UserFacingError('conflict', 'This panel was cancelled, so there is no meeting to record.');
    if (row.agenda_state !== 'approved') throw new UserFacingError('conflict', 'The chair has not approved the agenda yet. Meeting mode opens on the approved agenda: send it to the chair for approval first.');
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      const state = await tx.selectFrom('meeting_state').selectAll().where('panel_id', '=', panelId).executeTakeFirst();
      if (state?.started_at) return;
      const first = await tx.selectFrom('agenda_items').select('id').where('panel_id', '=', panelId).orderBy('position').executeTakeFirst();
      await tx
        .insertInto('meeting_state')
        .values({ panel_id: panelId, current_item_id: first?.id ?? null, started_at: now, ended_at: null, updated_at: now })
        .onConflict((oc) => oc.column('panel_id').doUpdateSet({ started_at: now, updated_at: now }))
        .execute();
      await tx.updateTable('panels').set({ status: 'held', updated_at: now }).where('id', '=', panelId).where('status', 'in', ['agenda-approved', 'pack-issued', 'planned', 'agenda-in-preparation']).execute();
    });
    return loadMeeting(ctx, panelId);
  },

  setCurrentItem: async (ctx, { panelId, itemId }) => {
    await checkItemOfPanel(ctx.db, panelId, itemId);
    const now = nowIso(ctx);
    await ctx.db
      .insertInto('meeting_state')
      .values({ panel_id: panelId, current_item_id: itemId, started_at: null, ended_at: null, updated_at: now })
      .onConflict((oc) => oc.column('panel_id').doUpdateSet({ current_item_id: itemId, updated_at: now }))
      .execute();
    return saved(ctx);
  },

  setAttendance: async (ctx, { panelId, memberId, status, deputyName, arrivedAt, leftAt }) => {
    await writable(ctx.db, panelId);
    await checkMember(ctx.db, memberId);
    const now = nowIso(ctx);
    if (status === null) {
      await ctx.db.deleteFrom('meeting_attendance').where('panel_id', '=', panelId).where('member_id', '=', memberId).execute();
    } else {
      const values = { status, deputy_name: status === 'deputy' ? (deputyName ?? '') : '', arrived_at: arrivedAt ?? null, left_at: leftAt ?? null, updated_at: now };
      await ctx.db
        .insertInto('meeting_attendance')
        .values({ panel_id: panelId, member_id: memberId, ...values })
        .onConflict((oc) => oc.columns(['panel_id', 'member_id']).doUpdateSet(values))
        .execute();
    }
    return loadMeeting(ctx, panelId);
  },

  addDeclaration: async (ctx, { panelId, memberId, itemId }) => {
    await writable(ctx.db, panelId);
    await checkMember(ctx.db, memberId);
    await checkItemOfPanel(ctx.db, panelId, itemId);
    const now = nowIso(ctx);
    await ctx.db.insertInto('meeting_declarations').values({ panel_id: panelId, member_id: memberId ?? null, agenda_item_id: itemId ?? null, interest: '', action_taken: '', created_at: now, updated_at: now }).execute();
    return loadMeeting(ctx, panelId);
  },
  updateDeclaration: async (ctx, { id, memberId, itemId, interest, actionTaken }) => {
    const panelId = await rowPanel(ctx.db, 'meeting_declarations', id, 'Declaration');
    await writable(ctx.db, panelId);
    await checkMember(ctx.db, memberId);
    await checkItemOfPanel(ctx.db, panelId, itemId);
    await ctx.db
      .updateTable('meeting_declarations')
      .set({
        ...(memberId !== undefined && { member_id: memberId }),
        ...(itemId !== undefined && { agenda_item_id: itemId }),
        ...(interest !== undefined && { interest }),
        ...(actionTaken !== undefined && { action_taken: actionTaken }),
        updated_at: nowIso(ctx),
      })
      .where('id', '=', id)
      .execute();
    return saved(ctx);
  },
  removeDeclaration: async (ctx, { id }) => {
    const panelId = await rowPanel(ctx.db, 'meeting_declarations', id, 'Declaration');
    await writable(ctx.db, panelId);
    await ctx.db.deleteFrom('meeting_declarations').where('id', '=', id).execute();
    return loadMeeting(ctx, panelId);
  },

  saveItemNotes: async (ctx, { itemId, notes }) => {
    await writableItem(ctx.db, itemId);
    const now = nowIso(ctx);
    await ctx.db
      .insertInto('meeting_items')
      .values({ agenda_item_id: itemId, notes, timer_started_at: null, timer_elapsed_s: 0, updated_at: now })
      .onConflict((oc) => oc.column('agenda_item_id').doUpdateSet({ notes, updated_at: now }))
      .execute();
    return saved(ctx);
  },

  startItemTimer: async (ctx, { itemId }) => {
    const item = await writableItem(ctx.db, itemId);
    const now = ctx.now();
    await ctx.db.transaction().execute(async (tx) => {
      await stopTimers(tx, item.panel_id, now, itemId);
      await ensureItemRow(tx, itemId, now.toISOString());
      await tx.updateTable('meeting_items').set({ timer_started_at: now.toISOString(), updated_at: now.toISOString() }).where('agenda_item_id', '=', itemId).where('timer_started_at', 'is', null).execute();
    });
    return loadMeeting(ctx, item.panel_id);
  },
  stopItemTimer: async (ctx, { itemId }) => {
    const item = await writableItem(ctx.db, itemId);
    await ctx.db.transaction().execute((tx) => stopTimers(tx, item.panel_id, ctx.now()));
    return loadMeeting(ctx, item.panel_id);
  },

  addDecision: async (ctx, { itemId, text }) => {
    const item = await writableItem(ctx.db, itemId);
    const now = nowIso(ctx);
    await ctx.db.insertInto('decisions').values({ panel_id: item.panel_id, agenda_item_id: itemId, text: text ?? '', created_at: now, updated_at: now }).execute();
    return loadMeeting(ctx, item.panel_id);
  },
  updateDecision: async (ctx, { id, text }) => {
    await writable(ctx.db, await rowPanel(ctx.db, 'decisions', id, 'Decision'));
    await ctx.db.updateTable('decisions').set({ text, updated_at: nowIso(ctx) }).where('id', '=', id).execute();
    return saved(ctx);
  },
  removeDecision: async (ctx, { id }) => {
    const panelId = await rowPanel(ctx.db, 'decisions', id, 'Decision');
    await writable(ctx.db, panelId);
    await ctx.db.deleteFrom('decisions').where('id', '=', id).execute();
    return loadMeeting(ctx, panelId);
  },

  addAction: async (ctx, { itemId, text, owner, dueDate }) => {
    const item = await writableItem(ctx.db, itemId);
    const now = nowIso(ctx);
    await ctx.db
      .insertInto('actions')
      .values({ panel_id: item.panel_id, agenda_item_id: itemId, text: text ?? '', owner: owner ?? '', due_date: dueDate ?? null, status: 'open', completed_on: null, status_note: '', created_at: now, updated_at: now })
      .execute();
    return loadMeeting(ctx, item.panel_id);
  },
  updateAction: async (ctx, { id, text, owner, dueDate }) => {
    await writable(ctx.db, await rowPanel(ctx.db, 'actions', id, 'Action'));
    await ctx.db
      .updateTable('actions')
      .set({ ...(text !== undefined && { text }), ...(owner !== undefined && { owner }), ...(dueDate !== undefined && { due_date: dueDate }), updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    return saved(ctx);
  },
  removeAction: async (ctx, { id }) => {
    const panelId = await rowPanel(ctx.db, 'actions', id, 'Action');
    await writable(ctx.db, panelId);
    await ctx.db.deleteFrom('actions').where('id', '=', id).execute();
    return loadMeeting(ctx, panelId);
  },
  /** Done or dropped is recorded at a later panel (matters arising), so it is allowed after the minutes are approved. */
  setActionStatus: async (ctx, { id, status, on, note }) => {
    await currentUser(ctx);
    const a = await ctx.db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a) throw notFound('Action', id);
    if (status !== 'open' && !a.text) throw new UserFacingError('conflict', 'This action has no text yet; write it before marking it done or dropped.');
    await ctx.db
      .updateTable('actions')
      .set({ status, completed_on: status === 'open' ? null : on, status_note: note ?? a.status_note, updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    const row = await ctx.db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toAction(row, londonToday(ctx.now()));
  },

  addRecommendation: async (ctx, { itemId, text, dgId, owner, targetDate, themeIds }) => {
    const who = await currentUser(ctx);
    const item = await writableItem(ctx.db, itemId);
    await checkMember(ctx.db, dgId, 'director-general');
    await checkThemes(ctx.db, themeIds);
    const panel = await panelRow(ctx.db, item.panel_id);
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      const ref = await issueRef(tx, panel.date);
      const agendaTheme = await tx.selectFrom('agenda_items').select('theme_id').where('id', '=', itemId).executeTakeFirst();
      const rec = await tx
        .insertInto('recommendations')
        .values({ ref, panel_id: item.panel_id, agenda_item_id: itemId, text: text ?? '', dg_member_id: dgId ?? null, owner: owner ?? '', target_date: targetDate ?? null, status: 'proposed', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A recommendation made under a theme item is linked to that theme from the start.
      await setThemes(tx, rec.id, themeIds ?? (agendaTheme?.theme_id ? [agendaTheme.theme_id] : []));
      await addUpdate(tx, { recId: rec.id, onDate: panel.date, kind: 'made', toStatus: 'proposed', toTarget: targetDate ?? null, narrative: `Made at the Serious Case Panel on ${formatDateLong(panel.date)}.`, author: who.name, at: now });
    });
    return loadMeeting(ctx, item.panel_id);
  },
  updateRecommendation: async (ctx, { id, text, dgId, owner, targetDate, themeIds }) => {
    await currentUser(ctx);
    const rec = await ctx.db.selectFrom('recommendations').select(['panel_id', 'target_date']).where('id', '=', id).executeTakeFirst();
    if (!rec) throw notFound('Recommendation', id);
    await writable(ctx.db, rec.panel_id);
    await checkMember(ctx.db, dgId, 'director-general');
    await checkThemes(ctx.db, themeIds);
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('recommendations')
        .set({
          ...(text !== undefined && { text }),
          ...(dgId !== undefined && { dg_member_id: dgId }),
          ...(owner !== undefined && { owner }),
          ...(targetDate !== undefined && { target_date: targetDate }),
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .execute();
      if (themeIds) await setThemes(tx, id, themeIds);
    });
    return saved(ctx);
  },
  removeRecommendation: async (ctx, { id }) => {
    await currentUser(ctx);
    const rec = await ctx.db.selectFrom('recommendations').select(['panel_id', 'ref', 'status']).where('id', '=', id).executeTakeFirst();
    if (!rec) throw notFound('Recommendation', id);
    await writable(ctx.db, rec.panel_id);
    const moved = await ctx.db.selectFrom('recommendation_updates').select('id').where('recommendation_id', '=', id).where('kind', '!=', 'made').executeTakeFirst();
    if (moved || rec.status !== 'proposed') throw new UserFacingError('conflict', `${rec.ref} already has updates in the tracker, so it cannot be removed; record that it was not accepted instead.`);
    await ctx.db.deleteFrom('recommendations').where('id', '=', id).execute();
    return loadMeeting(ctx, rec.panel_id);
  },

  endMeeting: async (ctx, { panelId }) => {
    const who = await currentUser(ctx);
    await writable(ctx.db, panelId);
    const now = ctx.now();
    await ctx.db.transaction().execute(async (tx) => {
      await stopTimers(tx, panelId, now);
      await tx.updateTable('meeting_state').set({ ended_at: now.toISOString(), updated_at: now.toISOString() }).where('panel_id', '=', panelId).where('ended_at', 'is', null).execute();
      await tx.updateTable('panels').set({ status: 'minutes-draft', updated_at: now.toISOString() }).where('id', '=', panelId).where('status', '=', 'held').execute();
      const v = await tx.selectFrom('minutes_versions').select('id').where('panel_id', '=', panelId).executeTakeFirst();
      if (!v) await tx.insertInto('minutes_versions').values({ panel_id: panelId, version: 1, status: 'draft', reason: '', created_by: who.name, created_at: now.toISOString() }).execute();
    });
    return loadMeeting(ctx, panelId);
  },

  approveMinutes: async (ctx, { panelId, approvedOn }) => {
    const who = await currentUser(ctx);
    if (who.role !== 'chair') throw new UserFacingError('forbidden', 'Only the chair can approve the minutes. If you are the chair, change your role in Settings.');
    await writable(ctx.db, panelId);
    const meeting = await loadMeeting(ctx, panelId);
    if (meeting.phase !== 'ended') throw new UserFacingError('conflict', 'End the meeting first; the minutes become a draft the secretariat can edit before the chair approves them.');
    const problems = minutesProblems(meeting);
    if (problems.length) throw new UserFacingError('conflict', `The minutes are not ready to approve: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    if (approvedOn < meeting.panel.date) throw new UserFacingError('invalid-argument', 'Minutes cannot be approved before the meeting took place.', { approvedOn: 'Give a date on or after the meeting' });
    if (approvedOn > londonToday(ctx.now())) throw new UserFacingError('invalid-argument', 'The approval date cannot be in the future.', { approvedOn: 'Give today’s date or earlier' });
    const snap = await minutesSnapshot(ctx, panelId);
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      const latest = await tx.selectFrom('minutes_versions').select(['id']).where('panel_id', '=', panelId).where('status', '=', 'draft').orderBy('version', 'desc').executeTakeFirstOrThrow();
      await tx.updateTable('minutes_versions').set({ status: 'approved', approved_by: who.name, approved_on: approvedOn, snapshot: snap }).where('id', '=', latest.id).execute();
      await tx.updateTable('panels').set({ status: 'minutes-approved', updated_at: now }).where('id', '=', panelId).execute();
    });
    return loadMeeting(ctx, panelId);
  },

  startMinutesCorrection: async (ctx, { panelId, reason }) => {
    const who = await currentUser(ctx);
    const latest = await ctx.db.selectFrom('minutes_versions').select(['version', 'status']).where('panel_id', '=', panelId).orderBy('version', 'desc').executeTakeFirst();
    if (!latest || latest.status !== 'approved') throw new UserFacingError('conflict', 'These minutes are not approved yet, so they can be edited directly; a correction is only for approved minutes.');
    const now = nowIso(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('minutes_versions').values({ panel_id: panelId, version: latest.version + 1, status: 'draft', reason, created_by: who.name, created_at: now }).execute();
      await tx.updateTable('panels').set({ status: 'minutes-draft', updated_at: now }).where('id', '=', panelId).execute();
    });
    return loadMeeting(ctx, panelId);
  },

  getQuorumRule: async (ctx) => quorumRule(ctx.db),
  setQuorumRule: async (ctx, rule) => {
    await currentUser(ctx);
    await putSetting(ctx.db, QUORUM_KEY, rule, nowIso(ctx));
    return quorumRule(ctx.db);
  },

  listActions: async (ctx, { status, panelId }) => {
    let q = ctx.db.selectFrom('actions as a').innerJoin('panels as p', 'p.id', 'a.panel_id').selectAll('a').select('p.date as panel_date');
    if (status) q = q.where('a.status', '=', status);
    if (panelId) q = q.where('a.panel_id', '=', panelId);
    const today = londonToday(ctx.now());
    return (await q.orderBy('p.date', 'desc').orderBy('a.id').execute()).map((a) => ({ ...toAction(a, today), panelDate: a.panel_date }));
  },
} satisfies Partial<HandlerTable>;
