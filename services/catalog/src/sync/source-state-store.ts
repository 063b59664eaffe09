import type { JsonValue, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/** Reads and writes each source's last good data in `catalog.source_states`. */
export interface SourceStateStore {
  /** The data of the source's last success, if it ever had one. */
  lastGood(source: string): Promise<{ data: JsonValue; at: Date } | undefined>;
  succeeded(source: string, data: JsonValue, at: Date): Promise<void>;
  failed(source: string, error: string, at: Date): Promise<void>;
}

/** The {@link SourceStateStore} over the catalog tables. */
export function createSourceStateStore(db: Kysely<Tables>): SourceStateStore {
  return {
    async lastGood(source) {
      const row = await db
        .selectFrom('catalog.source_states')
        .select(['data', 'last_success_at'])
        .where('source', '=', source)
        .executeTakeFirst();
      if (row?.data === undefined || row.data === null || row.last_success_at === null)
        return undefined;
      return { data: row.data, at: row.last_success_at };
    },
    async succeeded(source, data, at) {
      // Serialised here: `pg` would send a top-level JSON array as a Postgres array.
      const json = JSON.stringify(data);
      await db
        .insertInto('catalog.source_states')
        .values({ source, data: json, last_success_at: at, last_attempt_at: at, last_error: null })
        .onConflict((conflict) =>
          conflict.column('source').doUpdateSet({
            data: json,
            last_success_at: at,
            last_attempt_at: at,
            last_error: null,
          }),
        )
        .execute();
    },
    async failed(source, error, at) {
      await db
        .insertInto('catalog.source_states')
        .values({ source, last_attempt_at: at, last_error: error })
        .onConflict((conflict) =>
          conflict.column('source').doUpdateSet({ last_attempt_at: at, last_error: error }),
        )
        .execute();
    },
  };
}
