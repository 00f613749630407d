// Twenty years of held panels for the large dataset: agendas approved by the chair, attendance,
// item notes, decisions and actions (the minute entries), recommendations with their tracker
// histories, and approved minutes. Written with prepared statements inside the caller's
// transaction, as the evidence is, so every audit trigger fires as for any other write.
// Minutes snapshots are taken afterwards by the same code the chair's approval uses.
import type Database from 'better-sqlite3';
import { addCalendarDays, toDayNumber } from '#shared/calendar/workingDays';
import { STANDING_ITEMS } from '#shared/domain/agenda';
import { formatRef, recPrefix, type RecStatus } from '#shared/domain/recommendations';
import { formatDateLong } from '#shared/format';
import { DEMO_TOPICS } from './register';

export interface MeetingScale {
  panels: number;
  recommendations: number;
  updates: number;
  /** decisions and actions together */
  minuteEntries: number;
}

export interface LoadedMeetings {
  panelIds: number[];
  recommendations: number;
  updates: number;
  minuteEntries: number;
}

const DECISIONS = [
  'The panel agreed that the theme should stay open and return with the next quarter’s evidence.',
  'The panel accepted the analysis and asked for the learning to be shared with operational leads.',
  'The panel agreed to escalate the finding to the Executive Team.',
  'The panel noted the update and agreed no further action was needed at this stage.',
  'The panel asked the Director General to bring a plan with dates to the next meeting.',
];
const ACTIONS = [
  'Circulate the revised guidance to panel members before publication',
  'Bring the results of the staff briefing evaluation to the panel',
  'Confirm with the policy team whether the legislation allows the change',
  'Write to the coroner with the Department’s response',
  'Add the theme’s evidence profile to the next pack',
];
const NOTES = [
  'The presenter summarised the evidence and the panel discussed whether the pattern was growing. Members asked about the effect on claimants with a mental-health condition.',
  'Members noted that the same failure had been raised in earlier reviews and asked what had changed since.',
  'The chair asked for the Director General’s view on whether the process owner had the resources to act.',
];
const PROGRESS = [
  'Design work has started and a pilot site has been chosen.',
  'Guidance drafted; consultation with operational leads under way.',
  'Pilot running in two service centres; early results expected next quarter.',
  'Staff briefing issued; compliance checks planned for the next quarter.',
  'Delivery slipped while the system change was re-planned; new date agreed.',
];

function wednesdayOnOrAfter(date: string): string {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addCalendarDays(date, (3 - dow + 7) % 7);
}

export function loadLargeMeetings(
  sqlite: Database.Database,
  scale: MeetingScale,
  o: { rnd: () => number; now: string; lastDate: string; themeIds: number[]; memberIds: number[]; dgIds: number[] },
): LoadedMeetings {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(o.rnd() * xs.length)];
  const s = {
    panel: sqlite.prepare(
      "insert into panels (date, start_time, end_time, format, location, status, notes, cancelled_reason, agenda_state, created_at, updated_at) values (?, '10:00', '12:30', 'hybrid', 'Caxton House, London, and online', 'minutes-approved', '', null, 'approved', ?, ?)",
    ),
    item: sqlite.prepare(
      'insert into agenda_items (panel_id, position, standing_key, title, purpose, presenter_member_id, minutes, theme_id, notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    review: sqlite.prepare("insert into agenda_reviews (panel_id, action, agenda_item_id, comment, actor_name, actor_role, at) values (?, ?, null, '', ?, ?, ?)"),
    attendance: sqlite.prepare("insert into meeting_attendance (panel_id, member_id, status, deputy_name, arrived_at, left_at, updated_at) values (?, ?, ?, '', null, null, ?)"),
    notes: sqlite.prepare('insert into meeting_items (agenda_item_id, notes, timer_started_at, timer_elapsed_s, updated_at) values (?, ?, null, ?, ?)'),
    state: sqlite.prepare('insert into meeting_state (panel_id, current_item_id, started_at, ended_at, updated_at) values (?, ?, ?, ?, ?)'),
    decision: sqlite.prepare('insert into decisions (panel_id, agenda_item_id, text, created_at, updated_at) values (?, ?, ?, ?, ?)'),
    action: sqlite.prepare(
      "insert into actions (panel_id, agenda_item_id, text, owner, due_date, status, completed_on, status_note, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
    ),
    rec: sqlite.prepare(
      "insert into recommendations (ref, panel_id, agenda_item_id, text, dg_member_id, owner, target_date, status, not_accepted_reason, implementation_evidence, confirmed_by, escalation_level, escalated_on, escalation_reason, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'none', null, '', ?, ?)",
    ),
    recTheme: sqlite.prepare('insert or ignore into recommendation_themes (recommendation_id, theme_id) values (?, ?)'),
    update: sqlite.prepare(
      'insert into recommendation_updates (recommendation_id, on_date, kind, from_status, to_status, from_target, to_target, escalation_level, narrative, author, at) values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)',
    ),
    counter: sqlite.prepare('insert into ref_counters (prefix, last) values (?, ?) on conflict (prefix) do update set last = max(last, excluded.last)'),
    minutes: sqlite.prepare("insert into minutes_versions (panel_id, version, status, reason, approved_by, approved_on, snapshot, created_by, created_at) values (?, 1, 'draft', '', null, null, null, 'Demonstration data', ?)"),
  };
  const first = toDayNumber('2006-05-10');
  const span = toDayNumber(o.lastDate) - first;
  const perPanelEntries = Math.ceil(scale.minuteEntries / scale.panels);
  const perPanelRecs = Math.ceil(scale.recommendations / scale.panels);
  // A few recommendations stop early (not accepted, or still open), so the others run a little longer.
  const updatesPerRec = Math.max(1, Math.ceil((scale.updates / scale.recommendations) * 1.08));
  const counters = new Map<string, number>();
  const panelIds: number[] = [];
  let recs = 0;
  let updates = 0;
  let entries = 0;

  for (let p = 0; p < scale.panels; p++) {
    const date = wednesdayOnOrAfter(addCalendarDays('2006-05-10', Math.floor((p * span) / scale.panels)));
    const at = `${date}T09:00:00.000Z`;
    const panelId = Number(s.panel.run(date, at, at).lastInsertRowid);
    panelIds.push(panelId);
    s.review.run(panelId, 'sent', 'Demonstration data', 'secretariat', `${addCalendarDays(date, -21)}T10:00:00.000Z`);
    s.review.run(panelId, 'approved', 'Demonstration data', 'chair', `${addCalendarDays(date, -18)}T10:00:00.000Z`);

    // The standing items around three theme items.
    const themed = [0, 1, 2].map(() => pick(o.themeIds));
    const layout = [
      ...STANDING_ITEMS.filter((x) => !x.afterThemes).map((x) => ({ key: x.key as string | null, title: x.title, purpose: x.purpose as string, minutes: x.minutes, themeId: null as number | null })),
      ...themed.map((themeId, i) => ({ key: null, title: `${pick(DEMO_TOPICS).title} (theme ${i + 1})`, purpose: 'discussion', minutes: 25, themeId })),
      ...STANDING_ITEMS.filter((x) => x.afterThemes).map((x) => ({ key: x.key as string | null, title: x.title, purpose: x.purpose as string, minutes: x.minutes, themeId: null as number | null })),
    ];
    const itemIds = layout.map((x, i) =>
      Number(s.item.run(panelId, i + 1, x.key, x.title, x.purpose, x.themeId ? pick(o.dgIds) : null, x.minutes, x.themeId, '', at, at).lastInsertRowid),
    );
    const themeItems = itemIds.filter((_, i) => layout[i].themeId !== null);

    for (const m of o.memberIds) s.attendance.run(panelId, m, o.rnd() < 0.85 ? 'present' : 'apologies', at);
    for (const [i, id] of itemIds.entries()) s.notes.run(id, pick(NOTES), layout[i].minutes * 60, at);
    s.state.run(panelId, itemIds[itemIds.length - 1], `${date}T10:00:00.000Z`, `${date}T12:25:00.000Z`, at);

    for (let e = 0; e < perPanelEntries && entries < scale.minuteEntries; e++, entries++) {
      // Four decisions to each action; actions are done within the year, except some of the latest.
      const itemId = e % 5 !== 4 ? pick(itemIds) : pick(themeItems);
      if (e % 5 !== 4) s.decision.run(panelId, itemId, pick(DECISIONS), at, at);
      else {
        const due = addCalendarDays(date, 30 + Math.floor(o.rnd() * 90));
        const done = toDayNumber(due) < toDayNumber(o.lastDate) - 120 || o.rnd() < 0.6;
        s.action.run(panelId, itemId, pick(ACTIONS), pick(['Secretariat', 'Director General, Service Excellence', 'Head of Safeguarding']), due, done ? 'done' : 'open', done ? due : null, at, at);
      }
    }

    const prefix = recPrefix(date);
    for (let r = 0; r < perPanelRecs && recs < scale.recommendations; r++, recs++) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      const target = addCalendarDays(date, 90 + Math.floor(o.rnd() * 270));
      const history = historyFor(o.rnd, date, target, o.lastDate, updatesPerRec);
      const final = history[history.length - 1];
      const status = history.reduce<RecStatus>((st, u) => u.to ?? st, 'proposed');
      const recId = Number(
        s.rec.run(
          formatRef(prefix, n),
          panelId,
          pick(themeItems),
          `${pick(DEMO_TOPICS).title}: the Department should ${pick(['review', 'revise', 'strengthen', 'monitor'])} how ${pick(['staff', 'the service', 'the process'])} ${pick(['identify vulnerability', 'handle missed appointments', 'share safeguarding concerns', 'record changes of address'])}.`,
          pick(o.dgIds),
          pick(['Head of Safeguarding', 'Deputy Director, Operations', 'Service owner']),
          final.target,
          status,
          status === 'not-accepted' ? 'The change would duplicate work already under way.' : '',
          status === 'closed' ? 'Revised guidance published and compliance checked.' : '',
          status === 'closed' ? 'The chair, for the panel' : '',
          at,
          at,
        ).lastInsertRowid,
      );
      s.recTheme.run(recId, pick(o.themeIds));
      let from: RecStatus | null = null;
      let fromTarget: string | null = null;
      for (const u of history) {
        s.update.run(recId, u.on, u.kind, u.kind === 'status' ? from : null, u.kind === 'status' || u.kind === 'made' ? u.to : null, u.kind === 'target-date' ? fromTarget : null, u.kind === 'target-date' || u.kind === 'made' ? u.target : null, u.narrative, 'Demonstration data', `${u.on}T12:00:00.000Z`);
        if (u.to) from = u.to;
        fromTarget = u.target;
        updates++;
      }
    }
    s.minutes.run(panelId, at);
  }
  for (const [prefix, last] of counters) s.counter.run(prefix, last);
  return { panelIds, recommendations: recs, updates, minuteEntries: entries };
}

interface Step {
  on: string;
  kind: 'made' | 'status' | 'target-date' | 'progress';
  to: RecStatus | null;
  target: string;
  narrative: string;
}

/** A lawful history (made, accepted, in progress, implemented, closed) of about `count` updates, none after `today`. */
function historyFor(rnd: () => number, made: string, target: string, today: string, count: number): Step[] {
  const steps: Step[] = [{ on: made, kind: 'made', to: 'proposed', target, narrative: `Made at the Serious Case Panel on ${formatDateLong(made)}.` }];
  if (rnd() < 0.08) {
    steps.push({ on: addCalendarDays(made, 30), kind: 'status', to: 'not-accepted', target, narrative: 'Not accepted: the change would duplicate work already under way.' });
    return steps.filter((x) => x.on <= today);
  }
  let day = made;
  const next = (days: number) => (day = addCalendarDays(day, days));
  steps.push({ on: next(30), kind: 'status', to: 'accepted', target, narrative: 'Accepted by the Director General.' });
  steps.push({ on: next(20), kind: 'status', to: 'in-progress', target, narrative: 'Work has started.' });
  let currentTarget = target;
  const progressNotes = Math.max(0, count - 5);
  for (let i = 0; i < progressNotes; i++) {
    if (i === 1 && rnd() < 0.3) {
      currentTarget = addCalendarDays(currentTarget, 90);
      steps.push({ on: next(10), kind: 'target-date', to: null, target: currentTarget, narrative: 'Target moved: delivery depends on a system release.' });
    } else steps.push({ on: next(Math.max(7, Math.floor(((toDayNumber(currentTarget) - toDayNumber(made)) / (progressNotes + 2)) * 0.9))), kind: 'progress', to: null, target: currentTarget, narrative: PROGRESS[i % PROGRESS.length] });
  }
  steps.push({ on: next(30), kind: 'status', to: 'implemented', target: currentTarget, narrative: 'Implemented: guidance and process changes are live.' });
  steps.push({ on: next(60), kind: 'status', to: 'closed', target: currentTarget, narrative: 'Closed: the panel saw the evidence of implementation.' });
  return steps.filter((x) => x.on <= today);
}
