// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: never imports app code, never changes once released.

/**
 * `catalog.audit_log`: one row per admin mutation of providers, credentials, models (prices, aliases) and sync runs, written in the mutation's
 * own transaction. Append-only: a trigger refuses UPDATE and TRUNCATE always, and DELETE unless
 * the transaction set `switchyard.audit_prune = 'on'` (what the retention job does, and nothing
 * else), so no application path can rewrite history by accident.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('catalog');
  await schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('actor_key_id', 'uuid')
    .addColumn('actor_subject', 'text')
    .addColumn('actor_role', 'text', (column) => column.notNull())
    .addColumn('team_id', 'uuid')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('target_type', 'text', (column) => column.notNull())
    .addColumn('target_id', 'text', (column) => column.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text', (column) => column.notNull())
    .addColumn('source_ip', 'text')
    .execute();
  await schema
    .createIndex('audit_log_occurred_at_idx')
    .on('audit_log')
    .columns(['occurred_at desc', 'id desc'])
    .execute();
  await schema
    .createIndex('audit_log_team_id_occurred_at_idx')
    .on('audit_log')
    .columns(['team_id', 'occurred_at desc', 'id desc'])
    .execute();
  await schema
    .createIndex('audit_log_target_idx')
    .on('audit_log')
    .columns(['target_type', 'target_id', 'occurred_at desc'])
    .execute();
  await sql`
    create function catalog.audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('switchyard.audit_prune', true) = 'on' then
        return old;
      end if;
      raise exception 'catalog.audit_log is append-only (% refused)', tg_op;
    end
    $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on catalog.audit_log
    for each row execute function catalog.audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on catalog.audit_log
    for each statement execute function catalog.audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('catalog').dropTable('audit_log').execute();
  await sql`drop function catalog.audit_log_append_only()`.execute(db);
}
