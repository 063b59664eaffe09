import { createRedisBudgetLedger, currentBudget } from '@switchyard/limits';
import { useRedis } from '@switchyard/testing';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { reconcileBudgetCounters } from './reconcile-budget-counters.js';
import { startBudgetReconciler } from './start-budget-reconciler.js';

let accounting: TestAccounting;
let redis: Redis;
const dayMs = 86_400_000;
const now = testNow(Date.now());
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = isoDay(now);
const yesterday = isoDay(now - dayMs);
const lastMonth = isoDay(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 0));

beforeAll(async () => {
  accounting = await startAccountingForTest();
  redis = new Redis((await useRedis()).url);
});
afterAll(async () => {
  redis?.disconnect();
  await accounting?.stop();
});

async function post(path: string, body: unknown): Promise<{ id: string }> {
  const response = await accounting.app.inject({
    method: 'POST',
    url: path,
    headers: { authorization: `Bearer ${accounting.masterKey}` },
    payload: body as object,
  });
  return response.json() as { id: string };
}

describe('reconcileBudgetCounters', () => {
  it("raises each budget's Redis counter to the ledger's spend in its period, never lowers it", async () => {
    const team = await post('/admin/v1/teams', {
      name: `budgets-${now}-${Math.random()}`,
      budget: { limit_usd: '10', period: 'month' },
    });
    const key = await post('/admin/v1/keys', {
      name: 'k',
      team_id: team.id,
      budget: { limit_usd: '1', period: 'day' },
    });
    const row = (day: string, cost: string, model: string) => ({
      day,
      team_id: team.id,
      key_id: key.id,
      model,
      provider: 'openai',
      requests: 1,
      errors: 0,
      prompt_tokens: 1,
      completion_tokens: 1,
      cached_tokens: 0,
      reasoning_tokens: 0,
      cost_usd: cost,
      latency_ms_total: 1,
      ttft_ms_total: 0,
      ttft_count: 0,
    });
    await accounting.database.db
      .insertInto('accounting.usage_daily')
      .values([
        row(today, '0.25', 'a'),
        row(today, '0.000000001', 'b'),
        row(yesterday, '2', 'a'),
        row(lastMonth, '7', 'a'),
      ])
      .execute();
    const ledger = createRedisBudgetLedger({ redis, failMode: 'closed' });
    expect(
      await reconcileBudgetCounters(accounting.database.db, ledger, now),
    ).toBeGreaterThanOrEqual(2);

    const keyBudget = currentBudget(
      { scope: 'key', id: key.id, period: 'day', limitNanos: 1_000_000_000n },
      now,
    );
    const teamBudget = currentBudget(
      { scope: 'team', id: team.id, period: 'month', limitNanos: 10_000_000_000n },
      now,
    );
    const [keyState, teamState] = await ledger.state(team.id, [
      keyBudget.budget,
      teamBudget.budget,
    ]);
    expect(keyState?.spentNanos).toBe(250_000_001n);
    expect(teamState?.spentNanos).toBe(2_250_000_001n);

    // Spend the gateways settled that the ledger has not seen yet stays counted.
    const hold = await ledger.reserve({
      partition: team.id,
      budgets: [keyBudget.budget],
      fixedNanos: 100_000_000,
      perTokenNanos: 0,
      maxTokens: 0,
      minTokens: 0,
      leaseId: 'in-flight',
      ttlMs: 60_000,
    });
    if (!hold.granted) throw new Error('expected a grant');
    await ledger.settle(hold.hold, 100_000_000);
    await reconcileBudgetCounters(accounting.database.db, ledger, now);
    expect((await ledger.state(team.id, [keyBudget.budget]))[0]?.spentNanos).toBe(350_000_001n);
  });
});

describe('startBudgetReconciler', () => {
  it('re-seeds every budget as soon as Redis is ready again, not on its minute timer', async () => {
    const team = await post('/admin/v1/teams', {
      name: `reseed-${now}-${Math.random()}`,
      budget: { limit_usd: '0.05', period: 'total' },
    });
    await accounting.database.db
      .insertInto('accounting.usage_daily')
      .values({
        day: today,
        team_id: team.id,
        key_id: (await post('/admin/v1/keys', { name: 'k', team_id: team.id })).id,
        model: 'a',
        provider: 'openai',
        requests: 1,
        errors: 0,
        prompt_tokens: 1,
        completion_tokens: 1,
        cached_tokens: 0,
        reasoning_tokens: 0,
        cost_usd: '0.0479',
        latency_ms_total: 1,
        ttft_ms_total: 0,
        ttft_count: 0,
      })
      .execute();
    // A client of its own: the test drops and restores its connection as a restart would.
    const client = new Redis((await useRedis()).url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    client.on('error', () => undefined);
    await new Promise((resolve) => client.once('ready', resolve));
    const ledger = createRedisBudgetLedger({ redis: client, failMode: 'closed' });
    const reconciler = startBudgetReconciler({
      db: accounting.database.db,
      ledger,
      logger: pino({ level: 'silent' }),
      intervalMs: 3_600_000,
      startDelayMs: 3_600_000,
      now: () => now,
      redis: client,
    });
    try {
      const { budget } = currentBudget(
        { scope: 'team', id: team.id, period: 'total', limitNanos: 50_000_000n },
        now,
      );
      expect((await ledger.state(team.id, [budget]))[0]?.spentNanos).toBe(0n);
      client.disconnect(true);
      await expect
        .poll(async () => (await ledger.state(team.id, [budget]))[0]?.spentNanos, {
          timeout: 5_000,
        })
        .toBe(47_900_000n);
    } finally {
      await reconciler.stop();
      client.disconnect();
    }
  });
});

/**
 * Noon of today (UTC) by the real clock: the code under test makes each counter expire at its
 * period's end (PEXPIREAT), so a fixed date would be deleted by Redis once it is past. Moved on a
 * day late in the evening (so the day's counter outlives the test) and on the 1st (so "earlier
 * this month" is another day than today).
 */
function testNow(clockMs: number): number {
  let noon = Math.floor(clockMs / dayMs) * dayMs + dayMs / 2;
  if (clockMs - noon > 11 * 3_600_000) noon += dayMs;
  if (new Date(noon).getUTCDate() === 1) noon += dayMs;
  return noon;
}
