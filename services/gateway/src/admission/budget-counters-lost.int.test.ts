// Budgets when Redis has lost its counters (a restart, a flush) or cannot be reached: the
// ledger in Postgres decides, and requests that pass unchecked are bounded and counted.
import { describe, expect, it } from 'vitest';
import {
  call,
  connectedRedis,
  database,
  errorOf,
  get,
  redisClient,
  seed,
  startGateway,
  useAccessTestGateway,
} from '../testing/access-test-gateway.js';

useAccessTestGateway();

const today = () => new Date().toISOString().slice(0, 10);

/** Records `costUsd` of spend by the key in the ledger's daily rollup, as accounting would. */
async function spendInLedger(teamId: string, keyId: string, costUsd: string): Promise<void> {
  await database.db
    .insertInto('accounting.usage_daily')
    .values({
      day: today(),
      team_id: teamId,
      key_id: keyId,
      model: 'fake/chat',
      provider: 'fake',
      requests: 1,
      errors: 0,
      prompt_tokens: 1,
      completion_tokens: 1,
      cached_tokens: 0,
      reasoning_tokens: 0,
      cost_usd: costUsd,
      latency_ms_total: 1,
      ttft_ms_total: 0,
      ttft_count: 0,
    })
    .execute();
}

/** What a Redis restart does to a team's budget counters. */
async function loseCounters(teamId: string): Promise<number> {
  const redis = await connectedRedis();
  const keys = await redis.keys(`sy:budget:*:{${teamId}}:*`);
  return keys.length === 0 ? 0 : redis.del(...keys);
}

const budgetOf = async (secret: string) => {
  const { data } = (await (await get(secret, '/v1/key')).json()) as {
    data: { budgets: Record<string, string>[] };
  };
  return data.budgets[0];
};

describe('budget counters lost by Redis', () => {
  // "hi" reserves 9,000 nano-USD of prompt plus 2,000 a completion token; the smallest answer
  // (16 tokens) is $0.000041.
  it('refuses a key the ledger says is used up, also after its counter is deleted', async () => {
    const team = await seed.team();
    const key = await seed.key(team, { budget_usd: '0.05', budget_period: 'total' });
    await spendInLedger(team, key.id, '0.04998');
    const first = await call(key.secret, { max_tokens: 16 });
    expect(first.status, await first.clone().text()).toBe(402);
    expect((await errorOf(first)).code).toBe('budget_exceeded');
    expect(await loseCounters(team)).toBeGreaterThan(0);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await call(key.secret, { max_tokens: 16 })).status).toBe(402);
    }
    expect(await budgetOf(key.secret)).toMatchObject({ spent_usd: '0.04998' });
    const metrics = await (await get(key.secret, '/metrics')).text();
    expect(metrics).toMatch(/switchyard_budget_counter_seeds_total\{result="seeded"[^}]*\} [1-9]/);
  });

  it('clamps to what the ledger leaves once the counters are gone', async () => {
    const team = await seed.team();
    const key = await seed.key(team, { budget_usd: '1', budget_period: 'month' });
    expect((await call(key.secret, { max_tokens: 4 })).status).toBe(200);
    await expect.poll(async () => (await budgetOf(key.secret))?.reserved_usd).toBe('0');
    await loseCounters(team);
    // $0.000209 left affords the 9,000 nano-USD prompt and 100 completion tokens.
    await spendInLedger(team, key.id, '0.999791');
    const response = await call(key.secret, { max_tokens: 500 });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-budget-max-tokens')).toBe('100');
  });
});

describe('budgets while Redis is unreachable', () => {
  it('lets one unchecked request per budget run at a time when failing open, and counts it', async () => {
    const open = await startGateway({}, redisClient('redis://127.0.0.1:1'));
    const key = await seed.key(await seed.team(), { budget_usd: '1', budget_period: 'month' });
    const slow = call(key.secret, { model: 'fake/slow-1000', max_tokens: 4 }, { url: open.url });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await call(key.secret, { max_tokens: 4 }, { url: open.url });
    expect(second.status).toBe(503);
    expect((await errorOf(second)).message).toContain('Budgets cannot be checked');
    expect((await slow).status).toBe(200);
    expect((await call(key.secret, { max_tokens: 4 }, { url: open.url })).status).toBe(200);
    const metrics = await (await fetch(`${open.url}/metrics`)).text();
    expect(metrics).toMatch(
      /switchyard_rate_limit_degraded_total\{fail_mode="open",check="budget"[^}]*\} 2/,
    );
    expect(metrics).toMatch(
      /switchyard_rate_limit_degraded_total\{fail_mode="closed",check="budget"[^}]*\} 1/,
    );
  });

  it('keeps refusing a budget it saw used up once Redis goes away', async () => {
    const redis = await connectedRedis();
    const gateway = await startGateway({}, redis);
    const team = await seed.team();
    const key = await seed.key(team, { budget_usd: '0.05', budget_period: 'total' });
    await spendInLedger(team, key.id, '0.04998');
    expect((await call(key.secret, { max_tokens: 16 }, { url: gateway.url })).status).toBe(402);
    redis.disconnect();
    const refused = await call(key.secret, { max_tokens: 16 }, { url: gateway.url });
    expect(refused.status).toBe(402);
    expect((await errorOf(refused)).message).toContain('$0.00002 left of $0.05');
  });

  it('refuses with 503 and counts it when failing closed', async () => {
    const closed = await startGateway(
      { rateLimitFailMode: 'closed' },
      redisClient('redis://127.0.0.1:1'),
    );
    const key = await seed.key(await seed.team(), { budget_usd: '1', budget_period: 'month' });
    const response = await call(key.secret, {}, { url: closed.url });
    expect(response.status).toBe(503);
    const metrics = await (await fetch(`${closed.url}/metrics`)).text();
    expect(metrics).toMatch(
      /switchyard_rate_limit_degraded_total\{fail_mode="closed",check="budget"[^}]*\} 1/,
    );
  });
});
