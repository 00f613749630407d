// Purpose: bank holidays in force, versioned Terms of Reference, agenda items with papers, and the chair's review trail.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and typed against no schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('shipped','imported','user')`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tor_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','approved','superseded')`))
    .addColumn('approved_on', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('quorum_chair_or_deputy', 'integer', (c) => c.notNull().defaultTo(1).check(sql`quorum_chair_or_deputy in (0,1)`))
    .addColumn('quorum_min_members', 'integer', (c) => c.notNull().check(sql`quorum_min_members between 1 and 50`))
    .addColumn('quorum_min_dgs', 'integer', (c) => c.notNull().check(sql`quorum_min_dgs between 0 and 50`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // At most one version in force: the approved one.
  await sql`create unique index tor_versions_one_approved on tor_versions (status) where status = 'approved'`.execute(db);

  await db.schema
    .createTable('tor_sections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('tor_version_id', 'integer', (c) => c.notNull().references('tor_versions.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('tor_sections_key', ['tor_version_id', 'key'])
    .execute();

  await db.schema
    .alterTable('panels')
    .addColumn('agenda_state', 'text', (c) => c.notNull().defaultTo('draft').check(sql`agenda_state in ('draft','in-review','returned','approved')`))
    .execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('standing_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('decision','discussion','information')`))
    .addColumn('presenter_member_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 0 and 600`))
    // Hook for themes (evidence issue): a plain id until the themes table exists.
    .addColumn('theme_id', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_items_panel').on('agenda_items').columns(['panel_id', 'position']).execute();

  await db.schema
    .createTable('agenda_papers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('agenda_item_id', 'integer', (c) => c.notNull().references('agenda_items.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_papers_item').on('agenda_papers').column('agenda_item_id').execute();

  await db.schema
    .createTable('agenda_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('panels.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('sent','comment','approved','returned','reopened')`))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_reviews_panel').on('agenda_reviews').columns(['panel_id', 'id']).execute();
}
