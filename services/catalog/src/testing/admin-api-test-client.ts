/** The catalog admin API's integration tests' client: the service after one sync, calls as a key. */
import { randomBytes } from 'node:crypto';
import { CATALOG_SNAPSHOT_KEY, catalogSnapshotV1Schema } from '@switchyard/contracts';
import { DEFAULT_ORGANIZATION_ID, hashKeySecret } from '@switchyard/db';
import { afterAll, beforeAll, expect } from 'vitest';
import { startCatalogForTest, type TestCatalog } from './start-catalog-for-test.js';

export let catalog: TestCatalog;
/** A team_admin key and a member key of one team, made before the file's tests. */
export let teamAdminKey: string;
export let memberKey: string;

export type Json = Record<string, unknown>;
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Starts this file's catalog (fresh database, own KV bucket), makes the two keys and runs one
 * sync before its tests; stops it after.
 */
export function useAdminApi(): void {
  beforeAll(async () => {
    catalog = await startCatalogForTest();
    const team = await catalog.database.db
      .insertInto('accounting.teams')
      .values({ organization_id: DEFAULT_ORGANIZATION_ID, name: 'platform' })
      .returning('id')
      .executeTakeFirstOrThrow();
    teamAdminKey = await createKey(team.id, 'team_admin');
    memberKey = await createKey(team.id, 'member');
    const queued = await asMaster('POST', '/admin/v1/catalog/sync');
    expect(queued.status).toBe(202);
    await catalog.syncIdle();
  });
  afterAll(async () => {
    await catalog?.stop();
  });
}

export async function call(method: Method, url: string, key: string | undefined, body?: unknown) {
  const response = await catalog.app.inject({
    method,
    url,
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    ...(body !== undefined && { payload: body as Json }),
  });
  return { status: response.statusCode, body: response.json<Json>(), text: response.body };
}

export const asMaster = (method: Method, url: string, body?: unknown) =>
  call(method, url, catalog.masterKey, body);

async function createKey(teamId: string, role: string): Promise<string> {
  const secret = `sk-sy-${randomBytes(24).toString('base64url')}`;
  await catalog.database.db
    .insertInto('accounting.api_keys')
    .values({
      team_id: teamId,
      name: role,
      role: role as 'member',
      key_prefix: secret.slice(0, 10),
      key_hash: hashKeySecret(secret, catalog.pepper),
    })
    .execute();
  return secret;
}

/** The catalog snapshot as the gateways read it from this file's KV bucket. */
export async function kvSnapshot() {
  const entry = await (await catalog.bus.kv(catalog.bucket)).get(CATALOG_SNAPSHOT_KEY);
  return catalogSnapshotV1Schema.parse(JSON.parse(new TextDecoder().decode(entry?.value)));
}
