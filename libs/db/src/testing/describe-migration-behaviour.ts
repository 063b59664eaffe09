import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { accountingMigrations } from '../migrations/accounting/accounting-migrations.js';
import { assertSchemaCurrent } from '../migrations/assert-schema-current.js';
import { catalogMigrations } from '../migrations/catalog/catalog-migrations.js';
import { migrateDown } from '../migrations/migrate-down.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { MigrationError } from '../migrations/migration-error.js';
import { migrationStatus } from '../migrations/migration-status.js';
import { SchemaNotCurrentError } from '../migrations/schema-not-current-error.js';
import { DEFAULT_ORGANIZATION_ID } from '../tables/organizations-table.js';
import type { Tables } from '../tables/tables.js';
import { listTables } from './list-tables.js';

const accountingNames = Object.keys(accountingMigrations);
const firstAccountingMigration = '2026-11-23T0000-create-accounts';
const latestAccountingMigration = accountingNames.at(-1) ?? firstAccountingMigration;
const accountingTables = [
  'alert_deliveries',
  'alert_webhooks',
  'api_keys',
  'audit_log',
  'budget_alerts',
  'kysely_migration',
  'kysely_migration_lock',
  'organizations',
  'request_bodies',
  'teams',
  'usage_daily',
  'usage_events',
];

/**
 * Migrations per schema on a database that starts empty: status, up, the schema check, a failed
 * migration, down and up again. Leaves both schemas migrated to the latest.
 */
export function describeMigrationBehaviour(db: () => Kysely<Tables>): void {
  describe('migrations', () => {
    it('reports every accounting migration pending on an empty database, and the check fails', async () => {
      const status = await migrationStatus(db(), 'accounting');
      expect(status).toEqual({
        schema: 'accounting',
        applied: [],
        pending: Object.keys(accountingMigrations),
        unknown: [],
      });
      const failure = await assertSchemaCurrent(db(), 'accounting').catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(SchemaNotCurrentError);
      expect((failure as Error).message).toContain(firstAccountingMigration);
      expect((failure as SchemaNotCurrentError).pending).toEqual(accountingNames);
    });

    it('migrates accounting up: tables in the schema, a default organisation, status current', async () => {
      const steps = await migrateToLatest(db(), 'accounting');
      expect(steps).toEqual(
        accountingNames.map((name) => ({ name, direction: 'up', status: 'success' })),
      );
      expect(await listTables(db(), 'accounting')).toEqual(accountingTables);
      const organizations = await db().selectFrom('accounting.organizations').selectAll().execute();
      expect(organizations).toEqual([
        { id: DEFAULT_ORGANIZATION_ID, name: 'default', created_at: expect.any(Date) },
      ]);
      const status = await assertSchemaCurrent(db(), 'accounting');
      expect(status.applied.map((migration) => migration.name)).toEqual(accountingNames);
      expect(status.applied[0]?.executedAt).toBeInstanceOf(Date);
      expect(await migrateToLatest(db(), 'accounting')).toEqual([]);
    });

    it('migrates catalog up and down: its tables, then only the migration tables', async () => {
      const catalogNames = Object.keys(catalogMigrations);
      const steps = await migrateToLatest(db(), 'catalog');
      expect(steps.map((step) => step.name)).toEqual(catalogNames);
      expect(await listTables(db(), 'catalog')).toEqual([
        'aliases',
        'audit_log',
        'catalog_versions',
        'credentials',
        'kysely_migration',
        'kysely_migration_lock',
        'models',
        'prices',
        'providers',
        'routes',
        'source_states',
        'sync_runs',
      ]);
      const status = await assertSchemaCurrent(db(), 'catalog');
      expect(status.applied.map((migration) => migration.name)).toEqual(catalogNames);
      for (const _name of catalogNames) {
        expect(await migrateDown(db(), 'catalog')).toHaveLength(1);
      }
      expect(await listTables(db(), 'catalog')).toEqual([
        'kysely_migration',
        'kysely_migration_lock',
      ]);
      expect(await migrateToLatest(db(), 'catalog')).toHaveLength(catalogNames.length);
    });

    it('names a pending migration of a newer release, and one the database has but the code lacks', async () => {
      const newer = {
        ...accountingMigrations,
        '2099-01-01T0000-add-something': { up: async () => {} },
      };
      const pending = await assertSchemaCurrent(db(), 'accounting', { migrations: newer }).catch(
        (error: unknown) => error,
      );
      expect(pending).toBeInstanceOf(SchemaNotCurrentError);
      expect((pending as Error).message).toMatch(
        /schema accounting is not current: 1 pending migration\(s\): 2099-01-01T0000-add-something/,
      );
      const older = await assertSchemaCurrent(db(), 'accounting', { migrations: {} }).catch(
        (error: unknown) => error,
      );
      expect((older as SchemaNotCurrentError).unknown).toEqual(accountingNames);
    });

    it('rolls a failed migration back whole and says which one failed', async () => {
      const broken = {
        ...accountingMigrations,
        '2099-01-01T0000-create-then-fail': {
          up: async (migrationDb: Kysely<unknown>) => {
            await sql`create table accounting.half_done (id int)`.execute(migrationDb);
            await sql`select * from accounting.no_such_table`.execute(migrationDb);
          },
        },
      };
      const failure = await migrateToLatest(db(), 'accounting', { migrations: broken }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as MigrationError).migrationName).toBe('2099-01-01T0000-create-then-fail');
      expect((failure as Error).message).toContain('no_such_table');
      expect(await listTables(db(), 'accounting')).toEqual(accountingTables);
      await assertSchemaCurrent(db(), 'accounting');
    });

    it('migrates down one step (tables gone, migration pending) and up again', async () => {
      const down = await migrateDown(db(), 'accounting');
      expect(down).toEqual([
        { name: latestAccountingMigration, direction: 'down', status: 'success' },
      ]);
      expect((await migrationStatus(db(), 'accounting')).pending).toEqual([
        latestAccountingMigration,
      ]);
      await expect(assertSchemaCurrent(db(), 'accounting')).rejects.toThrow(
        latestAccountingMigration,
      );
      // Every other step down too, until nothing is applied and only the migration tables remain.
      for (const name of accountingNames.slice(0, -1).reverse()) {
        expect(await migrateDown(db(), 'accounting')).toEqual([
          { name, direction: 'down', status: 'success' },
        ]);
      }
      expect(await listTables(db(), 'accounting')).toEqual([
        'kysely_migration',
        'kysely_migration_lock',
      ]);
      expect(await migrateDown(db(), 'accounting')).toEqual([]);

      await migrateToLatest(db(), 'accounting');
      expect(await listTables(db(), 'accounting')).toEqual(accountingTables);
      await assertSchemaCurrent(db(), 'accounting');
    });
  });
}
