import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/** A `queued` row in `catalog.sync_runs`, so the run id exists before the run starts. */
export async function insertQueuedRun(db: Kysely<Tables>, trigger: string): Promise<string> {
  const row = await db
    .insertInto('catalog.sync_runs')
    .values({ trigger, status: 'queued' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
