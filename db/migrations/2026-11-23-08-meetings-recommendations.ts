// Purpose: the meeting as it happens (attendance, declarations, item notes and timers, decisions, actions), recommendations with their whole update history and never-reused references, and versioned minutes.
import { sql, type Kysely } from 'kysely';

// Audited tables of this migration, with their columns as they stand here (frozen with it).
const AUDITED: Record<string, { key: string; columns: string[] }> = {
  meeting_attendance: { key: 'id', columns: ['panel_id', 'member_id', 'status', 'deputy_name', 'arrived_at', 'left_at'] },
  meeting_declarations: { key: 'id', columns: ['panel_id', 'agenda_item_id', 'member_id', 'interest', 'action_taken'] },
  meeting_items: { key: 'agenda_item_id', columns: ['notes', 'timer_started_at', 'timer_elapsed_s'] },
  meeting_state: { key: 'panel_id', columns: ['current_item_id', 'started_at', 'ended_at'] },
  decisions: { key: 'id', columns: ['panel_id', 'agenda_item_id', 'text'] },
  actions: { key: 'id', columns: ['panel_id', 'agenda_item_id', 'text', 'owner', 'due_date', 'status', 'completed_on', 'status_note'] },
  recommendations: {
    key: 'id',
    columns: ['ref', 'panel_id', 'agenda_item_id', 'text', 'dg_member_id', 'owner', 'target_date', 'status', 'not_accepted_reason', 'implementation_evidence', 'confirmed_by', 'escalation_level', 'escalated_on', 'escalation_reason'],
  },
  recommendation_themes: { key: 'id', columns: ['recommendation_id', 'theme_id'] },
  minutes_versions: { key: 'id', columns: ['panel_id', 'version', 'status', 'reason', 'approved_by', 'approved_on'] },
};

const ACTOR = `coalesce((select json_extract(value, '$.name') from settings where key = 'identity'), 'system')`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const PREV = `coalesce((select hash from audit_log order by id desc limit 1), '')`;

function auditInsert(table: string, rowKey: string, action: string, changed: string): string {
  return `insert into audit_log (table_name, row_key, action, changed_fields, actor, at, prev_hash, hash)
    select t, k, a, c, who, at, prev, scp_sha256(prev || '|' || t || '|' || k || '|' || a || '|' || c || '|' || who || '|' || at)
    from (select '${table}' as t, cast(${rowKey} as text) as k, '${action}' as a, ${changed} as c, ${ACTOR} as who, ${NOW} as at, ${PREV} as prev);`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  const hhmm = (col: string) => sql.raw(`${col} is null or ${col} glob '[0-2][0-9]:[0-5][0-9]'`);

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('present','apologies','deputy','absent')`))
    .addColumn('deputy_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('arrived_at', 'text', (c) => c.check(hhmm('arrived_at')))
    .addColumn('left_at', 'text', (c) => c.check(hhmm('left_at')))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meeting_attendance_member', ['panel_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('meeting_declarations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('restrict'))
    .addColumn('interest', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('action_taken', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_declarations_panel').on('meeting_declarations').column('panel_id').execute();

  // What the minute-taker writes against each agenda item, and its running timer.
  await db.schema
    .createTable('meeting_items')
    .addColumn('agenda_item_id', 'integer', (c) => c.primaryKey().references('agenda_items.id').onDelete('cascade'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('timer_started_at', 'text')
    .addColumn('timer_elapsed_s', 'integer', (c) => c.notNull().defaultTo(0).check(sql`timer_elapsed_s >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Where the minute-taker is, so reopening returns to the same place.
  await db.schema
    .createTable('meeting_state')
    .addColumn('panel_id', 'integer', (c) => c.primaryKey().references('panels.id').onDelete('cascade'))
    .addColumn('current_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'integer', (c) => c.notNull().references('agenda_items.id').onDelete('restrict'))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_item').on('decisions').columns(['agenda_item_id', 'id']).execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'integer', (c) => c.notNull().references('agenda_items.id').onDelete('restrict'))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','done','dropped')`))
    .addColumn('completed_on', 'text')
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_item').on('actions').columns(['agenda_item_id', 'id']).execute();
  await sql`create index actions_open on actions (due_date) where status = 'open'`.execute(db);

  // Reference numbers are issued from a counter per prefix and never handed out twice, even
  // when a recommendation added by mistake is removed.
  await db.schema
    .createTable('ref_counters')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('restrict'))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dg_member_id', 'integer', (c) => c.references('members.id').onDelete('restrict'))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_date', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('proposed').check(sql`status in ('proposed','accepted','not-accepted','in-progress','implemented','closed')`),
    )
    .addColumn('not_accepted_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('implementation_evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('confirmed_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('escalation_level', 'text', (c) => c.notNull().defaultTo('none').check(sql`escalation_level in ('none','panel','secretary-of-state','ministers')`))
    .addColumn('escalated_on', 'text')
    .addColumn('escalation_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendations_panel').on('recommendations').columns(['panel_id', 'id']).execute();
  await db.schema.createIndex('recommendations_dg').on('recommendations').columns(['dg_member_id', 'status']).execute();
  await db.schema.createIndex('recommendations_item').on('recommendations').column('agenda_item_id').execute();

  await db.schema
    .createTable('recommendation_themes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('recommendation_id', 'integer', (c) => c.notNull().references('recommendations.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('restrict'))
    .addUniqueConstraint('recommendation_themes_pair', ['recommendation_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('recommendation_themes_theme').on('recommendation_themes').columns(['theme_id', 'recommendation_id']).execute();

  // Every change of status, target date or escalation, and every progress note: the history is
  // kept whole, so rows are never changed or removed.
  await db.schema
    .createTable('recommendation_updates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('recommendation_id', 'integer', (c) => c.notNull().references('recommendations.id').onDelete('cascade'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('made','status','target-date','progress','escalation')`))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('from_target', 'text')
    .addColumn('to_target', 'text')
    .addColumn('escalation_level', 'text')
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendation_updates_rec').on('recommendation_updates').columns(['recommendation_id', 'id']).execute();
  await sql.raw(`create trigger recommendation_updates_no_update before update on recommendation_updates begin select raise(abort, 'A recommendation''s history cannot be changed: add a new update instead'); end`).execute(db);
  // Only removing the recommendation itself (allowed while its minutes are a draft) takes its history with it.
  await sql
    .raw(
      `create trigger recommendation_updates_no_delete before delete on recommendation_updates when exists (select 1 from recommendations where id = old.recommendation_id) begin select raise(abort, 'A recommendation''s history cannot be changed: add a new update instead'); end`,
    )
    .execute(db);

  // Minutes are versioned: approving locks a version; a correction opens the next one with its reason.
  await db.schema
    .createTable('minutes_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','approved')`))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approved_by', 'text')
    .addColumn('approved_on', 'text')
    // The approved minutes as they stood, kept whole (JSON), so a later correction cannot rewrite them.
    .addColumn('snapshot', 'text', (c) => c.check(sql`snapshot is null or json_valid(snapshot)`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('minutes_versions_panel_version', ['panel_id', 'version'])
    .execute();
  await sql
    .raw(
      `create trigger minutes_versions_locked before update on minutes_versions when old.status = 'approved' begin select raise(abort, 'Approved minutes are locked: start a correction, which makes a new version'); end`,
    )
    .execute(db);

  for (const [table, { key, columns }] of Object.entries(AUDITED)) {
    const all = `json_array(${[key, ...columns].map((c) => `'${c}'`).join(', ')})`;
    const changed = `(select coalesce(json_group_array(value), '[]') from json_each(json_array(${columns
      .map((c) => `case when old.${c} is not new.${c} then '${c}' end`)
      .join(', ')})) where value is not null)`;
    await sql.raw(`create trigger audit_${table}_insert after insert on ${table} begin ${auditInsert(table, `new.${key}`, 'create', all)} end`).execute(db);
    await sql.raw(`create trigger audit_${table}_update after update on ${table} begin ${auditInsert(table, `new.${key}`, 'update', changed)} end`).execute(db);
    await sql.raw(`create trigger audit_${table}_delete after delete on ${table} begin ${auditInsert(table, `old.${key}`, 'delete', "'[]'")} end`).execute(db);
  }
}
