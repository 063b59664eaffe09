import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
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

// A gateway killed with SIGKILL while NATS is unreachable: the usage of every request it
// completed waits in its spool directory and reaches the ledger once it is started again.
const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const FSYNC_MS = 50;
let fake: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let database: Database;
let proxy: TcpProxy;
let accounting: RunningService;
let gateway: RunningService;
let gatewayEnv: Record<string, string>;
let spoolDir = '';
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
  accounting = await startService('accounting', { ...shared, NATS_URL: natsUrl });
  const directory = await mkdtemp(join(tmpdir(), 'switchyard-e2e-spool-'));
  spoolDir = join(directory, 'spool');
  const configFile = join(directory, 'switchyard.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "${fake.url}", keys: [sk-fake] }
models:
  - { id: fake/chat, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`,
  );
  gatewayEnv = {
    ...shared,
    NATS_URL: proxy.url,
    SWITCHYARD_CONFIG: configFile,
    SWITCHYARD_USAGE_SPOOL_DIR: spoolDir,
    SWITCHYARD_USAGE_SPOOL_FSYNC_MS: String(FSYNC_MS),
  };
  gateway = await startService('gateway', gatewayEnv);
  database = createDatabase({ url: fresh.url });
  const team = await admin<{ id: string }>('/teams', { name: 'spool' });
  keySecret = (await admin<{ secret: string }>('/keys', { name: 'spool', team_id: team.id }))
    .secret;
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

/** Sends requests `from`..`to` and returns the ids of those completed with a 200. */
async function completed(from: number, to: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = from; index < to; index += 8) {
    const batch = Array.from({ length: Math.min(8, to - index) }, async (_, offset) => {
      const id = `spool-${index + offset}-${randomBytes(4).toString('hex')}`;
      const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${keySecret}`,
          'content-type': 'application/json',
          'x-request-id': id,
        },
        body: JSON.stringify({ model: 'fake/chat', messages: [{ role: 'user', content: 'hi' }] }),
      });
      await response.text();
      if (response.status === 200) ids.push(id);
    });
    await Promise.all(batch);
  }
  return ids;
}

async function ledgerIds(): Promise<string[]> {
  const rows = await database.db
    .selectFrom('accounting.usage_events')
    .select('client_request_id')
    .execute();
  return rows.map((row) => String(row.client_request_id));
}

describe('usage spool', () => {
  it('puts every request a gateway completed before a kill -9 during a NATS outage in the ledger', async () => {
    const before = await completed(0, 20);
    expect(before).toHaveLength(20);
    await expect.poll(async () => (await ledgerIds()).length, { timeout: 30_000 }).toBe(20);

    proxy.cut();
    const during = await completed(20, 120);
    expect(during).toHaveLength(100);
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(/switchyard_usage_events_buffered\{[^}]*\} 100\b/);
    // The documented window: what completed more than one fsync interval before the kill.
    await new Promise((resolve) => setTimeout(resolve, FSYNC_MS * 4));
    gateway.process.kill('SIGKILL');
    await new Promise((resolve) => gateway.process.once('exit', resolve));
    expect((await readdir(spoolDir)).some((name) => name.endsWith('.spool'))).toBe(true);

    proxy.restore();
    gateway = await startService('gateway', gatewayEnv);
    await expect
      .poll(async () => (await ledgerIds()).length, { timeout: 60_000, interval: 250 })
      .toBe(120);
    const ids = await ledgerIds();
    expect(new Set(ids).size).toBe(120);
    for (const id of [...before, ...during]) expect(ids).toContain(id);

    const after = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(after).toMatch(/switchyard_usage_spool_replayed_total\{[^}]*\} 100\b/);
    expect(gateway.output()).toMatch(/"replayed":100.*republishing events a previous process/);
  }, 120_000);
});
