import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { findPendingDeliveries } from './find-pending-deliveries.js';
import { recordBudgetAlerts } from './record-budget-alerts.js';

let accounting: TestAccounting;

beforeAll(async () => {
  accounting = await startAccountingForTest();
});
afterAll(async () => {
  await accounting?.stop();
});

async function admin(url: string, body: object): Promise<{ id: string }> {
  const response = await accounting.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${accounting.masterKey}` },
    payload: body,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as { id: string };
}

describe('findPendingDeliveries', () => {
  it('finds a delivery never tried for over a minute, by the clock that stamped it', async () => {
    const team = await admin('/admin/v1/teams', { name: 'sweep' });
    await admin('/admin/v1/alerts/webhooks', {
      name: 'sweep',
      url: 'https://alerts.example.com/hook',
      secret: 'whsec-sweep-0123456789',
      team_id: team.id,
    });
    const { db } = accounting.database;
    const [stale, fresh] = await Promise.all(
      [80, 90].map((threshold) =>
        recordBudgetAlerts(db, {
          budget: {
            scope: 'team',
            id: team.id,
            teamId: team.id,
            limitUsd: '10',
            period: 'month',
            thresholds: [threshold],
            projected: false,
          },
          periodStartMs: 0,
          limitNanos: 10_000_000_000n,
          spentNanos: 9_500_000_000n,
          candidates: [{ kind: 'threshold', threshold }],
        }).then(([id]) => id),
      ),
    );
    // The lost enqueue happened two minutes ago; the other delivery was just recorded.
    await db
      .updateTable('accounting.alert_deliveries')
      .set({ created_at: sql<Date>`now() - interval '2 minutes'` })
      .where('id', '=', stale ?? '')
      .execute();

    const found = await findPendingDeliveries(db);
    expect(found).toContain(stale);
    expect(found).not.toContain(fresh);
  });
});
