import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTcpProxy, type TcpProxy } from '@switchyard/bus';
import { createDatabase, type Database } from '@switchyard/db';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './support/start-service.js';

// The usage pipeline end to end, with real processes: every request that passed authentication
// is exactly one ledger row, through an accounting crash and a 30-second NATS outage.
const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const TOTAL = 2_000;
let fake: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let database: Database;
let proxy: TcpProxy;
let accountingEnv: Record<string, string>;
let accounting: RunningService;
let gateway: RunningService;
let keySecret = '';

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  const natsUrl = (await useNats()).url;
  proxy = await startTcpProxy(natsUrl);
  const shared = {
    DATABASE_URL: fresh.url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
  };
  accountingEnv = { ...shared, NATS_URL: natsUrl };
  accounting = await startService('accounting', accountingEnv);
  const configFile = join(
    await mkdtemp(join(tmpdir(), 'switchyard-e2e-usage-')),
    'switchyard.yaml',
  );
  const price = 'pricing: { prompt: "0.000001", completion: "0.000002" }';
  writeFileSync(
    configFile,
    `upstream: { connect_timeout_ms: 1000, first_byte_timeout_ms: 2000, idle_timeout_ms: 2000, request_timeout_ms: 10000 }
providers:
  - { name: fake, type: openai-compatible, base_url: "${fake.url}", keys: [sk-fake] }
models:
  - { id: fake/chat, context_length: 8192, ${price} }
  - { id: fake/slow-stream-300, context_length: 8192, ${price} }
  - { id: fake/error-500, context_length: 8192, ${price} }
`,
  );
  // The gateway reaches NATS through a proxy the test can cut.
  gateway = await startService('gateway', {
    ...shared,
    NATS_URL: proxy.url,
    SWITCHYARD_CONFIG: configFile,
    LOG_LEVEL: 'info',
  });
  database = createDatabase({ url: fresh.url });
  const team = await admin<{ id: string }>('/teams', { name: 'usage' });
  keySecret = (await admin<{ secret: string }>('/keys', { name: 'load', team_id: team.id })).secret;
}, 90_000);

afterAll(async () => {
  await Promise.all([gateway?.stop(), accounting?.stop()]);
  await proxy?.close();
  await database?.close();
  await fake?.close();
  await fresh?.drop();
});

async function admin<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${accounting.origin}/admin/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

interface Sent {
  /** The x-request-id the test sent: the ledger's client_request_id. */
  id: string;
  /** The gateway's own id of the request, when a response came back. */
  gatewayId?: string | undefined;
  status: number;
  usage?: { prompt_tokens: number; completion_tokens: number; cost: number };
}

/** Request `index` of the mix: JSON, streams, upstream errors, bad input, disconnects. */
async function send(index: number): Promise<Sent> {
  const id = `nl-${index}-${randomBytes(4).toString('hex')}`;
  const kind = index % 20;
  const stream = kind >= 12 && kind <= 15;
  const abandon = kind === 18;
  const body: Record<string, unknown> = {
    model: kind === 16 ? 'fake/error-500' : abandon ? 'fake/slow-stream-300' : 'fake/chat',
    messages: [{ role: 'user', content: `request ${index}` }],
    ...(stream && { stream: true, stream_options: { include_usage: true } }),
    ...(abandon && { stream: true }),
    ...(kind === 17 && { temperature: 5 }),
  };
  const controller = new AbortController();
  if (abandon) setTimeout(() => controller.abort(), 150);
  try {
    const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${keySecret}`,
        'content-type': 'application/json',
        'x-request-id': id,
      },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const text = await response.text();
    const gatewayId = response.headers.get('x-switchyard-request-id') ?? undefined;
    if (response.status !== 200) return { id, gatewayId, status: response.status };
    if (!stream) return { id, gatewayId, status: 200, usage: JSON.parse(text).usage };
    const last = text
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice(6)))
      .findLast((chunk) => chunk.usage);
    return { id, gatewayId, status: 200, usage: last?.usage };
  } catch {
    return { id, status: 499 };
  }
}

async function sendRange(from: number, to: number, concurrency = 16): Promise<Sent[]> {
  const results: Sent[] = [];
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < to) {
        const index = next++;
        results[index - from] = await send(index);
      }
    }),
  );
  return results;
}

describe('usage pipeline: nothing lost', () => {
  it(`${TOTAL} mixed requests → exactly ${TOTAL} ledger rows, through an accounting crash and a 30 s NATS outage`, async () => {
    const sent: Sent[] = [];
    sent.push(...(await sendRange(0, 500)));

    // Accounting dies without a goodbye mid-load and comes back.
    accounting.process.kill('SIGKILL');
    await new Promise((resolve) => accounting.process.once('exit', resolve));
    sent.push(...(await sendRange(500, 1_000)));
    accounting = await startService('accounting', accountingEnv);

    // NATS unreachable from the gateway for 30 s: it keeps serving and buffers.
    proxy.cut();
    const cutAt = Date.now();
    sent.push(...(await sendRange(1_000, 1_500)));
    const metricsDuringOutage = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metricsDuringOutage).toMatch(/switchyard_usage_events_buffered\{[^}]*\} [1-9]/);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - cutAt))));
    proxy.restore();
    sent.push(...(await sendRange(1_500, TOTAL)));

    await expect
      .poll(
        async () => {
          const row = await database.db
            .selectFrom('accounting.usage_events')
            .select((eb) => eb.fn.countAll<string>().as('count'))
            .executeTakeFirstOrThrow();
          return Number(row.count);
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(TOTAL);

    const rows = await database.db.selectFrom('accounting.usage_events').selectAll().execute();
    // Found by the id the test sent, which the ledger keeps beside the gateway's own.
    const byId = new Map(rows.map((row) => [row.client_request_id, row]));
    expect(byId.size).toBe(TOTAL);
    const statuses = new Map<number, number>();
    for (const request of sent) {
      const row = byId.get(request.id);
      expect(row, request.id).toBeDefined();
      if (request.gatewayId !== undefined) expect(row?.request_id).toBe(request.gatewayId);
      statuses.set(Number(row?.status), (statuses.get(Number(row?.status)) ?? 0) + 1);
      if (request.status === 200 && request.usage) {
        expect(Number(row?.status)).toBe(200);
        expect(Number(row?.prompt_tokens)).toBe(request.usage.prompt_tokens);
        expect(Number(row?.completion_tokens)).toBe(request.usage.completion_tokens);
        expect(Number(row?.cost_usd)).toBeCloseTo(request.usage.cost, 12);
      }
      if (request.status === 400) expect(row?.error_code).toBe('invalid_request');
    }
    expect(statuses.get(200)).toBeGreaterThan(1_400);
    // The failing route's circuit opens after a few 502s: the rest are 503s, recorded too.
    expect((statuses.get(502) ?? 0) + (statuses.get(503) ?? 0)).toBe(100);
    expect(statuses.get(400)).toBe(100);
    // Every request the client abandoned is a 499, whatever point it had reached when it left.
    const abandoned = sent.filter((request) => request.status === 499);
    expect(
      abandoned
        .map((request) => ({ id: request.id, row: Number(byId.get(request.id)?.status) }))
        .filter(({ row }) => row !== 499),
    ).toEqual([]);
    // Each stream lasts ≥ 1.8 s upstream: an abort at 150 ms is always before its end.
    expect(abandoned).toHaveLength(100);
    expect(statuses.get(499)).toBe(100);

    // One request as the ledger has it, for the key that made it only.
    const served = sent.find((request) => request.status === 200 && request.usage);
    const generation = await fetch(`${gateway.origin}/v1/generation?id=${served?.gatewayId}`, {
      headers: { authorization: `Bearer ${keySecret}` },
    });
    expect(generation.status).toBe(200);
    const { data } = (await generation.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      id: served?.gatewayId,
      client_request_id: served?.id,
      model: 'fake/chat',
      provider_name: 'fake',
      status: 200,
      tokens_prompt: served?.usage?.prompt_tokens,
      total_cost: served?.usage?.cost,
    });
    const team = await admin<{ id: string }>('/teams', { name: 'other' });
    const other = await admin<{ secret: string }>('/keys', { name: 'other', team_id: team.id });
    const foreign = await fetch(`${gateway.origin}/v1/generation?id=${served?.gatewayId}`, {
      headers: { authorization: `Bearer ${other.secret}` },
    });
    expect(foreign.status).toBe(404);

    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(/switchyard_usage_events_dropped_total\{[^}]*\} 0\b/);
  }, 180_000);
});
