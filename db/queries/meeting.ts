// What the meeting and its matters arising read, again after every autosave: each statement
// built and compiled once (fixedQuery), then run with the panel's values.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';
import { fixedQuery } from '../fixedQuery';

type Q = Kysely<DB> | Transaction<DB>;

const openActions = fixedQuery((db, v: { panelDate: string }) =>
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
/** Open actions of panels held before this date, by due date, with their panel's date. */
export const openActionsBefore = (db: Q, panelDate: string) => openActions(db, { panelDate });

const state = fixedQuery((db, v: { panelId: number }) => db.selectFrom('meeting_state').selectAll().where('panel_id', '=', v.panelId));
/** The meeting's state (started, ended, the item in hand), if it has any yet. */
export const meetingStateOf = async (db: Q, panelId: number) => (await state(db, { panelId }))[0];

const attendance = fixedQuery((db, v: { panelId: number }) => db.selectFrom('meeting_attendance').selectAll().where('panel_id', '=', v.panelId));
export const attendanceOf = (db: Q, panelId: number) => attendance(db, { panelId });

const members = fixedQuery((db, v: { panelId: number; date: string }) =>
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
/** Members in office on the panel's date, and anyone recorded at it (a member who has left since). */
export const membersAt = (db: Q, panelId: number, date: string) => members(db, { panelId, date });

const declarations = fixedQuery((db, v: { panelId: number }) => db.selectFrom('meeting_declarations').selectAll().where('panel_id', '=', v.panelId).orderBy('id'));
export const declarationsOf = (db: Q, panelId: number) => declarations(db, { panelId });

const itemNotes = fixedQuery((db, v: { panelId: number }) =>
  db
    .selectFrom('meeting_items')
    .selectAll()
    .where('agenda_item_id', 'in', (eb) => eb.selectFrom('agenda_items').select('id').where('panel_id', '=', v.panelId)),
);
/** The notes and timers of the panel's agenda items, those that have any. */
export const itemNotesOf = (db: Q, panelId: number) => itemNotes(db, { panelId });

const decisions = fixedQuery((db, v: { panelId: number }) => db.selectFrom('decisions').selectAll().where('panel_id', '=', v.panelId).orderBy('id'));
export const decisionRows = (db: Q, panelId: number) => decisions(db, { panelId });

const actions = fixedQuery((db, v: { panelId: number }) => db.selectFrom('actions').selectAll().where('panel_id', '=', v.panelId).orderBy('id'));
export const actionRows = (db: Q, panelId: number) => actions(db, { panelId });

// Not the approved minutes' snapshot: the whole of them, never shown with the meeting (1.4 ms of
// each refresh at scale).
const minutesVersions = fixedQuery((db, v: { panelId: number }) =>
  db
    .selectFrom('minutes_versions')
    .select(['id', 'version', 'status', 'reason', 'approved_by', 'approved_on', 'created_by', 'created_at'])
    .where('panel_id', '=', v.panelId)
    .orderBy('version'),
);
/** The panel's minutes versions, oldest first, without their snapshots. */
export const minutesVersionsOf = (db: Q, panelId: number) => minutesVersions(db, { panelId });
