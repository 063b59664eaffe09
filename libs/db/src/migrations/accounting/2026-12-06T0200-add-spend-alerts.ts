// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: never imports app code, never changes once released.

const BUDGET_TABLES = ['teams', 'api_keys'] as const;

/**
 * Spend alerts. Per budget: its soft thresholds (percent; null means the defaults) and whether a
 * projected overspend is announced. `alert_webhooks`: where alerts go (a team's, or global with no
 * team). `budget_alerts`: one row per budget, period and threshold, whose unique key decides which
 * replica sends it. `alert_deliveries`: one row per alert and webhook, the delivery log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  for (const table of BUDGET_TABLES) {
    await schema
      .alterTable(table)
      .addColumn('budget_alert_thresholds', sql`smallint[]`)
      .addColumn('budget_alert_projected', 'boolean')
      .execute();
  }
  await schema
    .createTable('alert_webhooks')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('team_id', 'uuid', (column) =>
      column.references('accounting.teams.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('secret', 'text', (column) => column.notNull())
    .addColumn('format', 'text', (column) =>
      column.notNull().defaultTo('json').check(sql`format in ('json', 'slack')`),
    )
    .addColumn('enabled', 'boolean', (column) => column.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await schema
    .createIndex('alert_webhooks_team_id_idx')
    .on('alert_webhooks')
    .column('team_id')
    .execute();
  await schema
    .createTable('budget_alerts')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('scope', 'text', (column) => column.notNull().check(sql`scope in ('key', 'team')`))
    .addColumn('owner_id', 'uuid', (column) => column.notNull())
    .addColumn('team_id', 'uuid', (column) => column.notNull())
    .addColumn('period', 'text', (column) => column.notNull())
    .addColumn('period_start', 'timestamptz', (column) => column.notNull())
    .addColumn('kind', 'text', (column) =>
      column.notNull().check(sql`kind in ('threshold', 'projected')`),
    )
    // The percent crossed; for a projection, 100 (the limit it is projected to pass).
    .addColumn('threshold', 'smallint', (column) => column.notNull())
    .addColumn('limit_usd', sql`numeric(20, 9)`, (column) => column.notNull())
    .addColumn('spent_usd', sql`numeric(20, 9)`, (column) => column.notNull())
    .addColumn('projected_usd', sql`numeric(20, 9)`)
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('budget_alerts_once', [
      'scope',
      'owner_id',
      'period_start',
      'kind',
      'threshold',
    ])
    .execute();
  await schema
    .createIndex('budget_alerts_team_id_created_at_idx')
    .on('budget_alerts')
    .columns(['team_id', 'created_at desc'])
    .execute();
  await schema
    .createTable('alert_deliveries')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('alert_id', 'uuid', (column) =>
      column.notNull().references('accounting.budget_alerts.id').onDelete('cascade'),
    )
    .addColumn('webhook_id', 'uuid', (column) =>
      column.notNull().references('accounting.alert_webhooks.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'uuid', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'retrying', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .addUniqueConstraint('alert_deliveries_once', ['alert_id', 'webhook_id'])
    .execute();
  await schema
    .createIndex('alert_deliveries_team_id_created_at_idx')
    .on('alert_deliveries')
    .columns(['team_id', 'created_at desc', 'id desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema.dropTable('alert_deliveries').execute();
  await schema.dropTable('budget_alerts').execute();
  await schema.dropTable('alert_webhooks').execute();
  for (const table of BUDGET_TABLES) {
    await schema
      .alterTable(table)
      .dropColumn('budget_alert_thresholds')
      .dropColumn('budget_alert_projected')
      .execute();
  }
}
