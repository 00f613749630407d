// Purpose: the evidence register (with restricted personal fields apart), coroner response tracking, themes with their evidence links, and full-text search over both.
import { sql, type Kysely } from 'kysely';

// Audited tables of this migration, with their columns as they stand here (frozen with it).
// The trigger body repeats migration 03's chain so that both stay frozen independently.
const AUDITED: Record<string, { key: string; columns: string[] }> = {
  evidence: { key: 'id', columns: ['type', 'ref', 'title', 'summary', 'received_on', 'benefit_lines', 'region', 'tags', 'sensitivity', 'details', 'archived_at'] },
  evidence_personal: { key: 'evidence_id', columns: ['person_name', 'case_reference'] },
  coroner_reports: { key: 'evidence_id', columns: ['coroner_ref', 'report_date', 'addressed_to_dwp', 'extended_to', 'extension_granted_by', 'extension_granted_on', 'response_sent_on', 'responded'] },
  themes: { key: 'id', columns: ['title', 'description', 'owner_member_id', 'status', 'tags'] },
  theme_evidence: { key: 'id', columns: ['theme_id', 'evidence_id', 'note'] },
  theme_rejections: { key: 'id', columns: ['theme_id', 'evidence_id'] },
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
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('ipr','complaint','frontline','ice','pfd','sar','other')`))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('benefit_lines', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(benefit_lines)`))
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(tags)`))
    .addColumn('sensitivity', 'text', (c) => c.notNull().check(sql`sensitivity in ('official','official-sensitive')`))
    .addColumn('details', 'text', (c) => c.notNull().check(sql`json_valid(details)`))
    // Panel-facing text from the type's own fields, for search only.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    // Where an imported record came from (e.g. "pfd:2024-0155"), so re-importing updates instead of duplicating.
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index evidence_ref on evidence (ref collate nocase)`.execute(db);
  await db.schema.createIndex('evidence_received').on('evidence').columns(['received_on', 'id']).execute();
  await db.schema.createIndex('evidence_type_received').on('evidence').columns(['type', 'received_on', 'id']).execute();

  await db.schema
    .createTable('evidence_personal')
    .addColumn('evidence_id', 'integer', (c) => c.primaryKey().references('evidence.id').onDelete('cascade'))
    .addColumn('person_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('case_reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Tags and benefit lines, one row each, so that filters use an index instead of parsing JSON.
  await db.schema
    .createTable('evidence_labels')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('tag','benefit')`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('evidence_labels_pk', ['kind', 'value', 'evidence_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('evidence_labels_evidence').on('evidence_labels').column('evidence_id').execute();

  await db.schema
    .createTable('coroner_reports')
    .addColumn('evidence_id', 'integer', (c) => c.primaryKey().references('evidence.id').onDelete('cascade'))
    .addColumn('coroner_ref', 'text', (c) => c.notNull())
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('addressed_to_dwp', 'integer', (c) => c.notNull().check(sql`addressed_to_dwp in (0,1)`))
    .addColumn('extended_to', 'text')
    .addColumn('extension_granted_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('extension_granted_on', 'text')
    .addColumn('response_sent_on', 'text')
    .addColumn('responded', 'integer', (c) => c.notNull().defaultTo(0).check(sql`responded in (0,1)`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coroner_reports_dwp').on('coroner_reports').columns(['addressed_to_dwp', 'responded', 'report_date']).execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_member_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('emerging','under-review','scheduled','considered','monitoring','closed')`))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(tags)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('themes_title').on('themes').column('title').execute();

  await db.schema
    .createTable('theme_evidence')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('theme_evidence_pair', ['theme_id', 'evidence_id'])
    .execute();
  await db.schema.createIndex('theme_evidence_evidence').on('theme_evidence').columns(['evidence_id', 'theme_id']).execute();

  // Suggestions the secretariat turned down, so they are not offered again.
  await db.schema
    .createTable('theme_rejections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('rejected_by', 'text', (c) => c.notNull())
    .addColumn('rejected_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('theme_rejections_pair', ['theme_id', 'evidence_id'])
    .execute();

  // An agenda item pointing at a deleted theme loses the link, not the item.
  await sql.raw(`create trigger themes_unlink_agenda after delete on themes begin update agenda_items set theme_id = null where theme_id = old.id; end`).execute(db);

  // Full-text indexes read their text from the tables themselves (external content), so
  // snippets come from the live row and erasing a row's text removes its index entries.
  const fts = (table: string, cols: string[]) => ({
    create: `create virtual table ${table}_fts using fts5(${cols.join(', ')}, content='${table}', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
    ins: `insert into ${table}_fts(rowid, ${cols.join(', ')}) values (new.id, ${cols.map((c) => `new.${c}`).join(', ')});`,
    del: `insert into ${table}_fts(${table}_fts, rowid, ${cols.join(', ')}) values ('delete', old.id, ${cols.map((c) => `old.${c}`).join(', ')});`,
  });
  for (const [table, cols] of [
    ['evidence', ['ref', 'title', 'summary', 'tags', 'search_text']],
    ['themes', ['title', 'description', 'tags']],
  ] as const) {
    const f = fts(table, [...cols]);
    await sql.raw(f.create).execute(db);
    await sql.raw(`create trigger ${table}_fts_insert after insert on ${table} begin ${f.ins} end`).execute(db);
    await sql.raw(`create trigger ${table}_fts_delete after delete on ${table} begin ${f.del} end`).execute(db);
    await sql.raw(`create trigger ${table}_fts_update after update of ${cols.join(', ')} on ${table} begin ${f.del} ${f.ins} end`).execute(db);
  }

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
