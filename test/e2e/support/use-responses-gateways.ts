import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@switchyard/db';
import {
  createFreshPostgresDatabase,
  type FakeAnthropic,
  type FakeGoogle,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeAnthropic,
  startFakeGoogle,
  startFakeOpenAI,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect } from 'vitest';
import { type RunningService, startService } from './start-service.js';

// The distributed gateway the Responses API e2e files run against: two gateway replicas sharing
// Redis, accounting on a fresh Postgres database and NATS, fake OpenAI, Anthropic and Gemini
// upstreams, and the official openai SDK pointed at each replica. Each file starts its own.

const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const OPENAI_KEY = 'sk-openai-upstream-0123456789';
const ANTHROPIC_KEY = 'sk-ant-upstream-0123456789';
const GOOGLE_KEY = 'AIzaSyFakeUpstreamKey0123456789abcdef';
const PRICE = 'pricing: { prompt: "0.000002", completion: "0.000008", cached_prompt: "0.0000005" }';
export const ROUTES = ['openai/gpt-test', 'anthropic/claude-test', 'google/gemini-test'] as const;

export let fakes: { openai: FakeOpenAI; anthropic: FakeAnthropic; google: FakeGoogle };
let fresh: FreshPostgresDatabase;
let database: Database;
let accounting: RunningService;
export let gateways: RunningService[] = [];
export let clients: OpenAI[] = [];
export let client: OpenAI;

/** Starts this file's fakes, accounting and two gateways before its tests, stops them after. */
export function useResponsesGateways(): void {
  beforeAll(async () => {
    const [openai, anthropic, google] = await Promise.all([
      startFakeOpenAI({ apiKeys: [OPENAI_KEY] }),
      startFakeAnthropic({ apiKeys: [ANTHROPIC_KEY] }),
      startFakeGoogle({ apiKeys: [GOOGLE_KEY] }),
    ]);
    fakes = { openai, anthropic, google };
    fresh = await createFreshPostgresDatabase((await usePostgres()).url);
    const shared = {
      DATABASE_URL: fresh.url,
      REDIS_URL: (await useRedis()).url,
      NATS_URL: (await useNats()).url,
      SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
    };
    const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-e2e-responses-')), 'sy.yaml');
    writeFileSync(
      configFile,
      `providers:
  - { name: openai, type: openai, base_url: "${openai.url}", keys: [${OPENAI_KEY}] }
  - { name: anthropic, type: anthropic, base_url: "${anthropic.url}", keys: [${ANTHROPIC_KEY}] }
  - { name: google, type: google, base_url: "${google.url}", keys: [${GOOGLE_KEY}] }
models:
  - { id: openai/gpt-test, upstream_model: gpt-test, context_length: 128000, max_output_tokens: 16384, ${PRICE} }
  - { id: anthropic/claude-test, upstream_model: claude-test, context_length: 200000, max_output_tokens: 8192, ${PRICE} }
  - { id: google/gemini-test, upstream_model: gemini-test, context_length: 1048576, max_output_tokens: 65536, ${PRICE} }
  - id: mixed/flaky
    context_length: 128000
    max_output_tokens: 8192
    routes:
      - { provider: openai, upstream_model: error-500, ${PRICE} }
      - { provider: anthropic, upstream_model: claude-test, ${PRICE} }
`,
    );
    accounting = await startService('accounting', shared);
    gateways = await Promise.all(
      [1, 2].map(() => startService('gateway', { ...shared, SWITCHYARD_CONFIG: configFile })),
    );
    clients = gateways.map(
      (gateway) =>
        new OpenAI({ baseURL: `${gateway.origin}/v1`, apiKey: MASTER_KEY, maxRetries: 0 }),
    );
    client = clients[0] as OpenAI;
    database = createDatabase({ url: fresh.url });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...gateways, accounting].map((service) => service?.stop()));
    await database?.close();
    await Promise.all(Object.values(fakes ?? {}).map((fake) => fake.close()));
    await fresh?.drop();
  });
}

/** The last request the route's upstream received. */
export function lastUpstream(model: string): { path: string; body: Record<string, unknown> } {
  const provider = model.split('/')[0] as keyof typeof fakes;
  return fakes[provider].requests.at(-1) as { path: string; body: Record<string, unknown> };
}

/** The ledger row of a request, once accounting has it. */
export async function ledgerRow(requestId: string) {
  await expect
    .poll(
      async () =>
        (
          await database.db
            .selectFrom('accounting.usage_events')
            .select('request_id')
            .where('request_id', '=', requestId)
            .execute()
        ).length,
      { timeout: 15_000 },
    )
    .toBe(1);
  return database.db
    .selectFrom('accounting.usage_events')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
}

/** Calls accounting's admin API with the master key; expects a success. */
export async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${accounting.origin}/admin/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}
