// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code and never changes once released; a later
// change to these tables is a new migration. `Kysely<any>` because the app's table types move on.

const priceColumns = [
  'prompt',
  'completion',
  'cached_prompt',
  'cache_write',
  'reasoning',
  'per_request',
  'per_image',
] as const;

/**
 * Providers, encrypted upstream credentials, models, routes, prices with effective-from times,
 * aliases, published catalog versions, sync runs and each source's last good data (issue #6).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('catalog').ifNotExists().execute();
  const schema = db.schema.withSchema('catalog');
  const now = sql`now()`;

  await schema
    .createTable('providers')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('base_url', 'text', (column) => column.notNull())
    .addColumn('enabled', 'boolean', (column) => column.notNull().defaultTo(true))
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addCheckConstraint('providers_name_check', sql`name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'`)
    .addCheckConstraint('providers_source_check', sql`source in ('config', 'admin')`)
    .execute();

  await schema
    .createTable('credentials')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('provider', 'text', (column) =>
      column.notNull().references('catalog.providers.name').onDelete('restrict'),
    )
    .addColumn('name', 'text', (column) => column.notNull())
    // AES-256-GCM: the ciphertext, its 12-byte nonce and 16-byte tag, and which key sealed it.
    .addColumn('ciphertext', 'bytea', (column) => column.notNull())
    .addColumn('iv', 'bytea', (column) => column.notNull())
    .addColumn('auth_tag', 'bytea', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('hint', 'text', (column) => column.notNull())
    .addColumn('enabled', 'boolean', (column) => column.notNull().defaultTo(true))
    .addColumn('rpm', 'integer')
    .addColumn('tpm', 'integer')
    .addColumn('daily_requests', 'integer')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addCheckConstraint('credentials_name_check', sql`char_length(name) between 1 and 200`)
    .addCheckConstraint('credentials_iv_check', sql`octet_length(iv) = 12`)
    .addCheckConstraint('credentials_auth_tag_check', sql`octet_length(auth_tag) = 16`)
    .addCheckConstraint(
      'credentials_limits_check',
      sql`rpm >= 0 and tpm >= 0 and daily_requests >= 0`,
    )
    .execute();
  await schema
    .createIndex('credentials_provider_created_at_idx')
    .on('credentials')
    .columns(['provider', 'created_at'])
    .execute();

  await schema
    .createTable('models')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('context_length', 'integer', (column) => column.notNull())
    .addColumn('max_output_tokens', 'integer')
    .addColumn('modalities', 'jsonb', (column) =>
      column.notNull().defaultTo(sql`'{"input":["text"],"output":["text"]}'::jsonb`),
    )
    .addColumn('supported_parameters', sql`text[]`, (column) =>
      column.notNull().defaultTo(sql`'{}'::text[]`),
    )
    .addColumn('free', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('enabled', 'boolean', (column) => column.notNull().defaultTo(true))
    .addColumn('source', 'text', (column) => column.notNull())
    // Set by the admin API (name, context and price overrides); they win over every source.
    .addColumn('overrides', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    // Set when no source lists the model any more; kept for history, left out of snapshots.
    .addColumn('retired_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addCheckConstraint('models_id_check', sql`id ~ '^[^/[:space:]]+/[^[:space:]]+$'`)
    .addCheckConstraint('models_kind_check', sql`kind in ('chat', 'embedding')`)
    .addCheckConstraint(
      'models_context_length_check',
      sql`context_length > 0 and max_output_tokens > 0`,
    )
    .addCheckConstraint('models_source_check', sql`source in ('config', 'openrouter', 'provider')`)
    .addCheckConstraint('models_overrides_check', sql`jsonb_typeof(overrides) = 'object'`)
    .execute();

  await schema
    .createTable('routes')
    .addColumn('model_id', 'text', (column) =>
      column.notNull().references('catalog.models.id').onDelete('cascade'),
    )
    .addColumn('provider', 'text', (column) =>
      column.notNull().references('catalog.providers.name').onDelete('cascade'),
    )
    .addColumn('upstream_model', 'text', (column) => column.notNull())
    .addColumn('priority', 'integer', (column) => column.notNull().defaultTo(0))
    // The source's price (decimal strings); `prices` holds what was charged, override included.
    .addColumn('pricing', 'jsonb', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('routes_pkey', ['model_id', 'provider', 'upstream_model'])
    .addCheckConstraint('routes_priority_check', sql`priority >= 0`)
    .execute();

  // Every price a route ever had: a change is a new row, so usage keeps the price it was costed at.
  let prices = schema
    .createTable('prices')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('provider', 'text', (column) => column.notNull())
    .addColumn('upstream_model', 'text', (column) => column.notNull());
  for (const name of priceColumns) {
    prices = prices.addColumn(name, 'numeric', (column) =>
      name === 'prompt' || name === 'completion' ? column.notNull() : column,
    );
  }
  await prices
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('effective_from', 'timestamptz', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addUniqueConstraint('prices_route_effective_from_key', [
      'model_id',
      'provider',
      'upstream_model',
      'effective_from',
    ])
    .addCheckConstraint(
      'prices_non_negative_check',
      sql.raw(priceColumns.map((name) => `${name} >= 0`).join(' and ')),
    )
    .execute();

  await schema
    .createTable('aliases')
    .addColumn('alias', 'text', (column) => column.primaryKey())
    .addColumn('model_id', 'text', (column) =>
      column.notNull().references('catalog.models.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addCheckConstraint(
      'aliases_alias_check',
      sql`char_length(alias) between 1 and 256 and alias !~ '[[:space:]]'`,
    )
    .execute();
  await schema.createIndex('aliases_model_id_idx').on('aliases').column('model_id').execute();

  await schema
    .createTable('catalog_versions')
    .addColumn('seq', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addColumn('snapshot', 'jsonb', (column) => column.notNull())
    .addColumn('report', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  await schema
    .createTable('sync_runs')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trigger', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('catalog_version', 'text')
    .addColumn('report', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint(
      'sync_runs_status_check',
      sql`status in ('queued', 'running', 'succeeded', 'partial', 'failed')`,
    )
    .execute();
  await schema
    .createIndex('sync_runs_created_at_idx')
    .on('sync_runs')
    .column('created_at')
    .execute();

  // The last good data of each source, so a source that fails keeps what it gave before.
  await schema
    .createTable('source_states')
    .addColumn('source', 'text', (column) => column.primaryKey())
    .addColumn('data', 'jsonb')
    .addColumn('last_success_at', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz', (column) => column.notNull())
    .addColumn('last_error', 'text')
    .execute();
}

/** Drops the tables; the schema stays, since it holds the migration table. */
export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('catalog');
  for (const table of [
    'source_states',
    'sync_runs',
    'catalog_versions',
    'aliases',
    'prices',
    'routes',
    'models',
    'credentials',
    'providers',
  ]) {
    await schema.dropTable(table).execute();
  }
}
