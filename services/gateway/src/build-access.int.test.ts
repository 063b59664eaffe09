// Keys through the distributed gateway on real Postgres, Redis and NATS: authentication,
// eviction on key changes, allowlists, GET /v1/key, and what an unreachable Redis does.
import { KEYS_CHANGED_SUBJECT } from '@switchyard/bus';
import { describe, expect, it } from 'vitest';
import {
  bus,
  call,
  connectedRedis,
  database,
  errorOf,
  get,
  MASTER_KEY,
  MODELS,
  redisClient,
  seed,
  sleep,
  startGateway,
  useAccessTestGateway,
} from './testing/access-test-gateway.js';

useAccessTestGateway();

describe('keys', () => {
  it('admits a live key and refuses unknown, expired and revoked keys with 401', async () => {
    const team = await seed.team();
    const live = await seed.key(team);
    const expired = await seed.key(team, { expires_at: new Date(Date.now() - 1000) });
    const revoked = await seed.key(team);
    await database.db
      .updateTable('accounting.api_keys')
      .set({ revoked_at: new Date() })
      .where('id', '=', revoked.id)
      .execute();

    expect((await call(live.secret)).status).toBe(200);
    for (const secret of [
      `sk-sy-${'x'.repeat(43)}`,
      'not-a-switchyard-key',
      expired.secret,
      revoked.secret,
    ]) {
      const response = await call(secret);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('invalid_api_key');
    }
  });

  it('evicts a revoked key on the key-change broadcast, in Redis and in memory, within 2 s', async () => {
    const team = await seed.team();
    const key = await seed.key(team);
    expect((await call(key.secret)).status).toBe(200);
    const redis = await connectedRedis();
    expect(await redis.exists(`sy:principal:v2:${key.hash}`)).toBe(1);

    await database.db
      .updateTable('accounting.api_keys')
      .set({ revoked_at: new Date() })
      .where('id', '=', key.id)
      .execute();
    const revokedAt = Date.now();
    await bus.broadcast(
      KEYS_CHANGED_SUBJECT,
      Buffer.from(
        JSON.stringify({ kind: 'key', id: key.id, team_id: team, key_hashes: [key.hash] }),
      ),
    );
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < 2_000) {
      status = (await call(key.secret)).status;
      if (status === 200) await sleep(50);
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
  });

  it('applies a team change to every key of the team on the broadcast', async () => {
    const team = await seed.team();
    const key = await seed.key(team);
    expect((await call(key.secret)).status).toBe(200);
    await database.db
      .updateTable('accounting.teams')
      .set({ model_allowlist: ['fake/other'] })
      .where('id', '=', team)
      .execute();
    await bus.broadcast(
      KEYS_CHANGED_SUBJECT,
      Buffer.from(
        JSON.stringify({ kind: 'team', id: team, team_id: team, key_hashes: [key.hash] }),
      ),
    );
    await expect.poll(async () => (await call(key.secret)).status, { timeout: 2_000 }).toBe(403);
  });
});

describe('model allowlists', () => {
  it('403s models outside the key and team lists and lists only the allowed ones', async () => {
    const team = await seed.team({ model_allowlist: ['fake/chat', ':free'] });
    const key = await seed.key(team, { model_allowlist: ['fake/*'] });

    expect((await call(key.secret, { model: 'fake/chat' })).status).toBe(200);
    expect((await call(key.secret, { model: 'fake/gift:free' })).status).toBe(200);
    for (const model of ['spare/chat', 'fake/other']) {
      const response = await call(key.secret, { model });
      expect(response.status).toBe(403);
      const error = await errorOf(response);
      expect(error.code).toBe('model_not_allowed');
      expect(error.param).toBe('model');
      expect(error.message).toContain(model);
    }
    const models = (await (await get(key.secret, '/v1/models')).json()) as {
      data: { id: string }[];
    };
    expect(models.data.map((model) => model.id).sort()).toEqual(['fake/chat', 'fake/gift:free']);
    expect((await get(key.secret, '/v1/models/spare/chat')).status).toBe(403);
    expect((await get(key.secret, '/v1/models/fake/chat')).status).toBe(200);
  });

  it('free_only keys reach free routes only', async () => {
    const key = await seed.key(await seed.team(), { free_only: true });
    expect((await call(key.secret, { model: 'fake/gift:free' })).status).toBe(200);
    expect((await call(key.secret, { model: 'fake/chat' })).status).toBe(403);
  });

  it('the master key sees every model', async () => {
    const models = (await (await get(MASTER_KEY, '/v1/models')).json()) as { data: unknown[] };
    expect(models.data).toHaveLength(MODELS.length);
  });
});

describe('GET /v1/key', () => {
  it('returns the key, its team, limits and current rate-limit state', async () => {
    const team = await seed.team({ tpm: 10_000 });
    const key = await seed.key(team, { rpm: 10, model_allowlist: ['fake/*'] });
    await call(key.secret);
    const response = await get(key.secret, '/v1/key');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('10');
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      id: key.id,
      role: 'member',
      team: { id: team },
      limits: {
        key: { rpm: 10, tpm: null, max_concurrent: null },
        team: { rpm: null, tpm: 10_000, max_concurrent: null },
      },
      model_allowlists: [['fake/*']],
      free_only: false,
    });
    const rateLimit = data.rate_limit as { scope: string; remaining_requests: number | null }[];
    expect(rateLimit.find((state) => state.scope === `key:${key.id}`)?.remaining_requests).toBe(9);
  });
});

describe('an unreachable Redis', () => {
  it('fails open by default: admits, counts it on /metrics', async () => {
    const deadRedis = redisClient('redis://127.0.0.1:1');
    const open = await startGateway({}, deadRedis);
    const key = await seed.key(await seed.team(), { rpm: 1 });
    for (let index = 0; index < 3; index += 1) {
      expect((await call(key.secret, {}, { url: open.url })).status).toBe(200);
    }
    const metrics = await (await fetch(`${open.url}/metrics`)).text();
    expect(metrics).toMatch(/switchyard_rate_limit_degraded_total\{fail_mode="open"[^}]*\} 3/);
    expect(metrics).toMatch(/switchyard_rate_limit_store_errors_total\{[^}]*\} [1-9]/);
  });

  it('fails closed when configured: 503', async () => {
    const closed = await startGateway(
      { rateLimitFailMode: 'closed' },
      redisClient('redis://127.0.0.1:1'),
    );
    const key = await seed.key(await seed.team(), { rpm: 1 });
    const response = await call(key.secret, {}, { url: closed.url });
    expect(response.status).toBe(503);
    expect((await errorOf(response)).code).toBe('service_unavailable');
  });
});
