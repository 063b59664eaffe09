import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@switchyard/db';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import type { ManagedProcess } from './managed-process.js';
import { type NatsProcess, startNatsProcess } from './start-nats-process.js';
import { type PostgresProcess, startPostgresProcess } from './start-postgres-process.js';
import { type RedisProcess, startRedisProcess } from './start-redis-process.js';
import { type ServiceProcess, startServiceProcess } from './start-service-process.js';

/** Options of {@link startFaultCluster}. */
export interface FaultClusterOptions {
  /** Extra environment of gateway `index` (0 or 1), over the defaults. */
  gatewayEnv?: (index: number, directory: string) => Record<string, string>;
  /** Extra environment of accounting, over the defaults. */
  accountingEnv?: Record<string, string>;
}

/** Two gateways, accounting, and their private Redis, Postgres and NATS, all on loopback. */
export interface FaultCluster {
  readonly redis: RedisProcess;
  readonly postgres: PostgresProcess;
  readonly nats: NatsProcess;
  readonly accounting: ServiceProcess;
  readonly gateways: readonly [ServiceProcess, ServiceProcess];
  readonly fake: FakeOpenAI;
  /** Read-only use of the ledger (`accounting.usage_events`). */
  readonly database: Database;
  readonly masterKey: string;
  /** Calls accounting's admin API with the master key; throws on a non-2xx answer. */
  admin<T>(path: string, body?: unknown, method?: string): Promise<T>;
  /** Stops every process (SIGKILL after a short grace) and removes the temp directory. */
  close(): Promise<void>;
}

const PRICE = 'pricing: { prompt: "0.000001", completion: "0.000002" }';

function writeGatewayConfig(directory: string, fakeUrl: string): string {
  const file = join(directory, 'switchyard.yaml');
  writeFileSync(
    file,
    `server: { shutdown_grace_ms: 3000 }
upstream: { connect_timeout_ms: 1000, first_byte_timeout_ms: 3000, idle_timeout_ms: 3000, request_timeout_ms: 10000 }
providers:
  - { name: fake, type: openai-compatible, base_url: "${fakeUrl}", keys: [sk-fake-fault] }
models:
  - { id: fake/chat, context_length: 8192, ${PRICE} }
`,
  );
  return file;
}

/**
 * Starts the distributed deployment on private infrastructure so a test may stop, restart or
 * kill any piece without touching the machine's shared Redis/Postgres/NATS.
 */
export async function startFaultCluster(options: FaultClusterOptions = {}): Promise<FaultCluster> {
  const root = await mkdtemp(join(tmpdir(), 'switchyard-fault-'));
  // Postgres runs as its own user when the suite runs as root: it must reach its directory.
  chmodSync(root, 0o755);
  const directory = (name: string) => {
    const path = join(root, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const started: ManagedProcess[] = [];
  let fake: FakeOpenAI | undefined;
  let database: Database | undefined;
  const close = async () => {
    await Promise.all(started.reverse().map((process) => process.stop(3_000)));
    await database?.close().catch(() => undefined);
    await fake?.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const track = <T extends ManagedProcess>(process: T): T => {
      started.push(process);
      return process;
    };
    const [redis, nats, postgres] = await Promise.all([
      startRedisProcess(directory('redis')).then(track),
      startNatsProcess(directory('nats')).then(track),
      startPostgresProcess(directory('postgres')).then(track),
    ]);
    fake = await startFakeOpenAI();
    const masterKey = `sk-sy-fault-${randomBytes(8).toString('hex')}`;
    const shared = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      NATS_URL: nats.url,
      SWITCHYARD_KEY_PEPPER: 'fault-pepper-0123456789abcdef',
      SWITCHYARD_MASTER_KEY: masterKey,
      SWITCHYARD_NATS_NAMESPACE: 'fault',
    };
    const accounting = track(
      await startServiceProcess('accounting', { ...shared, ...options.accountingEnv }),
    );
    const configFile = writeGatewayConfig(directory('config'), fake.url);
    const startGateway = (index: number) => {
      const own = directory(`gateway-${index}`);
      return startServiceProcess(
        'gateway',
        {
          ...shared,
          SWITCHYARD_CONFIG: configFile,
          // The durable usage spool (issue 14); ignored by a gateway without one.
          SWITCHYARD_USAGE_SPOOL_DIR: join(own, 'spool'),
          ...options.gatewayEnv?.(index, own),
        },
        `gateway-${index}`,
      ).then(track);
    };
    const gateways = (await Promise.all([startGateway(0), startGateway(1)])) as [
      ServiceProcess,
      ServiceProcess,
    ];
    database = createDatabase({ url: postgres.url });
    const admin = async <T>(path: string, body?: unknown, method?: string): Promise<T> => {
      const response = await fetch(`${accounting.origin}/admin/v1${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`admin ${path}: ${response.status} ${text}`);
      return JSON.parse(text) as T;
    };
    return {
      redis,
      postgres,
      nats,
      accounting,
      gateways,
      fake,
      database,
      masterKey,
      admin,
      close,
    };
  } catch (error: unknown) {
    await close();
    throw error;
  }
}
