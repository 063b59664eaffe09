import { type Kysely, sql } from 'kysely';
import type { ApiKeyRole } from '../tables/api-keys-table.js';
import type { Tables } from '../tables/tables.js';
import { hashKeySecret } from './hash-key-secret.js';

/** A key that may be used now: its id, role and team. */
export interface LiveApiKey {
  id: string;
  role: ApiKeyRole;
  teamId: string;
}

/**
 * The key whose secret this is, if it is live: not revoked, not expired (on the database's
 * clock), its team not deleted. What every admin API authenticates callers with.
 */
export async function findLiveApiKey(
  db: Kysely<Tables>,
  secret: string,
  pepper: string,
): Promise<LiveApiKey | undefined> {
  const row = await db
    .selectFrom('accounting.api_keys as key')
    .innerJoin('accounting.teams as team', 'team.id', 'key.team_id')
    .select(['key.id as id', 'key.role as role', 'key.team_id as team_id'])
    .where('key.key_hash', '=', hashKeySecret(secret, pepper))
    .where('key.revoked_at', 'is', null)
    .where('team.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('key.expires_at', 'is', null), eb('key.expires_at', '>', sql<Date>`now()`)]),
    )
    .executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, role: row.role, teamId: row.team_id };
}
