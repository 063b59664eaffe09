// Team keys through a Postgres outage, on real Redis, Postgres and NATS: the gateway reaches
// Postgres through a TCP proxy the test cuts (the shared Postgres server keeps running).
import { KEYS_CHANGED_SUBJECT, startTcpProxy, type TcpProxy } from '@switchyard/bus';
import { createDatabase, type Database } from '@switchyard/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bus,
  call,
  database,
  databaseUrl,
  errorOf,
  seed,
  sleep,
  startGateway,
  useAccessTestGateway,
} from './testing/access-test-gateway.js';
import { newKeySecret } from './testing/seed-keys.js';

useAccessTestGateway();

/** Short caches, so that the outage outlasts every TTL but the stale window (10 min default). */
const SHORT_CACHES = { keyCacheTtlMs: 200, sharedKeyCacheTtlMs: 300 };
const PAST_EVERY_TTL_MS = 500;

let proxy: TcpProxy;
let proxiedUrl: string;
const databases: Database[] = [];

beforeAll(async () => {
  proxy = await startTcpProxy(databaseUrl());
  const url = new URL(databaseUrl());
  // The proxy forwards bytes whatever the protocol; only its port is of use here.
  url.port = new URL(proxy.url).port;
  proxiedUrl = url.toString();
});

afterAll(async () => {
  // First the proxy: its closed sockets end the queries a stall left hanging.
  await proxy?.close();
  for (const database of databases) await database.close();
});

/** The gateway's pool to Postgres through the proxy. */
const proxiedDatabase = (options: { connectionTimeoutMs?: number } = {}): Database => {
  const opened = createDatabase({ url: proxiedUrl, ...options });
  databases.push(opened);
  return opened;
};

const metricOf = async (gatewayUrl: string, name: string): Promise<number> => {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  // Every sample carries the `service` label; the counters here have no other.
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
};

const revoke = async (key: { id: string; hash: string }, team: string): Promise<void> => {
  // Accounting's own connection still reaches Postgres; only the gateway's is cut.
  await database.db
    .updateTable('accounting.api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', key.id)
    .execute();
  await bus.broadcast(
    KEYS_CHANGED_SUBJECT,
    Buffer.from(JSON.stringify({ kind: 'key', id: key.id, team_id: team, key_hashes: [key.hash] })),
  );
};

describe('a Postgres outage', () => {
  it('keeps keys seen before working, applies revocations and expiry, 503s unknown keys', async () => {
    const proxied = proxiedDatabase({ connectionTimeoutMs: 1_000 });
    const gateway = await startGateway(SHORT_CACHES, undefined, proxied);
    const options = { url: gateway.url };
    const team = await seed.team();
    const seen = await seed.key(team);
    const toRevoke = await seed.key(team);
    const expiring = await seed.key(team, { expires_at: new Date(Date.now() + 4_000) });
    const pending = newKeySecret();
    for (const key of [seen, toRevoke, expiring]) {
      expect((await call(key.secret, {}, options)).status).toBe(200);
    }
    // Looked up while it does not exist: "no such key" must not outlive the outage.
    expect((await call(pending, {}, options)).status).toBe(401);

    proxy.cut();
    await sleep(PAST_EVERY_TTL_MS);

    expect((await call(seen.secret, {}, options)).status).toBe(200);
    await sleep(PAST_EVERY_TTL_MS);
    expect((await call(seen.secret, {}, options)).status).toBe(200);
    expect(await metricOf(gateway.url, 'switchyard_key_lookup_stale_total')).toBeGreaterThanOrEqual(
      2,
    );

    // A replica that never saw the key serves it from the copy in Redis.
    const other = await startGateway(SHORT_CACHES, undefined, proxied);
    expect((await call(seen.secret, {}, { url: other.url })).status).toBe(200);

    await revoke(toRevoke, team);
    await expect
      .poll(async () => (await call(toRevoke.secret, {}, options)).status, { timeout: 2_000 })
      .toBe(503);
    await sleep(PAST_EVERY_TTL_MS);
    expect((await call(toRevoke.secret, {}, options)).status).toBe(503);
    expect((await call(toRevoke.secret, {}, { url: other.url })).status).toBe(503);

    await expect
      .poll(async () => (await call(expiring.secret, {}, options)).status, { timeout: 8_000 })
      .toBe(401);

    const unknown = await call(newKeySecret(), {}, options);
    expect(unknown.status).toBe(503);
    expect((await errorOf(unknown)).code).toBe('service_unavailable');

    const created = await seed.key(team, { secret: pending });
    expect((await call(created.secret, {}, options)).status).toBe(503);

    proxy.restore();
    await expect
      .poll(async () => (await call(created.secret, {}, options)).status, { timeout: 3_000 })
      .toBe(200);
    expect((await call(toRevoke.secret, {}, options)).status).toBe(401);
    expect((await call(seen.secret, {}, options)).status).toBe(200);
  });

  it('serves a key seen before from its copy within a second when Postgres hangs', async () => {
    // The pool's default 5 s connection timeout: only the lookup's own patience answers sooner.
    const gateway = await startGateway(SHORT_CACHES, undefined, proxiedDatabase());
    const options = { url: gateway.url };
    const key = await seed.key(await seed.team());
    expect((await call(key.secret, {}, options)).status).toBe(200);

    proxy.stall();
    try {
      await sleep(PAST_EVERY_TTL_MS);
      const startedAt = Date.now();
      const response = await call(
        key.secret,
        {},
        { ...options, signal: AbortSignal.timeout(4_000) },
      );
      expect(response.status).toBe(200);
      expect(Date.now() - startedAt).toBeLessThan(3_000);

      // A key without a copy waits for Postgres 5 s at most, then 503 as when it refuses.
      const unknownAt = Date.now();
      const unknown = await call(
        newKeySecret(),
        {},
        { ...options, signal: AbortSignal.timeout(8_000) },
      );
      expect(unknown.status).toBe(503);
      expect(Date.now() - unknownAt).toBeLessThan(7_000);
    } finally {
      proxy.cut();
      proxy.restore();
    }
  });
});
