/** Shared set-up of the gateway's access integration tests (keys, rate limits, budgets). */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Bus,
  connectNatsBus,
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
import { afterAll, beforeAll } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';
import type { GatewayAccessConfig } from '../config.js';
import { seedKeys } from './seed-keys.js';

export const MASTER_KEY = 'sk-sy-int-master';
const PEPPER = 'int-test-pepper-0123456789';
export const MODELS = [
  'fake/chat',
  'fake/other',
  'fake/slow-1000',
  'fake/slow-stream-200',
  'fake/gift:free',
  'spare/chat',
];

let fresh: FreshPostgresDatabase;
export let database: Database;
let redisUrl: string;
let nats: Bus;
export let bus: Bus;
export let fake: FakeOpenAI;
let configFile: string;
const redisClients: Redis[] = [];
const gateways: GatewayApp[] = [];
export let seed: ReturnType<typeof seedKeys>;
let gateway: { url: string; app: GatewayApp };

/** A client as the gateway makes it: commands fail at once while disconnected. */
export function redisClient(url: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  redisClients.push(client);
  return client;
}

export async function connectedRedis(): Promise<Redis> {
  const client = redisClient(redisUrl);
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

/** The URL of this file's fresh database (to reach it through a proxy). */
export const databaseUrl = (): string => fresh.url;

export async function startGateway(
  access: Partial<GatewayAccessConfig> = {},
  givenRedis?: Redis,
  givenDatabase?: Database,
  now?: () => number,
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
        limitAllowanceShare: 0.01,
        limitAllowanceIdleMs: 1_000,
        usageBufferMax: 1_000,
        usageDrainTimeoutMs: 1_000,
        usageSpoolDir: undefined,
        usageSpoolFsyncMs: 100,
        usageSpoolMaxBytes: 268_435_456,
        requestLogMaxBytes: 65_536,
        requestLogBufferMax: 1_000,
        keyCacheTtlMs: 5_000,
        sharedKeyCacheTtlMs: 10_000,
        keyStaleTtlMs: 600_000,
        upstreamMaxConnections: 4_096,
        ...access,
      },
    },
    { stores: { db: (givenDatabase ?? database).db, redis, bus }, ...(now && { now }) },
  );
  gateways.push(app);
  const origin = await app.app.listen({ host: '127.0.0.1', port: 0 });
  return { url: origin, app };
}

/** More of `switchyard.yaml` for one test file (providers and models beside the fake ones). */
export interface ExtraConfig {
  /** YAML list items, each `  - { … }`. */
  providers: string;
  models: string;
}

/**
 * Registers this file's gateway: a fresh Postgres database with accounting's schema, Redis, a NATS
 * namespace of its own, a fake upstream and the distributed gateway on them, all stopped after.
 * `extra` is asked once the file's earlier `beforeAll` hooks ran (its own fakes are listening).
 */
export function useAccessTestGateway(extra?: () => ExtraConfig): void {
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
    const more = extra?.() ?? { providers: '', models: '' };
    writeFileSync(
      configFile,
      `providers:
  - { name: fake, type: openai-compatible, base_url: "\${FAKE_URL}", keys: [sk-fake] }
  - { name: spare, type: openai-compatible, base_url: "\${FAKE_URL}", keys: [sk-fake] }
${more.providers}
models:
  - { id: fake/chat, context_length: 8192, ${price} }
  - { id: fake/other, context_length: 8192, ${price} }
  - { id: fake/slow-1000, context_length: 8192, ${price} }
  - { id: fake/slow-stream-200, context_length: 8192, ${price} }
  - { id: fake/gift:free, context_length: 8192, pricing: { prompt: "0", completion: "0" } }
  - { id: spare/chat, context_length: 8192, ${price} }
${more.models}
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
}

export const call = (
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

export const get = (secret: string, path: string) =>
  fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${secret}` } });

export async function errorOf(
  response: Response,
): Promise<{ code: string; message: string; param: unknown }> {
  const body = (await response.json()) as {
    error: { code: string; message: string; param: unknown };
  };
  return body.error;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
