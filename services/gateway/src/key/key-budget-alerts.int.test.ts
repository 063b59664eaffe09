// GET /v1/key shows the spend alerts accounting recorded for each budget's current period.
import { currentBudget } from '@switchyard/limits';
import { describe, expect, it } from 'vitest';
import { database, get, seed, useAccessTestGateway } from '../testing/access-test-gateway.js';

useAccessTestGateway();

describe('GET /v1/key budget alerts', () => {
  it("lists the thresholds crossed this period per budget, not the last period's", async () => {
    const team = await seed.team({ budget_usd: '50', budget_period: 'month' });
    const key = await seed.key(team, { budget_usd: '10', budget_period: 'total' });
    // The gateway judges periods by the real clock: the test derives them from it too.
    const now = Date.now();
    const month = currentBudget(
      { scope: 'team', id: team, period: 'month', limitNanos: 0n },
      now,
    ).periodStartMs;
    const lastMonth = currentBudget(
      { scope: 'team', id: team, period: 'month', limitNanos: 0n },
      month - 1,
    ).periodStartMs;
    const alert = (scope: 'key' | 'team', ownerId: string, periodStart: number) => ({
      scope,
      owner_id: ownerId,
      team_id: team,
      period: scope === 'key' ? ('total' as const) : ('month' as const),
      period_start: new Date(periodStart),
      limit_usd: scope === 'key' ? '10' : '50',
    });
    await database.db
      .insertInto('accounting.budget_alerts')
      .values([
        { ...alert('key', key.id, 0), kind: 'threshold', threshold: 50, spent_usd: '5.5' },
        { ...alert('team', team, lastMonth), kind: 'threshold', threshold: 80, spent_usd: '41' },
        {
          ...alert('team', team, month),
          kind: 'projected',
          threshold: 100,
          spent_usd: '20',
          projected_usd: '61.25',
        },
      ])
      .execute();
    const response = await get(key.secret, '/v1/key');
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as {
      data: { budgets: { limit_source: string; alerts: Record<string, unknown>[] }[] };
    };
    expect(
      data.budgets.map((budget) => [
        budget.limit_source,
        budget.alerts.map(({ created_at, ...rest }) => rest),
      ]),
    ).toEqual([
      [
        'key_budget',
        [{ kind: 'threshold', threshold_percent: 50, spent_usd: '5.5', projected_usd: null }],
      ],
      [
        'team_budget',
        [{ kind: 'projected', threshold_percent: 100, spent_usd: '20', projected_usd: '61.25' }],
      ],
    ]);
  });
});
