import { randomBytes } from 'node:crypto';
import { auditPageSchema } from '@switchyard/contracts';
import { DEFAULT_ORGANIZATION_ID, hashKeySecret } from '@switchyard/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogForTest, type TestCatalog } from '../testing/start-catalog-for-test.js';

let catalog: TestCatalog;
let teamAdminKey: string;
let teamAdminId: string;

type Json = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function call(method: Method, url: string, key: string, body?: unknown) {
  const response = await catalog.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key}` },
    ...(body !== undefined && { payload: body as Json }),
  });
  return { status: response.statusCode, body: response.json<Json>() };
}

const asMaster = (method: Method, url: string, body?: unknown) =>
  call(method, url, catalog.masterKey, body);

const auditRows = () =>
  catalog.database.db
    .selectFrom('catalog.audit_log')
    .selectAll()
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();

async function expectNoRow(change: () => Promise<{ status: number }>, status: number) {
  const before = (await auditRows()).length;
  expect((await change()).status).toBe(status);
  expect((await auditRows()).length).toBe(before);
}

async function expectOneRow(change: () => Promise<{ status: number; body: Json }>, status = 200) {
  const before = await auditRows();
  const response = await change();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const after = await auditRows();
  expect(after).toHaveLength(before.length + 1);
  const row = after.find((candidate) => !before.some((old) => old.id === candidate.id));
  if (row === undefined) throw new Error('no new audit row');
  return { row, body: response.body };
}

beforeAll(async () => {
  catalog = await startCatalogForTest();
  const team = await catalog.database.db
    .insertInto('accounting.teams')
    .values({ organization_id: DEFAULT_ORGANIZATION_ID, name: 'platform' })
    .returning('id')
    .executeTakeFirstOrThrow();
  teamAdminKey = `sk-sy-${randomBytes(24).toString('base64url')}`;
  const key = await catalog.database.db
    .insertInto('accounting.api_keys')
    .values({
      team_id: team.id,
      name: 'lead',
      role: 'team_admin',
      key_prefix: teamAdminKey.slice(0, 10),
      key_hash: hashKeySecret(teamAdminKey, catalog.pepper),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  teamAdminId = key.id;
  const first = await asMaster('POST', '/admin/v1/catalog/sync');
  expect(first.status).toBe(202);
  await catalog.syncIdle();
});

afterAll(async () => {
  await catalog?.stop();
});

describe('catalog audit log', () => {
  it('records a queued sync run, and nothing for a caller who may not queue one', async () => {
    const { row, body } = await expectOneRow(() => asMaster('POST', '/admin/v1/catalog/sync'), 202);
    await catalog.syncIdle();
    expect(row).toMatchObject({
      action: 'sync_run.create',
      target_type: 'sync_run',
      target_id: body.id,
      actor_role: 'admin',
      team_id: null,
    });
    await expectNoRow(() => call('POST', '/admin/v1/catalog/sync', teamAdminKey), 403);
  });

  it('records provider create and update; refused changes write nothing', async () => {
    const { row: created } = await expectOneRow(
      () =>
        asMaster('POST', '/admin/v1/providers', {
          name: 'audited-vllm',
          type: 'openai-compatible',
          base_url: 'http://127.0.0.1:9/v1',
        }),
      201,
    );
    expect(created).toMatchObject({
      action: 'provider.create',
      target_id: 'audited-vllm',
      before: null,
      after: { name: 'audited-vllm', enabled: true, base_url: 'http://127.0.0.1:9/v1' },
    });
    const { row: updated } = await expectOneRow(() =>
      asMaster('PATCH', '/admin/v1/providers/audited-vllm', { enabled: false }),
    );
    expect(updated).toMatchObject({
      action: 'provider.update',
      before: { enabled: true },
      after: { enabled: false },
    });
    const duplicate = {
      name: 'audited-vllm',
      type: 'openai-compatible',
      base_url: 'http://127.0.0.1:9/v1',
    };
    await expectNoRow(() => asMaster('POST', '/admin/v1/providers', duplicate), 409);
    await expectNoRow(
      () => asMaster('POST', '/admin/v1/providers', { ...duplicate, name: 'openai' }),
      409,
    );
    await expectNoRow(
      () => asMaster('PATCH', '/admin/v1/providers/openai', { base_url: 'http://x/v1' }),
      400,
    );
    await expectNoRow(() => asMaster('PATCH', '/admin/v1/providers/nope', { enabled: true }), 404);
    await expectNoRow(
      () => call('PATCH', '/admin/v1/providers/openai', teamAdminKey, { enabled: false }),
      403,
    );
  });

  it('records credential create, secret replacement and delete, never the secret', async () => {
    const secret = `sk-ant-${randomBytes(24).toString('hex')}${upperTail()}`;
    const replacement = `sk-ant-${randomBytes(24).toString('hex')}${upperTail()}`;
    const { row: created, body } = await expectOneRow(
      () =>
        asMaster('POST', '/admin/v1/credentials', {
          provider: 'anthropic',
          name: 'pool',
          secret,
        }),
      201,
    );
    const id = String(body.id);
    expect(created).toMatchObject({
      action: 'credential.create',
      target_id: id,
      after: { id, provider: 'anthropic', name: 'pool', hint: '[redacted]' },
    });
    const { row: rename } = await expectOneRow(() =>
      asMaster('PATCH', `/admin/v1/credentials/${id}`, { name: 'pool-2', limits: { rpm: 9 } }),
    );
    expect(rename).toMatchObject({
      action: 'credential.update',
      before: { name: 'pool', limits: { rpm: null } },
      after: { name: 'pool-2', limits: { rpm: 9 } },
    });
    const { row: replaced } = await expectOneRow(() =>
      asMaster('PATCH', `/admin/v1/credentials/${id}`, { secret: replacement }),
    );
    expect(replaced.action).toBe('credential.replace_secret');
    const { row: deleted } = await expectOneRow(() =>
      asMaster('DELETE', `/admin/v1/credentials/${id}`),
    );
    expect(deleted).toMatchObject({ action: 'credential.delete', after: null });

    const stored = JSON.stringify(await auditRows());
    for (const value of [secret, replacement]) {
      expect(stored).not.toContain(value);
      expect(stored).not.toContain(value.slice(-4));
    }
    await expectNoRow(() => asMaster('DELETE', `/admin/v1/credentials/${id}`), 404);
    await expectNoRow(
      () => asMaster('PATCH', `/admin/v1/credentials/${id}`, { name: 'gone' }),
      404,
    );
    await expectNoRow(
      () => asMaster('POST', '/admin/v1/credentials', { provider: 'nope', name: 'x', secret }),
      400,
    );
  });

  it('records a model patch (price override, aliases, enabled) before and after; a refused one writes nothing', async () => {
    const { row } = await expectOneRow(() =>
      asMaster('PATCH', '/admin/v1/models/openai/gpt-4o-mini', {
        enabled: false,
        pricing: { prompt: '0.000001' },
        aliases: ['mini'],
      }),
    );
    expect(row).toMatchObject({
      action: 'model.update',
      target_type: 'model',
      target_id: 'openai/gpt-4o-mini',
      before: { enabled: true, aliases: [] },
      after: { enabled: false, aliases: ['mini'], overrides: { pricing: { prompt: '0.000001' } } },
    });
    // The alias clash is found inside the transaction: the enable flip rolls back with it.
    await expectNoRow(
      () =>
        asMaster('PATCH', '/admin/v1/models/anthropic/claude-3.5-sonnet', {
          enabled: false,
          aliases: ['mini'],
        }),
      400,
    );
    const claude = await catalog.database.db
      .selectFrom('catalog.models')
      .select('enabled')
      .where('id', '=', 'anthropic/claude-3.5-sonnet')
      .executeTakeFirstOrThrow();
    expect(claude.enabled).toBe(true);
    await expectNoRow(() => asMaster('PATCH', '/admin/v1/models/openai/nope', {}), 404);
    await expectNoRow(
      () => call('PATCH', '/admin/v1/models/openai/gpt-4o', teamAdminKey, { enabled: false }),
      403,
    );
  });

  it('serves GET /admin/v1/catalog/audit to admins only, filtered and paged', async () => {
    const all = auditPageSchema.parse((await asMaster('GET', '/admin/v1/catalog/audit')).body);
    expect(all.data.length).toBeGreaterThan(3);
    const providers = auditPageSchema.parse(
      (await asMaster('GET', '/admin/v1/catalog/audit?action=provider.*')).body,
    );
    expect(providers.data.map((entry) => entry.action)).toEqual([
      'provider.update',
      'provider.create',
    ]);
    const first = auditPageSchema.parse(
      (await asMaster('GET', '/admin/v1/catalog/audit?limit=1')).body,
    );
    expect(first.data[0]?.id).toBe(all.data[0]?.id);
    const second = auditPageSchema.parse(
      (await asMaster('GET', `/admin/v1/catalog/audit?limit=1&cursor=${first.next_cursor}`)).body,
    );
    expect(second.data[0]?.id).toBe(all.data[1]?.id);
    expect((await call('GET', '/admin/v1/catalog/audit', teamAdminKey)).status).toBe(403);
    // Every change the team_admin tried was refused: none is on record under its key.
    const byTeamAdmin = auditPageSchema.parse(
      (await asMaster('GET', `/admin/v1/catalog/audit?actor=${teamAdminId}`)).body,
    );
    expect(byTeamAdmin.data).toEqual([]);
  });

  it('is append-only', async () => {
    await expect(
      sql`update catalog.audit_log set action = 'forged'`.execute(catalog.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from catalog.audit_log`.execute(catalog.database.db)).rejects.toThrow(
      /append-only/,
    );
  });
});

/**
 * Four random capitals that no UUID, timestamp or action name in an audit row can hold, so
 * "the secret's last four characters are absent" cannot fail by chance (a hex tail once matched a
 * row's UUID).
 */
function upperTail(): string {
  const letters = 'GHJKMNPQRSUVWXY';
  return Array.from(randomBytes(4), (byte) => letters[byte % letters.length]).join('');
}
