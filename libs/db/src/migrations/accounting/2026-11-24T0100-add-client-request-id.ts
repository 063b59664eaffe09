// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: never imports app code, never changes once released.

/**
 * The caller's own `x-request-id` on each ledger row, searchable: an attribute the caller may
 * reuse, while `request_id` (the key) is the gateway's own id. Rows written before this have
 * none. Indexed only where present, newest first like the ledger's other filters.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema.alterTable('usage_events').addColumn('client_request_id', 'text').execute();
  await schema
    .createIndex('usage_events_client_request_id_finished_at_idx')
    .on('usage_events')
    .columns(['client_request_id', 'finished_at desc', 'request_id desc'])
    .where(sql.ref('client_request_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema.dropIndex('usage_events_client_request_id_finished_at_idx').execute();
  await schema.alterTable('usage_events').dropColumn('client_request_id').execute();
}
