import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './support/start-service.js';

// The distributed deployment for real: accounting and two gateway processes sharing one
// Postgres, one Redis and one NATS, driven through HTTP only.
const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
let fake: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let accounting: RunningService;
let gateways: RunningService[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  const shared = {
    DATABASE_URL: fresh.url,
    REDIS_URL: (await useRedis()).url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    // This file's own subjects and streams on the shared NATS.
    SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
  };
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-e2e-keys-')), 'switchyard.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "${fake.url}", keys: [sk-fake] }
models:
  - { id: fake/chat, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: fake/slow-500, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`,
  );
  accounting = await startService('accounting', shared);
  gateways = await Promise.all(
    [1, 2].map(() => startService('gateway', { ...shared, SWITCHYARD_CONFIG: configFile })),
  );
}, 90_000);

afterAll(async () => {
  await Promise.all([...gateways, accounting].map((service) => service?.stop()));
  await fake?.close();
  await fresh?.drop();
});

async function admin<T>(
  path: string,
  body?: unknown,
  key = MASTER_KEY,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${accounting.origin}/admin/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function createKey(limits: Record<string, number>, role = 'member', extra: object = {}) {
  const team = await admin<{ id: string }>('/teams', {
    name: `team-${randomBytes(4).toString('hex')}`,
  });
  const key = await admin<{ id: string; secret: string }>('/keys', {
    name: 'service',
    team_id: team.body.id,
    role,
    limits,
    ...extra,
  });
  expect(key.status).toBe(201);
  return { teamId: team.body.id, ...key.body };
}

const chat = (gateway: RunningService, secret: string, body: object = {}) =>
  fetch(`${gateway.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'fake/chat',
      messages: [{ role: 'user', content: 'hi' }],
      ...body,
    }),
  });

describe('keys and limits across two gateway replicas', () => {
  it('admits exactly 60 of 200 concurrent requests for a key with RPM 60, spread over both', async () => {
    const key = await createKey({ rpm: 60 });
    // Warm both gateways' key caches without spending the limit (GET /v1/key charges nothing).
    for (const gateway of gateways) {
      const warm = await fetch(`${gateway.origin}/v1/key`, {
        headers: { authorization: `Bearer ${key.secret}` },
      });
      expect(warm.status).toBe(200);
    }
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const gateway = gateways[index % 2] as RunningService;
        return (await chat(gateway, key.secret)).status;
      }),
    );
    const elapsedMs = performance.now() - started;
    const admitted = statuses.filter((status) => status === 200).length;
    expect(statuses.filter((status) => status === 429)).toHaveLength(200 - admitted);
    // GCRA refills one request a second: a burst over within a second gets exactly 60; on a
    // machine so loaded the burst took longer, each further second may let exactly one more in.
    const refills = Math.floor(elapsedMs / 1_000);
    for (const gateway of gateways) {
      const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
      expect(metrics, 'no request may pass unchecked').not.toMatch(/rate_limit_degraded_total\{/);
    }
    expect(admitted).toBeGreaterThanOrEqual(60);
    expect(admitted).toBeLessThanOrEqual(60 + refills);
  });

  it('a revoked key is refused by both gateways within 2 s', async () => {
    const key = await createKey({});
    const clients = gateways.map(
      (gateway) =>
        new OpenAI({ baseURL: `${gateway.origin}/v1`, apiKey: key.secret, maxRetries: 0 }),
    );
    for (const client of clients) {
      const completion = await client.chat.completions.create({
        model: 'fake/chat',
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(completion.choices[0]?.message.content).toBeTruthy();
    }
    const revoked = await admin(`/keys/${key.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    const revokedAt = performance.now();
    const refusedAfter = await Promise.all(
      clients.map(async (client) => {
        for (;;) {
          const error = await client.chat.completions
            .create({ model: 'fake/chat', messages: [{ role: 'user', content: 'hi' }] })
            .then(
              () => undefined,
              (failure: unknown) => failure,
            );
          if (error instanceof OpenAI.AuthenticationError) return performance.now() - revokedAt;
          if (performance.now() - revokedAt > 5_000) throw new Error('still admitted after 5 s');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    );
    for (const delay of refusedAfter) expect(delay).toBeLessThan(2_000);
  });

  it('a limit change reaches both gateways within 2 s', async () => {
    const key = await createKey({ rpm: 1_000 });
    for (const gateway of gateways) expect((await chat(gateway, key.secret)).status).toBe(200);
    const patched = await fetch(`${accounting.origin}/admin/v1/keys/${key.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model_allowlist: ['anthropic/*'] }),
    });
    expect(patched.status).toBe(200);
    for (const gateway of gateways) {
      await expect
        .poll(async () => (await chat(gateway, key.secret)).status, { timeout: 2_000 })
        .toBe(403);
    }
  });

  it('roles: a member cannot use the admin API, a team_admin cannot touch another team, bad input names its field', async () => {
    const member = await createKey({});
    expect((await admin('/keys', undefined, member.secret)).status).toBe(403);
    const teamAdmin = await createKey({}, 'team_admin');
    const other = await createKey({});
    const foreign = await admin('/keys', { name: 'x', team_id: other.teamId }, teamAdmin.secret);
    expect(foreign.status).toBe(403);
    const malformed = await admin<{ error: { param: string } }>('/keys', {
      name: 'x',
      team_id: member.teamId,
      limits: { rpm: -5 },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.param).toBe('limits.rpm');
  });

  it('50 concurrent requests over both gateways against a budget that affords 10: spend stays within it, then 402', async () => {
    // Each request reserves 9 prompt tokens × 1,000 + 16 × 2,000 = 41,000 nano-USD and really
    // costs at most 7 × 1,000 + 16 × 2,000 = 39,000: $0.00041 affords exactly ten at once.
    const key = await createKey({}, 'member', {
      budget: { limit_usd: '0.00041', period: 'total' },
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        const gateway = gateways[index % 2] as RunningService;
        const response = await chat(gateway, key.secret, {
          model: 'fake/slow-500',
          max_tokens: 16,
        });
        return {
          status: response.status,
          body: (await response.json()) as { error?: { limit_source?: string } },
        };
      }),
    );
    const admitted = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 402);
    expect(admitted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const response of refused)
      expect(response.body.error?.limit_source).toBe('in_flight_reservation');

    // Spend the rest one request at a time until the budget refuses. A request's hold is
    // released just after its answer is sent, so the next one (on the other replica) can still
    // meet it: near the limit that is a 402 in_flight_reservation, which passes once the hold is
    // released — the request is sent again then, as a client would.
    const spend = async (index: number) => {
      for (let attempt = 0; ; attempt += 1) {
        const response = await chat(gateways[index % 2] as RunningService, key.secret, {
          max_tokens: 16,
        });
        if (response.status !== 402 || attempt === 20) return response;
        const error = ((await response.clone().json()) as { error: { limit_source: string } })
          .error;
        if (error.limit_source !== 'in_flight_reservation') return response;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    let next = await spend(0);
    for (let index = 1; index < 60 && next.status === 200; index += 1) next = await spend(index);
    expect(next.status).toBe(402);
    const error = ((await next.json()) as { error: { code: string; limit_source: string } }).error;
    expect(error).toMatchObject({ code: 'budget_exceeded', limit_source: 'key_budget' });

    const state = await fetch(`${gateways[0]?.origin}/v1/key`, {
      headers: { authorization: `Bearer ${key.secret}` },
    });
    const { data } = (await state.json()) as {
      data: { budgets: { spent_usd: string; reserved_usd: string }[] };
    };
    expect(data.budgets[0]?.reserved_usd).toBe('0');
    expect(Number(data.budgets[0]?.spent_usd)).toBeGreaterThan(0.0003);
    expect(Number(data.budgets[0]?.spent_usd)).toBeLessThanOrEqual(0.00041);
  });
});
