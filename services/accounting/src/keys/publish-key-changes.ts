import { type Bus, KEYS_CHANGED_SUBJECT } from '@switchyard/bus';
import type { KeysChanged } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { OnAccountingChange } from '../admin/accounting-change.js';

const hex = (hash: Uint8Array) => Buffer.from(hash).toString('hex');

/**
 * Tells every gateway which cached principals a committed change made stale: the key's hashes
 * (old and current after a rotation), or every key of a changed team. A failed broadcast is
 * logged, never undoes the change: gateways then pick it up when their cache TTLs run out.
 */
export function publishKeyChanges(options: {
  db: Kysely<Tables>;
  bus: Bus;
  logger: Logger;
}): OnAccountingChange {
  const { db, bus, logger } = options;
  return async (change) => {
    try {
      const message = await describeChange(db, change);
      await bus.broadcast(KEYS_CHANGED_SUBJECT, Buffer.from(JSON.stringify(message)));
    } catch (error: unknown) {
      logger.error(
        { err: error, change: { kind: change.kind, id: change.id } },
        'could not broadcast a key change; gateways will see it when their caches expire',
      );
    }
  };
}

async function describeChange(
  db: Kysely<Tables>,
  change: Parameters<OnAccountingChange>[0],
): Promise<KeysChanged> {
  if (change.kind === 'team') {
    const keys = await db
      .selectFrom('accounting.api_keys')
      .select('key_hash')
      .where('team_id', '=', change.id)
      .where('revoked_at', 'is', null)
      .execute();
    return {
      kind: 'team',
      id: change.id,
      team_id: change.id,
      key_hashes: keys.map((key) => hex(key.key_hash)),
    };
  }
  const key = await db
    .selectFrom('accounting.api_keys')
    .select(['key_hash', 'team_id'])
    .where('id', '=', change.id)
    .executeTakeFirst();
  const hashes = new Set<string>();
  if (change.keyHash !== undefined) hashes.add(change.keyHash);
  if (key !== undefined) hashes.add(hex(key.key_hash));
  return { kind: 'key', id: change.id, team_id: key?.team_id ?? null, key_hashes: [...hashes] };
}
