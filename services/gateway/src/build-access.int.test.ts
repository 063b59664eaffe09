import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Bus,
  connectNatsBus,
  KEYS_CHANGED_SUBJECT,
  USAGE_STREAM,
  USAGE_SUBJECTS,
  withNamespace,
} from '@switchyard/bus';
import { loadConfig } from '@switchyard/config';
import { createDatabase, type Database, migrateToLatest } from '@switchyard/db';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayApp } from './app.js';
import type { GatewayAccessConfig } from './config.js';
import { seedKeys } from './testing/seed-keys.js';

const MASTER_KEY = 'sk-sy-int-master';
const PEPPER = 'int-test-pepper-0123456789';
const MODELS = [
  'fake/chat',
  'fake/other',
  'fake/slow-1000',
  'fake/slow-stream-200',
  'fake/gift:free',
  'spare/chat',
];

let fresh: FreshPostgresDatabase;
let database: Database;
let redisUrl: string;
let nats: Bus;
let bus: Bus;
let fake: FakeOpenAI;
let configFile: string;
const redisClients: Redis[] = [];
const gateways: GatewayApp[] = [];
let seed: ReturnType<typeof seedKeys>;
let gateway: { url: string; app: GatewayApp };

/** A client as the gateway makes it: commands fail at once while disconnected. */
function redisClient(url: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  redisClients.push(client);
  return client;
}

async function connectedRedis(): Promise<Redis> {
  const client = redisClient(redisUrl);
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

async function startGateway(
  access: Partial<GatewayAccessConfig> = {},
  givenRedis?: Redis,
): Promise<{ url: string; app: GatewayApp }> {
  const redis = givenRedis ?? (await connectedRedis());
  const config = loadConfig({
    env: { LOG_LEVEL: 'silent', SWITCHYARD_CONFIG: configFile, FAKE_URL: fake.url },
  });
  const app = buildGatewayApp(
    {
      ...config,
      masterKey: MASTER_KEY,
      access: {
        databaseUrl: fresh.url,
        redisUrl,
        natsUrl: undefined,
        natsNamespace: undefined,
        encryptionKey: undefined,
        previousEncryptionKeys: [],
        keyPepper: PEPPER,
        rateLimitFailMode: 'open',
        limitStoreTimeoutMs: 1_000,
        usageBufferMax: 1_000,
        usageDrainTimeoutMs: 1_000,
        requestLogMaxBytes: 65_536,
        requestLogBufferMax: 1_000,
        keyCacheTtlMs: 5_000,
        sharedKeyCacheTtlMs: 10_000,
        ...access,
      },
    },
    { stores: { db: database.db, redis, bus } },
  );
  gateways.push(app);
  const origin = await app.app.listen({ host: '127.0.0.1', port: 0 });
  return { url: origin, app };
}

beforeAll(async () => {
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  database = createDatabase({ url: fresh.url });
  await migrateToLatest(database.db, 'accounting');
  redisUrl = (await useRedis()).url;
  nats = await connectNatsBus({ url: (await useNats()).url, name: 'gateway-access-test' });
  // A namespace of its own: no other test file sees this file's key changes or usage events.
  bus = withNamespace(nats, `t${randomBytes(5).toString('hex')}`);
  await bus.ensureStream({ name: USAGE_STREAM, subjects: [USAGE_SUBJECTS] });
  fake = await startFakeOpenAI();
  const directory = await mkdtemp(join(tmpdir(), 'switchyard-access-'));
  configFile = join(directory, 'switchyard.yaml');
  const price = 'pricing: { prompt: "0.000001", completion: "0.000002" }';
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "\${FAKE_URL}", keys: [sk-fake] }
  - { name: spare, type: openai-compatible, base_url: "\${FAKE_URL}", keys: [sk-fake] }
models:
  - { id: fake/chat, context_length: 8192, ${price} }
  - { id: fake/other, context_length: 8192, ${price} }
  - { id: fake/slow-1000, context_length: 8192, ${price} }
  - { id: fake/slow-stream-200, context_length: 8192, ${price} }
  - { id: fake/gift:free, context_length: 8192, pricing: { prompt: "0", completion: "0" } }
  - { id: spare/chat, context_length: 8192, ${price} }
`,
  );
  seed = seedKeys(database.db, PEPPER);
  gateway = await startGateway();
});

afterAll(async () => {
  for (const app of gateways) {
    app.app.server.closeAllConnections();
    await app.app.close();
  }
  for (const client of redisClients) client.disconnect();
  await nats?.close();
  await fake?.close();
  await database?.close();
  await fresh?.drop();
});

const call = (
  secret: string,
  body: Record<string, unknown> = {},
  options: { url?: string; signal?: AbortSignal } = {},
) =>
  fetch(`${options.url ?? gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'fake/chat',
      messages: [{ role: 'user', content: 'hi' }],
      ...body,
    }),
    ...(options.signal && { signal: options.signal }),
  });

const get = (secret: string, path: string) =>
  fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${secret}` } });

async function errorOf(
  response: Response,
): Promise<{ code: string; message: string; param: unknown }> {
  const body = (await response.json()) as {
    error: { code: string; message: string; param: unknown };
  };
  return body.error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

describe('rate limits', () => {
  it('carries x-ratelimit headers and refuses past the key RPM with 429 and retry-after', async () => {
    const key = await seed.key(await seed.team(), { rpm: 3 });
    const remaining: (string | null)[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await call(key.secret);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
      remaining.push(response.headers.get('x-ratelimit-remaining-requests'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await call(key.secret);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe('rate_limit_exceeded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it('applies team limits on top of key limits', async () => {
    const team = await seed.team({ rpm: 2 });
    const first = await seed.key(team, { rpm: 100 });
    const second = await seed.key(team, { rpm: 100 });
    expect((await call(first.secret)).status).toBe(200);
    expect((await call(second.secret)).status).toBe(200);
    const refused = await call(first.secret);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).message).toContain("team's");
  });

  it('applies a per-model limit to that model only', async () => {
    const key = await seed.key(await seed.team(), {
      per_model_limits: { 'fake/other': { rpm: 1 } },
    });
    expect((await call(key.secret, { model: 'fake/other' })).status).toBe(200);
    expect((await call(key.secret, { model: 'fake/other' })).status).toBe(429);
    expect((await call(key.secret, { model: 'fake/chat' })).status).toBe(200);
  });

  it('refuses once reserved tokens spend the TPM limit and admits again as the window moves', async () => {
    // 1,000 tokens a second: ~1,000-token requests spend it in about 60 calls, and one fits
    // again about a second after the refusal.
    const key = await seed.key(await seed.team(), { tpm: 60_000 });
    const prompt = 'word '.repeat(1_000);
    let refused: Response | undefined;
    for (let index = 0; index < 200 && refused === undefined; index += 1) {
      const response = await call(key.secret, { messages: [{ role: 'user', content: prompt }] });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    if (refused === undefined) throw new Error('the TPM limit never refused');
    expect((await errorOf(refused)).code).toBe('rate_limit_exceeded');
    expect(refused.headers.get('x-ratelimit-limit-tokens')).toBe('60000');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    await sleep(retryAfter * 1000);
    expect((await call(key.secret, { messages: [{ role: 'user', content: prompt }] })).status).toBe(
      200,
    );
  });

  it('holds concurrency to its limit at the upstream and frees every slot, also after disconnects', async () => {
    const key = await seed.key(await seed.team(), { max_concurrent: 3 });
    fake.reset();
    const statuses = await Promise.all(
      Array.from(
        { length: 10 },
        async () => (await call(key.secret, { model: 'fake/slow-1000' })).status,
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    expect(fake.stats.peakActive).toBeLessThanOrEqual(3);

    const controllers = Array.from({ length: 3 }, () => new AbortController());
    const abandoned = controllers.map((controller) =>
      call(key.secret, { model: 'fake/slow-1000' }, { signal: controller.signal }).catch(
        () => undefined,
      ),
    );
    await sleep(200);
    expect((await call(key.secret)).status).toBe(429);
    for (const controller of controllers) controller.abort();
    await Promise.all(abandoned);
    await expect
      .poll(
        async () => {
          const state = (await (await get(key.secret, '/v1/key')).json()) as {
            data: { rate_limit: { remaining_concurrent: number | null }[] };
          };
          return state.data.rate_limit[0]?.remaining_concurrent;
        },
        { timeout: 2_000 },
      )
      .toBe(3);
    expect(fake.stats.peakActive).toBeLessThanOrEqual(3);
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

describe('budgets', () => {
  // fake/chat costs 1,000 nano-USD a prompt token and 2,000 a completion token; "hi" is
  // estimated at 9 prompt tokens, so a request reserves 9,000 + max_tokens × 2,000.
  it('clamps max_tokens to what the budget affords and says so in a header', async () => {
    const key = await seed.key(await seed.team(), {
      budget_usd: '0.000209',
      budget_period: 'total',
    });
    fake.reset();
    const response = await call(key.secret, { max_tokens: 500 });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-budget-max-tokens')).toBe('100');
    expect(fake.requests.at(-1)?.body).toMatchObject({ max_tokens: 100 });
  });

  it('refuses with 402 budget_exceeded naming the budget once not even a small answer fits', async () => {
    const key = await seed.key(await seed.team(), {
      budget_usd: '0.00005',
      budget_period: 'total',
    });
    const response = await call(key.secret, { max_tokens: 16 });
    expect(response.status, await response.clone().text()).toBe(200);
    const refused = await call(key.secret, { max_tokens: 16 });
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      type: 'insufficient_balance',
      code: 'budget_exceeded',
      limit_source: 'key_budget',
      resets_at: null,
    });
  });

  it('names the team budget and when it resets', async () => {
    const team = await seed.team({ budget_usd: '0.00001', budget_period: 'day' });
    const key = await seed.key(team, { budget_usd: '10', budget_period: 'month' });
    const refused = await call(key.secret);
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as { error: Record<string, unknown> };
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(body.error).toMatchObject({
      limit_source: 'team_budget',
      resets_at: midnight.toISOString(),
    });
  });

  it('shows spend, reservations and what remains on GET /v1/key', async () => {
    const key = await seed.key(await seed.team(), { budget_usd: '1', budget_period: 'month' });
    expect((await call(key.secret, { max_tokens: 4 })).status).toBe(200);
    await expect
      .poll(async () => {
        const { data } = (await (await get(key.secret, '/v1/key')).json()) as {
          data: { budgets: { spent_usd: string; reserved_usd: string }[] };
        };
        return data.budgets[0];
      })
      .toMatchObject({ reserved_usd: '0' });
    const { data } = (await (await get(key.secret, '/v1/key')).json()) as {
      data: { budgets: Record<string, string>[] };
    };
    const budget = data.budgets[0];
    expect(budget).toMatchObject({ limit_source: 'key_budget', period: 'month', limit_usd: '1' });
    // The fake's usage for "hi": 7 prompt tokens and 2 completion tokens → 7,000 + 4,000 nano-USD.
    expect(budget?.spent_usd).toBe('0.000011');
    expect(budget?.remaining_usd).toBe('0.999989');
  });

  it('settles a stream the client left to what it had received, not to its whole hold', async () => {
    const key = await seed.key(await seed.team(), { budget_usd: '1', budget_period: 'month' });
    const controller = new AbortController();
    const response = await call(
      key.secret,
      {
        model: 'fake/slow-stream-200',
        stream: true,
        max_tokens: 1_000,
        messages: [{ role: 'user', content: 'one two three four five six' }],
      },
      { signal: controller.signal },
    );
    const reader = response.body?.getReader();
    let received = '';
    while (!received.includes('Echo')) {
      const read = await reader?.read();
      if (read === undefined || read.done) break;
      received += new TextDecoder().decode(read.value);
    }
    controller.abort();
    const budgetOf = async () => {
      const { data } = (await (await get(key.secret, '/v1/key')).json()) as {
        data: { budgets: { spent_usd: string; reserved_usd: string }[] };
      };
      return data.budgets[0];
    };
    await expect.poll(budgetOf, { timeout: 5_000 }).toMatchObject({ reserved_usd: '0' });
    // The hold was over $0.002 (1,000 completion tokens at $2/M); the estimate of a prompt of
    // about 17 tokens and an answer of a few is a few hundredths of that.
    const spent = Number((await budgetOf())?.spent_usd);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThan(0.00005);
  });
});
