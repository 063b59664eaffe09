// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code and never changes once released.

/**
 * The usage ledger (one row per request, keyed by request id so a redelivered event is stored
 * once) and its daily rollups, which the consumer updates in the insert's transaction (issue #5).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');

  await schema
    .createTable('usage_events')
    .addColumn('request_id', 'text', (column) => column.primaryKey())
    .addColumn('started_at', 'timestamptz', (column) => column.notNull())
    .addColumn('finished_at', 'timestamptz', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    // No foreign keys: the ledger outlives keys and teams, and inserts must not wait on them.
    .addColumn('key_id', 'uuid')
    .addColumn('team_id', 'uuid')
    .addColumn('endpoint', 'text', (column) => column.notNull())
    .addColumn('requested_model', 'text', (column) => column.notNull())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('upstream_model', 'text', (column) => column.notNull())
    .addColumn('credential_id', 'text')
    .addColumn('stream', 'boolean', (column) => column.notNull())
    .addColumn('status', 'smallint', (column) => column.notNull())
    .addColumn('error_code', 'text')
    .addColumn('prompt_tokens', 'bigint', (column) => column.notNull())
    .addColumn('completion_tokens', 'bigint', (column) => column.notNull())
    .addColumn('cached_tokens', 'bigint', (column) => column.notNull())
    .addColumn('reasoning_tokens', 'bigint', (column) => column.notNull())
    .addColumn('usage_source', 'text', (column) => column.notNull())
    .addColumn('cost_usd', sql`numeric(30, 18)`)
    .addColumn('cost_source', 'text')
    .addColumn('price_version', 'text')
    .addColumn('latency_ms', 'integer', (column) => column.notNull())
    .addColumn('ttft_ms', 'integer')
    .addColumn('attempts', 'smallint', (column) => column.notNull())
    .addColumn('fallback_used', 'boolean', (column) => column.notNull())
    // Fields a newer v1 producer added that this table has no column for yet.
    .addColumn('extra', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addCheckConstraint('usage_events_status_check', sql`status between 100 and 599`)
    .addCheckConstraint(
      'usage_events_tokens_check',
      sql`prompt_tokens >= 0 and completion_tokens >= 0 and cached_tokens >= 0 and reasoning_tokens >= 0`,
    )
    .addCheckConstraint('usage_events_cost_check', sql`cost_usd >= 0`)
    .execute();
  // Lists are newest first, by (finished_at, request_id); each filter has its own index.
  const byTime = (name: string, columns: string[]) =>
    schema
      .createIndex(name)
      .on('usage_events')
      .columns([...columns, 'finished_at desc', 'request_id desc'])
      .execute();
  await byTime('usage_events_finished_at_idx', []);
  await byTime('usage_events_team_id_finished_at_idx', ['team_id']);
  await byTime('usage_events_key_id_finished_at_idx', ['key_id']);
  await byTime('usage_events_model_finished_at_idx', ['model']);
  await byTime('usage_events_provider_finished_at_idx', ['provider']);
  await byTime('usage_events_status_finished_at_idx', ['status']);

  await schema
    .createTable('usage_daily')
    .addColumn('day', 'date', (column) => column.notNull())
    .addColumn('team_id', 'uuid')
    .addColumn('key_id', 'uuid')
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('requests', 'bigint', (column) => column.notNull())
    .addColumn('errors', 'bigint', (column) => column.notNull())
    .addColumn('prompt_tokens', 'bigint', (column) => column.notNull())
    .addColumn('completion_tokens', 'bigint', (column) => column.notNull())
    .addColumn('cached_tokens', 'bigint', (column) => column.notNull())
    .addColumn('reasoning_tokens', 'bigint', (column) => column.notNull())
    .addColumn('cost_usd', sql`numeric(38, 18)`, (column) => column.notNull())
    .addColumn('latency_ms_total', 'bigint', (column) => column.notNull())
    .addColumn('ttft_ms_total', 'bigint', (column) => column.notNull())
    .addColumn('ttft_count', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    // The master key's requests have no key or team: null groups with null here.
    .addUniqueConstraint(
      'usage_daily_group_key',
      ['day', 'team_id', 'key_id', 'model', 'provider'],
      (constraint) => constraint.nullsNotDistinct(),
    )
    .execute();
  await schema
    .createIndex('usage_daily_team_id_day_idx')
    .on('usage_daily')
    .columns(['team_id', 'day'])
    .execute();
}

/** Drops the ledger and its rollups. */
export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema.dropTable('usage_daily').execute();
  await schema.dropTable('usage_events').execute();
}
