import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../is-unique-violation.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { DEFAULT_ORGANIZATION_ID } from '../tables/organizations-table.js';
import type { Tables } from '../tables/tables.js';

/** The accounting tables' column types, defaults and constraints, and transactions over them. */
export function describeAccountingTableRules(database: () => Kysely<Tables>): void {
  describe('accounting tables', () => {
    let db: Kysely<Tables>;

    beforeAll(async () => {
      db = database();
      await migrateToLatest(db, 'accounting');
    });

    it('stores a team and a key with generated ids, defaults and exact column types', async () => {
      const team = await insertTeam(db, {
        rpm: 60,
        tpm: 100_000,
        model_allowlist: ['openai/*', ':free'],
      });
      expect(team).toMatchObject({
        organization_id: DEFAULT_ORGANIZATION_ID,
        rpm: 60,
        tpm: 100_000,
        max_concurrent: null,
        model_allowlist: ['openai/*', ':free'],
        metadata: {},
        deleted_at: null,
      });
      expect(team.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(team.created_at).toBeInstanceOf(Date);

      const hash = new Uint8Array(randomBytes(32)); // a plain Uint8Array, not a Buffer
      const expiresAt = new Date('2030-01-02T03:04:05.678Z');
      const key = await db
        .insertInto('accounting.api_keys')
        .values({
          team_id: team.id,
          name: 'ci',
          key_prefix: 'sk-sy-AbCdEf',
          key_hash: hash,
          per_model_limits: { 'openai/gpt-4o': { rpm: 10 } },
          metadata: { owner: 'platform', tags: ['a', 'b'] },
          expires_at: expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      expect(key).toMatchObject({
        role: 'member',
        free_only: false,
        rpm: null,
        model_allowlist: null,
        per_model_limits: { 'openai/gpt-4o': { rpm: 10 } },
        metadata: { owner: 'platform', tags: ['a', 'b'] },
        expires_at: expiresAt,
        revoked_at: null,
        last_used_at: null,
      });
      expect(Buffer.from(key.key_hash).equals(hash)).toBe(true);
      expect(key.key_hash).toBeInstanceOf(Uint8Array);

      const found = await db
        .selectFrom('accounting.api_keys')
        .select(['id', 'team_id'])
        .where('key_hash', '=', hash)
        .executeTakeFirst();
      expect(found).toEqual({ id: key.id, team_id: team.id });
      const { count } = await db
        .selectFrom('accounting.api_keys')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('team_id', '=', team.id)
        .executeTakeFirstOrThrow();
      expect(count).toBe('1'); // int8 reads as a string on both engines
    });

    it('refuses a second key with the same hash, a hash that is not 32 bytes and an unknown role', async () => {
      const team = await insertTeam(db, {});
      const hash = randomBytes(32);
      const key = { team_id: team.id, name: 'one', key_prefix: 'sk-sy-xxxxxx', key_hash: hash };
      await db.insertInto('accounting.api_keys').values(key).execute();
      const duplicate = await db
        .insertInto('accounting.api_keys')
        .values({ ...key, name: 'two' })
        .execute()
        .catch((error: unknown) => error);
      expect(isUniqueViolation(duplicate, 'api_keys_key_hash_key')).toBe(true);
      await expect(
        db
          .insertInto('accounting.api_keys')
          .values({ ...key, key_hash: randomBytes(16) })
          .execute(),
      ).rejects.toThrow(/api_keys_key_hash_check/);
      await expect(
        db
          .insertInto('accounting.api_keys')
          .values({ ...key, key_hash: randomBytes(32), role: 'owner' as 'admin' })
          .execute(),
      ).rejects.toThrow(/api_keys_role_check/);
      await expect(
        db
          .insertInto('accounting.api_keys')
          .values({ ...key, key_hash: randomBytes(32), rpm: -1 })
          .execute(),
      ).rejects.toThrow(/api_keys_limits_check/);
    });

    it('keeps team names unique among live teams of an organisation only', async () => {
      const name = `team-${randomBytes(4).toString('hex')}`;
      const team = await insertTeam(db, { name });
      const duplicate = await insertTeam(db, { name }).catch((error: unknown) => error);
      expect(isUniqueViolation(duplicate, 'teams_organization_id_name_key')).toBe(true);
      await db
        .updateTable('accounting.teams')
        .set({ deleted_at: new Date(), updated_at: new Date() })
        .where('id', '=', team.id)
        .execute();
      const again = await insertTeam(db, { name });
      expect(again.id).not.toBe(team.id);
    });

    it('keeps an open transaction to itself and rolls it back, savepoints included', async () => {
      const name = `tx-${randomBytes(4).toString('hex')}`;
      const rolledBack = db.transaction().execute(async (trx) => {
        await trx
          .insertInto('accounting.teams')
          .values({ organization_id: DEFAULT_ORGANIZATION_ID, name })
          .execute();
        await sleep(50);
        throw new Error('roll back');
      });
      // It may fail before the query below returns (PGlite answers from its own thread).
      rolledBack.catch(() => undefined);
      // Runs while the transaction is open (on PGlite: waits for it), never inside it.
      const seen = await db
        .selectFrom('accounting.teams')
        .select('id')
        .where('name', '=', name)
        .execute();
      await expect(rolledBack).rejects.toThrow('roll back');
      expect(seen).toEqual([]);

      const trx = await db.startTransaction().execute();
      await trx
        .insertInto('accounting.teams')
        .values({ organization_id: DEFAULT_ORGANIZATION_ID, name })
        .execute();
      const savepoint = await trx.savepoint('before_second').execute();
      await savepoint
        .insertInto('accounting.teams')
        .values({ organization_id: DEFAULT_ORGANIZATION_ID, name: `${name}-2` })
        .execute();
      const afterRollback = await savepoint.rollbackToSavepoint('before_second').execute();
      await afterRollback.commit().execute();
      const names = await db
        .selectFrom('accounting.teams')
        .select('name')
        .where('name', 'like', `${name}%`)
        .execute();
      expect(names).toEqual([{ name }]);
    });
  });
}

function insertTeam(
  db: Kysely<Tables>,
  values: { name?: string; rpm?: number; tpm?: number; model_allowlist?: string[] },
) {
  return db
    .insertInto('accounting.teams')
    .values({
      organization_id: DEFAULT_ORGANIZATION_ID,
      name: values.name ?? `team-${randomBytes(4).toString('hex')}`,
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
