import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// The ledger's identity and attribution through the distributed services (gateway and
// accounting processes, Postgres, NATS): a caller's reused x-request-id never merges or hides
// requests, and an upstream failure is counted against the provider and credential that failed.

const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
let fake: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let database: Database;
let accounting: RunningService;
let gateway: RunningService;
let teamA = '';
let keyA = '';
let keyB = '';

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: ['sk-fake-ledger'] });
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  const shared = {
    DATABASE_URL: fresh.url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
  };
  accounting = await startService('accounting', shared);
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-e2e-ledger-')), 'sy.yaml');
  const price = 'pricing: { prompt: "0.000001", completion: "0.000002" }';
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "${fake.url}", keys: [sk-fake-ledger] }
models:
  - { id: fake/chat, context_length: 8192, ${price} }
  - { id: fake/error-500, context_length: 8192, ${price} }
`,
  );
  gateway = await startService('gateway', { ...shared, SWITCHYARD_CONFIG: configFile });
  database = createDatabase({ url: fresh.url });
  teamA = (await admin<{ id: string }>('POST', '/teams', { name: 'team-a' })).id;
  const teamB = (await admin<{ id: string }>('POST', '/teams', { name: 'team-b' })).id;
  keyA = (await admin<{ secret: string }>('POST', '/keys', { name: 'a', team_id: teamA })).secret;
  keyB = (await admin<{ secret: string }>('POST', '/keys', { name: 'b', team_id: teamB })).secret;
}, 90_000);

afterAll(async () => {
  await Promise.all([gateway?.stop(), accounting?.stop()]);
  await database?.close();
  await fake?.close();
  await fresh?.drop();
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

const chat = (key: string, model: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'count me' }] }),
  });

/** Ledger rows in Postgres that carried the caller's id `clientId`. */
async function rowsCarrying(clientId: string) {
  return database.db
    .selectFrom('accounting.usage_events')
    .selectAll()
    .where('client_request_id', '=', clientId)
    .execute();
}

describe('the ledger’s identity and attribution', () => {
  it('keeps every request with a reused x-request-id as a row of its own, for every team', async () => {
    const gatewayIds: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await chat(keyA, 'fake/chat', { 'x-request-id': 'same-id-1' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('same-id-1');
      gatewayIds.push(response.headers.get('x-switchyard-request-id') ?? '');
      await response.text();
    }
    const other = await chat(keyB, 'fake/chat', { 'x-request-id': 'same-id-1' });
    expect(other.status).toBe(200);
    const otherId = other.headers.get('x-switchyard-request-id') ?? '';
    await other.text();
    expect(new Set([...gatewayIds, otherId]).size).toBe(6);

    await expect
      .poll(async () => (await rowsCarrying('same-id-1')).length, { timeout: 15_000 })
      .toBe(6);
    const rows = await rowsCarrying('same-id-1');
    expect(rows.map((row) => row.request_id).sort()).toEqual([...gatewayIds, otherId].sort());

    // The other team reads its own request by the gateway's id.
    const generation = await fetch(`${gateway.origin}/v1/generation?id=${otherId}`, {
      headers: { authorization: `Bearer ${keyB}` },
    });
    expect(generation.status).toBe(200);
    expect(((await generation.json()) as { data: Record<string, unknown> }).data).toMatchObject({
      id: otherId,
      client_request_id: 'same-id-1',
      status: 200,
    });
    const search = await admin<{ data: { request_id: string }[] }>(
      'GET',
      '/requests?client_request_id=same-id-1',
    );
    expect(search.data).toHaveLength(6);
    const summary = await admin<{ totals: { requests: number } }>(
      'GET',
      `/usage/summary?team_id=${teamA}`,
    );
    expect(summary.totals.requests).toBe(5);
  }, 60_000);

  it('attributes a 502 after an upstream 500 to the provider, model and credential that failed', async () => {
    const response = await chat(keyA, 'fake/error-500', { 'x-request-id': 'failing-1' });
    expect(response.status).toBe(502);
    expect(response.headers.get('x-switchyard-attempts')).toBe('1');
    await response.text();

    await expect
      .poll(async () => (await rowsCarrying('failing-1')).length, { timeout: 15_000 })
      .toBe(1);
    const found = await admin<{ data: Record<string, unknown>[] }>(
      'GET',
      '/requests?provider=fake&status=5xx',
    );
    expect(found.data).toHaveLength(1);
    expect(found.data[0]).toMatchObject({
      request_id: response.headers.get('x-switchyard-request-id'),
      client_request_id: 'failing-1',
      status: 502,
      provider: 'fake',
      model: 'fake/error-500',
      upstream_model: 'error-500',
      credential_id: expect.stringMatching(/^fake:/),
      attempts: 1,
      cost_usd: null,
    });
    const credentials = await admin<{ data: Record<string, unknown>[] }>(
      'GET',
      '/usage/credentials',
    );
    expect(credentials.data).toContainEqual(
      expect.objectContaining({
        provider: 'fake',
        credential_id: found.data[0]?.credential_id,
        errors: 1,
      }),
    );
  }, 60_000);
});
