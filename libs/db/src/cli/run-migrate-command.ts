import type { Kysely } from 'kysely';
import { migrateDown } from '../migrations/migrate-down.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { migrationStatus } from '../migrations/migration-status.js';
import type { SchemaName } from '../schemas.js';
import type { MigrateArguments } from './parse-migrate-arguments.js';

/** Runs `up`, `down` or `status` for each schema, writing one line per thing done. */
export async function runMigrateCommand<T>(
  db: Kysely<T>,
  command: MigrateArguments['command'],
  schemas: readonly SchemaName[],
  write: (line: string) => void,
): Promise<void> {
  for (const schema of schemas) {
    if (command === 'up') {
      const steps = await migrateToLatest(db, schema);
      for (const step of steps) {
        write(`${schema}: applied ${step.name}`);
      }
      const status = await migrationStatus(db, schema);
      write(`${schema}: current (${status.applied.length} applied)`);
    } else if (command === 'down') {
      const steps = await migrateDown(db, schema);
      write(
        steps.length === 0
          ? `${schema}: nothing to revert`
          : steps.map((step) => `${schema}: reverted ${step.name}`).join('\n'),
      );
    } else {
      const status = await migrationStatus(db, schema);
      write(
        `${schema}: ${status.applied.length} applied, ${status.pending.length} pending, ${status.unknown.length} unknown`,
      );
      for (const migration of status.applied) {
        write(`  applied  ${migration.name}  ${migration.executedAt.toISOString()}`);
      }
      for (const name of status.pending) {
        write(`  pending  ${name}`);
      }
      for (const migration of status.unknown) {
        write(`  unknown  ${migration.name}  ${migration.executedAt.toISOString()}`);
      }
    }
  }
}
