import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
import { readImageConfig } from './support/read-image-config.js';
import { recordMeasurement } from './support/record-measurement.js';
import { type RunningContainer, startContainer } from './support/start-container.js';
import { testImage } from './support/test-image.js';
import { waitForReady } from './support/wait-for-ready.js';

// Every image test/images/run.sh built, booted as `docker run --network host` would run it
// (buildah run, chroot isolation), configured by env only, against this machine's Postgres,
// Redis and NATS and a fake OpenAI upstream: the distributed deployment end to end, then the
// standalone image on its own with a data volume.

const RUN = randomBytes(4).toString('hex');
const MASTER_KEY = `sk-sy-images-${randomBytes(12).toString('hex')}`;
const UPSTREAM_KEY = 'sk-fake-images-upstream';
const started: RunningContainer[] = [];
let fake: FakeOpenAI;
let database: FreshPostgresDatabase;
let shared: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [UPSTREAM_KEY] });
  database = await createFreshPostgresDatabase((await usePostgres()).url);
  shared = {
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // buildah run gives the entrypoint no PID namespace: tini reaps as a subreaper instead.
    TINI_SUBREAPER: '1',
    DATABASE_URL: database.url,
    REDIS_URL: (await useRedis()).url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_NATS_NAMESPACE: `images${RUN}`,
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_KEY_PEPPER: `images-pepper-${RUN}-0123456789`,
    SWITCHYARD_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    OPENAI_API_KEY: UPSTREAM_KEY,
    OPENAI_BASE_URL: fake.url,
    SWITCHYARD_CATALOG_OPENROUTER_URL: 'off',
  };
});

afterAll(async () => {
  for (const container of started.reverse()) await container.remove().catch(() => undefined);
  await fake?.close();
  await database?.drop();
});

/** Starts `service`'s image on a free port and waits for /readyz; returns its origin. */
async function boot(
  service: 'gateway' | 'accounting' | 'catalog' | 'console' | 'standalone',
  env: Record<string, string>,
  volumes: string[] = [],
): Promise<{ origin: string; container: RunningContainer; readyMs: number }> {
  const port = await freePort();
  const container = await startContainer(testImage(service), {
    name: `sy-images-${service}-${RUN}`,
    env: { ...env, PORT: String(port) },
    volumes,
  });
  started.push(container);
  const origin = `http://127.0.0.1:${port}`;
  const readyMs = await waitForReady(container, origin);
  recordMeasurement(`${service}.create_container_ms`, container.createMs, 'ms');
  recordMeasurement(`${service}.start_to_ready_ms`, readyMs, 'ms');
  return { origin, container, readyMs };
}

async function chat(origin: string, key: string): Promise<Response> {
  return fetch(`${origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hello from an image' }],
    }),
  });
}

describe('the service images, distributed', () => {
  let gateway: { origin: string; container: RunningContainer };
  let accounting: { origin: string; container: RunningContainer };

  it('runs compiled JavaScript with node, no tsx, as uid 10001 under tini', async () => {
    for (const service of ['gateway', 'accounting', 'catalog', 'console', 'standalone'] as const) {
      const config = await readImageConfig(testImage(service), 'image');
      expect(config.entrypoint, service).toEqual(['/usr/bin/tini', '--']);
      expect(config.command, service).toEqual(['node', 'dist/main.js']);
      expect(config.user, service).toBe('10001:10001');
      // Kept by the Docker format (the OCI format drops HEALTHCHECK).
      expect(config.healthcheck?.[0], service).toBe('CMD');
    }
  });

  it('applies every migration with the migrate image and exits 0', async () => {
    const migrate = await startContainer(testImage('migrate'), {
      name: `sy-images-migrate-${RUN}`,
      env: { DATABASE_URL: database.url, TINI_SUBREAPER: '1' },
    });
    started.push(migrate);
    const code = await migrate.exited;
    expect(code, migrate.output()).toBe(0);
    recordMeasurement('migrate.run_ms', Date.now() - migrate.startedAt, 'ms');
  });

  it('boots accounting, catalog, gateway and console to ready', async () => {
    let catalog: { origin: string };
    [accounting, catalog] = await Promise.all([
      boot('accounting', shared),
      boot('catalog', shared),
    ]);
    // Alone, so its cold start is not shared with another process's on two cores.
    gateway = await boot('gateway', shared);
    await boot('console', {
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TINI_SUBREAPER: '1',
      SWITCHYARD_ADMIN_URL: accounting.origin,
      SWITCHYARD_CATALOG_URL: catalog.origin,
      SWITCHYARD_GATEWAY_URL: gateway.origin,
    });
  });

  it('answers a chat completion through the gateway image and the accounting image writes its ledger row', async () => {
    const response = await chat(gateway.origin, MASTER_KEY);
    const body = await response.text();
    expect(response.status, body).toBe(200);
    expect(JSON.parse(body)).toMatchObject({
      model: 'openai/gpt-4o-mini',
      object: 'chat.completion',
    });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(fake.requests.some((request) => request.path === '/v1/chat/completions')).toBe(true);

    const deadline = Date.now() + 60_000;
    let entry: Response;
    do {
      entry = await fetch(`${accounting.origin}/admin/v1/requests/${requestId}`, {
        headers: { authorization: `Bearer ${MASTER_KEY}` },
      });
      if (entry.status !== 404) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } while (Date.now() < deadline);
    const ledger = await entry.text();
    expect(entry.status, ledger).toBe(200);
    expect(JSON.parse(ledger)).toMatchObject({
      request_id: requestId,
      status: 200,
      model: 'openai/gpt-4o-mini',
    });
  });

  it('drains and exits 0 on SIGTERM, as `docker stop` sends it', async () => {
    const stopStart = Date.now();
    expect(await gateway.container.stop('SIGTERM'), gateway.container.output()).toBe(0);
    recordMeasurement('gateway.sigterm_to_exit_ms', Date.now() - stopStart, 'ms');
  });
});

describe('the standalone image', () => {
  it('serves a chat completion with only OPENAI_API_KEY and its data in the /data volume', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'switchyard-images-data-'));
    // The image's user owns /data; a bind mount must be writable by it.
    chownSync(dataDirectory, 10001, 10001);
    try {
      const standalone = await boot(
        'standalone',
        {
          LOG_LEVEL: 'info',
          TINI_SUBREAPER: '1',
          HOST: '127.0.0.1',
          OPENAI_API_KEY: UPSTREAM_KEY,
          OPENAI_BASE_URL: fake.url,
          SWITCHYARD_CATALOG_OPENROUTER_URL: 'off',
        },
        [`${dataDirectory}:/data`],
      );
      // No key was configured: it generated one, kept it in the volume and printed it.
      const keyFile = join(dataDirectory, 'master-key');
      expect(existsSync(keyFile), standalone.container.output()).toBe(true);
      const key = /sk-sy-[A-Za-z0-9_-]{20,}/.exec(standalone.container.output())?.[0];
      expect(key, standalone.container.output()).toBeDefined();
      const response = await chat(standalone.origin, key ?? '');
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toMatchObject({ model: 'openai/gpt-4o-mini' });
      expect(readdirSync(dataDirectory).length).toBeGreaterThan(1);
      expect(await standalone.container.stop('SIGTERM'), standalone.container.output()).toBe(0);
    } finally {
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
