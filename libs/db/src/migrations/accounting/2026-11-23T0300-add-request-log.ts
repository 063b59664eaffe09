// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import type { Kysely } from 'kysely';

// Frozen in time: never imports app code, never changes once released.

/**
 * The request log: a per-key switch that logs request and response bodies, the error message
 * of every ledger row (searchable), and the bodies themselves in a table of their own so the
 * ledger stays narrow and bodies can be kept for less time than usage.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema
    .alterTable('api_keys')
    .addColumn('log_bodies', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
  await schema.alterTable('usage_events').addColumn('error_message', 'text').execute();
  await schema
    .createTable('request_bodies')
    // One row per ledger row that had logging on; no foreign key, like the ledger.
    .addColumn('request_id', 'text', (column) => column.primaryKey())
    .addColumn('finished_at', 'timestamptz', (column) => column.notNull())
    .addColumn('request_body', 'text', (column) => column.notNull())
    .addColumn('request_truncated', 'boolean', (column) => column.notNull())
    .addColumn('response_body', 'text')
    .addColumn('response_truncated', 'boolean', (column) => column.notNull())
    .execute();
  await schema
    .createIndex('request_bodies_finished_at_idx')
    .on('request_bodies')
    .column('finished_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema.dropTable('request_bodies').execute();
  await schema.alterTable('usage_events').dropColumn('error_message').execute();
  await schema.alterTable('api_keys').dropColumn('log_bodies').execute();
}
