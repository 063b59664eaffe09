// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code and never changes once released; a later
// change to these tables is a new migration. `Kysely<any>` because the app's table types move on.

/** The default organisation's id, repeated here (not imported) so the migration stays frozen. */
const defaultOrganizationId = '00000000-0000-0000-0000-000000000001';

/** Organisations, teams and API keys (issue #4). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('accounting').ifNotExists().execute();
  const schema = db.schema.withSchema('accounting');

  await schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('organizations_name_key', ['name'])
    .addCheckConstraint('organizations_name_check', sql`char_length(name) between 1 and 200`)
    .execute();

  await schema
    .createTable('teams')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('rpm', 'integer')
    .addColumn('tpm', 'integer')
    .addColumn('max_concurrent', 'integer')
    .addColumn('model_allowlist', sql`text[]`)
    .addColumn('metadata', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addForeignKeyConstraint(
      'teams_organization_id_fkey',
      ['organization_id'],
      'accounting.organizations',
      ['id'],
      (constraint) => constraint.onDelete('restrict'),
    )
    .addCheckConstraint('teams_name_check', sql`char_length(name) between 1 and 200`)
    .addCheckConstraint('teams_limits_check', sql`rpm >= 0 and tpm >= 0 and max_concurrent >= 0`)
    .addCheckConstraint('teams_metadata_check', sql`jsonb_typeof(metadata) = 'object'`)
    .execute();
  // Names are unique among live teams only, so a deleted team's name can be reused.
  await schema
    .createIndex('teams_organization_id_name_key')
    .on('teams')
    .columns(['organization_id', 'name'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await schema
    .createIndex('teams_created_at_id_idx')
    .on('teams')
    .columns(['created_at', 'id'])
    .execute();

  await schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('team_id', 'uuid', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull().defaultTo('member'))
    .addColumn('key_prefix', 'text', (column) => column.notNull())
    .addColumn('key_hash', 'bytea', (column) => column.notNull())
    .addColumn('rpm', 'integer')
    .addColumn('tpm', 'integer')
    .addColumn('max_concurrent', 'integer')
    .addColumn('model_allowlist', sql`text[]`)
    .addColumn('free_only', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('per_model_limits', 'jsonb')
    .addColumn('metadata', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addForeignKeyConstraint(
      'api_keys_team_id_fkey',
      ['team_id'],
      'accounting.teams',
      ['id'],
      (constraint) => constraint.onDelete('restrict'),
    )
    .addUniqueConstraint('api_keys_key_hash_key', ['key_hash'])
    .addCheckConstraint('api_keys_name_check', sql`char_length(name) between 1 and 200`)
    .addCheckConstraint('api_keys_role_check', sql`role in ('admin', 'team_admin', 'member')`)
    .addCheckConstraint('api_keys_key_prefix_check', sql`char_length(key_prefix) between 1 and 32`)
    // HMAC-SHA256 is exactly 32 bytes; anything else is a bug in the caller.
    .addCheckConstraint('api_keys_key_hash_check', sql`octet_length(key_hash) = 32`)
    .addCheckConstraint('api_keys_limits_check', sql`rpm >= 0 and tpm >= 0 and max_concurrent >= 0`)
    .addCheckConstraint(
      'api_keys_per_model_limits_check',
      sql`jsonb_typeof(per_model_limits) = 'object'`,
    )
    .addCheckConstraint('api_keys_metadata_check', sql`jsonb_typeof(metadata) = 'object'`)
    .execute();
  await schema
    .createIndex('api_keys_team_id_created_at_id_idx')
    .on('api_keys')
    .columns(['team_id', 'created_at', 'id'])
    .execute();
  await schema
    .createIndex('api_keys_created_at_id_idx')
    .on('api_keys')
    .columns(['created_at', 'id'])
    .execute();

  await db
    .withSchema('accounting')
    .insertInto('organizations')
    .values({ id: defaultOrganizationId, name: 'default' })
    .execute();
}

/** Drops the tables; the schema stays, since it holds the migration table. */
export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('accounting');
  await schema.dropTable('api_keys').execute();
  await schema.dropTable('teams').execute();
  await schema.dropTable('organizations').execute();
}
