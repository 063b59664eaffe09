import type { ApiKey, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/**
 * The key row, locked until `trx` ends: what a change starts from, so the audit row's `before` is
 * exactly what was changed (a concurrent change waits instead of slipping in between).
 */
export function lockKey(trx: Kysely<Tables>, id: string): Promise<ApiKey> {
  return trx
    .selectFrom('accounting.api_keys')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
