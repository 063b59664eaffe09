import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamKey } from './support/create-team-key.js';
import { formatReconciliation, waitForLedger } from './support/reconcile-ledger.js';
import { describeStatuses, startClientLoad } from './support/run-client-load.js';
import { sleep } from './support/sleep.js';
import { type FaultCluster, startFaultCluster } from './support/start-fault-cluster.js';

// Issue 14, item 1: Redis loses every budget counter on a restart. A key that has used up its
// budget must stay refused: what it spends past the limit is at most one request's worth.
const LIMIT_USD = 0.0004;
let cluster: FaultCluster;

beforeAll(async () => {
  cluster = await startFaultCluster();
});

afterAll(async () => {
  await cluster?.close();
});

async function chat(origin: string, secret: string): Promise<number> {
  const response = await fetch(`${origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'fake/chat',
      messages: [{ role: 'user', content: 'spend' }],
      max_tokens: 16,
    }),
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  return response.status;
}

async function ledgerSpend(keyId: string): Promise<{ spent: number; largest: number }> {
  const row = await cluster.database.db
    .selectFrom('accounting.usage_events')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('cost_usd'), eb.val('0')).as('spent'),
      eb.fn.coalesce(eb.fn.max<string>('cost_usd'), eb.val('0')).as('largest'),
    ])
    .where('key_id', '=', keyId)
    .executeTakeFirstOrThrow();
  return { spent: Number(row.spent), largest: Number(row.largest) };
}

describe('fault: Redis restarts while a key has used up its budget', () => {
  it('spend over the limit stays within one request, and the ledger matches the clients', async () => {
    const key = await createTeamKey(cluster, {
      budget: { limit_usd: String(LIMIT_USD), period: 'total' },
    });
    // Spend the budget one request at a time, alternating gateways, until it refuses.
    let status = 200;
    for (let index = 0; index < 40 && status === 200; index += 1) {
      status = await chat(cluster.gateways[index % 2]?.origin ?? '', key.secret);
    }
    expect(status).toBe(402);
    // The spend is in the ledger before Redis goes: a fix may seed the counter from it.
    await expect
      .poll(async () => (await ledgerSpend(key.id)).spent, { timeout: 20_000 })
      .toBeGreaterThan(LIMIT_USD * 0.8);
    const before = await ledgerSpend(key.id);

    const load = startClientLoad({
      origins: cluster.gateways.map((gateway) => gateway.origin),
      secret: key.secret,
      maxRequests: 600,
      maxDurationMs: 20_000,
      label: 'budget',
    });
    await sleep(1_000);
    await cluster.redis.stop();
    await sleep(2_000);
    await cluster.redis.start();
    const outcomes = await load.finished;
    const admitted = outcomes.filter((outcome) => outcome.status === 200).length;

    const result = await waitForLedger(cluster.database, outcomes);
    const after = await ledgerSpend(key.id);
    const over = after.spent - LIMIT_USD;
    process.stdout.write(
      `[fault] budget: limit $${LIMIT_USD}, spent $${before.spent.toFixed(6)} before the restart, ` +
        `$${after.spent.toFixed(6)} after (${((over / LIMIT_USD) * 100).toFixed(0)} % over, ` +
        `one request ≤ $${after.largest.toFixed(6)}); load ${describeStatuses(outcomes)}, ` +
        `${admitted} admitted after exhaustion\n`,
    );
    process.stdout.write(formatReconciliation('Redis restart with an exhausted budget', result));
    expect(result.missing).toHaveLength(0);
    expect(result.duplicates).toHaveLength(0);
    expect(over).toBeLessThanOrEqual(after.largest);
  });
});
