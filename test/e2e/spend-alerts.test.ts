import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatNanoUsd, parseUsd, toNanoUsd } from '@switchyard/contracts';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './support/start-service.js';

// Spend alerts through the distributed services (gateway and accounting processes, Postgres,
// NATS, Redis/BullMQ): a team budget crossing 80% and then 100% sends exactly one signed webhook
// each to the webhook configured in accounting's environment, the first retried after a 500.

const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const SECRET = `whsec-${randomBytes(12).toString('hex')}`;
let fake: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let accounting: RunningService;
let gateway: RunningService;
let receiver: Server;
const received: { headers: IncomingMessage['headers']; body: string; answered: number }[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = received.length === 0 ? 500 : 204;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString(), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  fake = await startFakeOpenAI({ apiKeys: ['sk-fake-alerts'] });
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  const shared = {
    DATABASE_URL: fresh.url,
    NATS_URL: (await useNats()).url,
    REDIS_URL: (await useRedis()).url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
  };
  accounting = await startService('accounting', {
    ...shared,
    SWITCHYARD_ALERT_WEBHOOK_URL: `http://127.0.0.1:${port}/alerts`,
    SWITCHYARD_ALERT_WEBHOOK_SECRET: SECRET,
    SWITCHYARD_ALERT_RETRY_BASE_MS: '200',
  });
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-e2e-alerts-')), 'sy.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "${fake.url}", keys: [sk-fake-alerts] }
models:
  - { id: fake/chat, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: fake/gift:free, context_length: 8192, pricing: { prompt: "0", completion: "0" } }
`,
  );
  gateway = await startService('gateway', { ...shared, SWITCHYARD_CONFIG: configFile });
}, 90_000);

afterAll(async () => {
  await Promise.all([gateway?.stop(), accounting?.stop()]);
  await fake?.close();
  await fresh?.drop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${accounting.origin}/admin/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function chat(key: string, model: string): Promise<number> {
  const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'spend' }], max_tokens: 8 }),
  });
  await response.text();
  return response.status;
}

/** The receiver's check, as docs/operations.md shows it. */
function verify(header: string, rawBody: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', SECRET).update(`${t}.${rawBody}`).digest('hex');
  const given = Buffer.from(parts.v1 ?? '');
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

describe('spend alerts', () => {
  it('sends one signed webhook for 80% and one for 100% of a team budget, retrying a 500', async () => {
    const team = await admin<{ id: string }>('POST', '/teams', {
      name: 'alerting',
      budget: { limit_usd: '1', period: 'total', alerts: { thresholds_percent: [80, 100] } },
    });
    const key = await admin<{ id: string; secret: string }>('POST', '/keys', {
      name: 'k',
      team_id: team.id,
    });
    // One paid request: its cost is what the budget is then set around.
    expect(await chat(key.secret, 'fake/chat')).toBe(200);
    let cost = '0';
    await expect
      .poll(
        async () => {
          const page = await admin<{ data: { cost_usd: string }[] }>(
            'GET',
            `/requests?key_id=${key.id}`,
          );
          cost = page.data[0]?.cost_usd ?? '0';
          return page.data.length;
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    const spent = toNanoUsd(parseUsd(cost));
    expect(spent).toBeGreaterThan(0n);

    // The spend is now exactly 80% of the budget: the change has it checked (and so does the
    // next usage the ledger sees, a free request here).
    await admin('PATCH', `/teams/${team.id}`, {
      budget: { limit_usd: formatNanoUsd((spent * 5n) / 4n), period: 'total' },
    });
    expect(await chat(key.secret, 'fake/gift:free')).toBe(200);
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    expect(received.map((request) => request.answered)).toEqual([500, 204]);
    expect(received[1]?.body).toBe(received[0]?.body);
    expect(received[1]?.headers['x-switchyard-delivery']).toBe(
      received[0]?.headers['x-switchyard-delivery'],
    );

    // 100%: the budget lowered to the spend; the next request is refused.
    await admin('PATCH', `/teams/${team.id}`, {
      budget: { limit_usd: formatNanoUsd(spent), period: 'total' },
    });
    expect(await chat(key.secret, 'fake/chat')).toBe(402);
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(3);

    // More usage sends nothing more.
    expect(await chat(key.secret, 'fake/gift:free')).toBeGreaterThanOrEqual(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(received).toHaveLength(3);

    const bodies = received.slice(1).map((request) => {
      expect(verify(String(request.headers['x-switchyard-signature']), request.body)).toBe(true);
      return JSON.parse(request.body) as Record<string, unknown>;
    });
    expect(bodies).toMatchObject([
      {
        type: 'budget.threshold_crossed',
        threshold_percent: 80,
        spent_usd: cost,
        budget: { scope: 'team', id: team.id, name: 'alerting', period: 'total' },
      },
      { type: 'budget.threshold_crossed', threshold_percent: 100, spent_usd: cost },
    ]);
    expect(
      verify(String(received[2]?.headers['x-switchyard-signature']), `${received[2]?.body} `),
    ).toBe(false);

    const log = await admin<{ data: { status: string; attempts: number }[] }>(
      'GET',
      `/alerts/deliveries?team_id=${team.id}`,
    );
    expect(log.data.map((row) => [row.status, row.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 2],
    ]);
    const keyInfo = await fetch(`${gateway.origin}/v1/key`, {
      headers: { authorization: `Bearer ${key.secret}` },
    });
    const { data } = (await keyInfo.json()) as {
      data: { budgets: { alerts: { threshold_percent: number }[] }[] };
    };
    expect(data.budgets[0]?.alerts.map((alert) => alert.threshold_percent)).toEqual([80, 100]);
  }, 90_000);
});
