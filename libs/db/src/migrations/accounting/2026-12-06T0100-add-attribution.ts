// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: never imports app code, never changes once released.

/**
 * Cost attribution on each ledger row: the end user the caller named and up to 10 tags
 * (`key` or `key:value`), as a jsonb array so a batch still inserts through one `unnest` and a
 * containment filter (`tags @> '["team:search"]'`) uses the GIN index. Rows written before
 * this have no end user and no tags.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema
    .alterTable('usage_events')
    .addColumn('end_user', 'text')
    .addColumn('tags', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await schema
    .createIndex('usage_events_end_user_finished_at_idx')
    .on('usage_events')
    .columns(['end_user', 'finished_at desc', 'request_id desc'])
    .where(sql.ref('end_user'), 'is not', null)
    .execute();
  await sql`create index usage_events_tags_idx on accounting.usage_events using gin (tags jsonb_path_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema.dropIndex('usage_events_tags_idx').execute();
  await schema.dropIndex('usage_events_end_user_finished_at_idx').execute();
  await schema.alterTable('usage_events').dropColumn('tags').dropColumn('end_user').execute();
}
