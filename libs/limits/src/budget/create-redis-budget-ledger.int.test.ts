import { useRedis } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimiterUnavailableError } from '../limiter-unavailable-error.js';
import { createRedisBudgetLedger } from './create-redis-budget-ledger.js';
import { describeBudgetLedgerContract } from './describe-budget-ledger-contract.js';

const clients: Redis[] = [];
let redisUrl = '';

function connect(url = redisUrl): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  clients.push(client);
  return client;
}

beforeAll(async () => {
  redisUrl = (await useRedis()).url;
  const client = connect();
  await new Promise((resolve) => client.once('ready', resolve));
});
afterAll(() => {
  for (const client of clients) client.disconnect();
});

describeBudgetLedgerContract('createRedisBudgetLedger', () =>
  createRedisBudgetLedger({ redis: clients[0] as Redis, failMode: 'open' }),
);

describe('createRedisBudgetLedger without Redis', () => {
  const budget = { id: 'key:x:total', limitNanos: 1n, expiresAtMs: Date.now() + 60_000 };
  const request = {
    partition: 'p',
    budgets: [budget],
    fixedNanos: 10,
    perTokenNanos: 10,
    maxTokens: 5,
    minTokens: 1,
    leaseId: 'l',
    ttlMs: 1_000,
  };

  it('grants unchecked when failing open, and reports the error', async () => {
    const errors: unknown[] = [];
    const ledger = createRedisBudgetLedger({
      redis: connect('redis://127.0.0.1:1'),
      failMode: 'open',
      onStoreError: (error) => errors.push(error),
    });
    const result = await ledger.reserve(request);
    expect(result).toMatchObject({ granted: true, tokens: 5, hold: { degraded: true } });
    expect(errors).toHaveLength(1);
  });

  it('refuses when failing closed', async () => {
    const ledger = createRedisBudgetLedger({
      redis: connect('redis://127.0.0.1:1'),
      failMode: 'closed',
    });
    await expect(ledger.reserve(request)).rejects.toBeInstanceOf(LimiterUnavailableError);
  });
});
