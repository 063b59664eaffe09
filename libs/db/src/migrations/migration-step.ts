import type { MigrationResult } from 'kysely';

/** What happened to one migration in a run. */
export interface MigrationStep {
  readonly name: string;
  readonly direction: 'up' | 'down';
  /** `not executed`: an earlier migration of the same run failed, so this one was rolled back or skipped. */
  readonly status: 'success' | 'error' | 'not executed';
}

/** kysely's result in our spelling. */
export function toMigrationStep(result: MigrationResult): MigrationStep {
  return {
    name: result.migrationName,
    direction: result.direction === 'Up' ? 'up' : 'down',
    status:
      result.status === 'Success'
        ? 'success'
        : result.status === 'Error'
          ? 'error'
          : 'not executed',
  };
}
