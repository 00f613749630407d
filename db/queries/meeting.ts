// What the meeting and its matters arising read, again after every autosave: each statement
// built and compiled once (fixedQuery), then run with the panel's values.
import { fixedQuery } from '../fixedQuery';

/** Open actions of panels held before this date, by due date, with their panel's date. */
export const openActionsBefore = fixedQuery((db, v: { panelDate: string }) =>
  db
    .selectFrom('actions as a')
    .innerJoin('panels as p', 'p.id', 'a.panel_id')
    .selectAll('a')
    .select('p.date as panel_date')
    .where('a.status', '=', 'open')
    .where('p.date', '<', v.panelDate)
    .orderBy('a.due_date')
    .orderBy('a.id'),
);

/** The meeting's state (started, ended, the item in hand): no row until it has any. */
export const meetingState = fixedQuery((db, v: { panelId: number }) => db.selectFrom('meeting_state').selectAll().where('panel_id', '=', v.panelId));

export const attendanceOf = fixedQuery((db, v: { panelId: number }) => db.selectFrom('meeting_attendance').selectAll().where('panel_id', '=', v.panelId));

/** Members in office on the panel's date, and anyone recorded at it (a member who has left since). */
export const membersAt = fixedQuery((db, v: { panelId: number; date: string }) =>
  db
    .selectFrom('members')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('active_from', '<=', v.date), eb.or([eb('active_to', 'is', null), eb('active_to', '>=', v.date)])]),
        eb('id', 'in', eb.selectFrom('meeting_attendance').select('member_id').where('panel_id', '=', v.panelId)),
      ]),
    ),
);

export const declarationsOf = fixedQuery((db, v: { panelId: number }) => db.selectFrom('meeting_declarations').selectAll().where('panel_id', '=', v.panelId).orderBy('id'));

/** The notes and timers of the panel's agenda items, those that have any. */
export const itemNotesOf = fixedQuery((db, v: { panelId: number }) =>
  db
    .selectFrom('meeting_items')
    .selectAll()
    .where('agenda_item_id', 'in', (eb) => eb.selectFrom('agenda_items').select('id').where('panel_id', '=', v.panelId)),
);

export const decisionRows = fixedQuery((db, v: { panelId: number }) => db.selectFrom('decisions').selectAll().where('panel_id', '=', v.panelId).orderBy('id'));

export const actionRows = fixedQuery((db, v: { panelId: number }) => db.selectFrom('actions').selectAll().where('panel_id', '=', v.panelId).orderBy('id'));

/**
 * The panel's minutes versions, oldest first, without their snapshots (the whole approved minutes,
 * never shown with the meeting: 1.4 ms of each refresh at scale).
 */
export const minutesVersionsOf = fixedQuery((db, v: { panelId: number }) =>
  db
    .selectFrom('minutes_versions')
    .select(['id', 'version', 'status', 'reason', 'approved_by', 'approved_on', 'created_by', 'created_at'])
    .where('panel_id', '=', v.panelId)
    .orderBy('version'),
);
