// Purpose: an append-only, hash-chained audit log of every create, update and delete, kept by triggers.
import { sql, type Kysely } from 'kysely';

// The audited tables and their columns as they stand at this migration (frozen with it).
const AUDITED: Record<string, { key: string; columns: string[] }> = {
  members: { key: 'id', columns: ['name', 'role', 'organisation', 'email', 'active_from', 'active_to'] },
  panels: { key: 'id', columns: ['date', 'start_time', 'end_time', 'format', 'location', 'status', 'notes', 'cancelled_reason', 'agenda_state'] },
  settings: { key: 'key', columns: ['value'] },
  bank_holidays: { key: 'date', columns: ['title', 'source'] },
  tor_versions: { key: 'id', columns: ['version', 'status', 'approved_on', 'approved_by', 'review_date', 'quorum_chair_or_deputy', 'quorum_min_members', 'quorum_min_dgs'] },
  tor_sections: { key: 'id', columns: ['tor_version_id', 'key', 'heading', 'body', 'position'] },
  agenda_items: { key: 'id', columns: ['panel_id', 'position', 'standing_key', 'title', 'purpose', 'presenter_member_id', 'minutes', 'theme_id', 'notes'] },
  agenda_papers: { key: 'id', columns: ['agenda_item_id', 'file_name', 'stored_name', 'bytes', 'sha256'] },
  agenda_reviews: { key: 'id', columns: ['panel_id', 'action', 'agenda_item_id', 'comment'] },
};

const ACTOR = `coalesce((select json_extract(value, '$.name') from settings where key = 'identity'), 'system')`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const PREV = `coalesce((select hash from audit_log order by id desc limit 1), '')`;

function insertRow(table: string, rowKey: string, action: string, changed: string): string {
  // The hash covers the previous row's hash, so removing or editing any row breaks the chain.
  return `insert into audit_log (table_name, row_key, action, changed_fields, actor, at, prev_hash, hash)
    select t, k, a, c, who, at, prev, scp_sha256(prev || '|' || t || '|' || k || '|' || a || '|' || c || '|' || who || '|' || at)
    from (select '${table}' as t, cast(${rowKey} as text) as k, '${action}' as a, ${changed} as c, ${ACTOR} as who, ${NOW} as at, ${PREV} as prev);`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create','update','delete')`))
    .addColumn('changed_fields', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_row').on('audit_log').columns(['table_name', 'row_key']).execute();
  await sql.raw(`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'The audit log is append-only: its rows cannot be changed'); end`).execute(db);
  await sql.raw(`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'The audit log is append-only: its rows cannot be deleted'); end`).execute(db);

  for (const [table, { key, columns }] of Object.entries(AUDITED)) {
    const all = `json_array(${[key, ...columns].map((c) => `'${c}'`).join(', ')})`;
    const changed = `(select coalesce(json_group_array(value), '[]') from json_each(json_array(${columns
      .map((c) => `case when old.${c} is not new.${c} then '${c}' end`)
      .join(', ')})) where value is not null)`;
    await sql.raw(`create trigger audit_${table}_insert after insert on ${table} begin ${insertRow(table, `new.${key}`, 'create', all)} end`).execute(db);
    await sql.raw(`create trigger audit_${table}_update after update on ${table} begin ${insertRow(table, `new.${key}`, 'update', changed)} end`).execute(db);
    await sql.raw(`create trigger audit_${table}_delete after delete on ${table} begin ${insertRow(table, `old.${key}`, 'delete', "'[]'")} end`).execute(db);
  }
}
