import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/start-webhook-receiver.js';
import { insertUsageEvents } from '../usage/insert-usage-events.js';
import { toUsageEventRow } from '../usage/to-usage-event-row.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './sign-webhook-body.js';
import { type SpendAlerts, startSpendAlerts } from './start-spend-alerts.js';

// Without Redis (standalone) alerts are sent from the process itself, with the same retries.
// A fake clock: 15 June 2032, 06:00 UTC.
const now = Date.UTC(2032, 5, 15, 6);
const secret = `whsec-${randomUUID()}`;
let accounting: TestAccounting;
let receiver: WebhookReceiver;
let alerts: SpendAlerts;

beforeAll(async () => {
  accounting = await startAccountingForTest();
  receiver = await startWebhookReceiver();
  alerts = await startSpendAlerts({
    db: accounting.database.db,
    logger: pino({ level: 'silent' }),
    redisUrl: undefined,
    delivery: { attempts: 3, backoffMs: 50, timeoutMs: 2_000 },
    now: () => now,
  });
});
afterAll(async () => {
  await alerts?.stop();
  await receiver?.close();
  await accounting?.stop();
});

async function admin(method: 'POST' | 'PATCH', url: string, body: object) {
  const response = await accounting.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${accounting.masterKey}` },
    payload: body,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as { id: string; budget: unknown };
}

describe('spend alerts without Redis', () => {
  it('sends from this process, retried after a 500, and alerts on a budget lowered below the spend', async () => {
    const team = await admin('POST', '/admin/v1/teams', { name: 'local' });
    const key = await admin('POST', '/admin/v1/keys', {
      name: 'k',
      team_id: team.id,
      // 6 of 24 hours gone: $3 so far runs to $12 by midnight, over $10.
      budget: { limit_usd: '10', period: 'day', alerts: { thresholds_percent: [100] } },
    });
    await admin('POST', '/admin/v1/alerts/webhooks', {
      name: 'team',
      url: receiver.url,
      secret,
      team_id: team.id,
    });
    const row = toUsageEventRow(
      makeUsageEvent({
        key_id: key.id,
        team_id: team.id,
        cost_usd: '3',
        started_at: new Date(now - 1_000).toISOString(),
        finished_at: new Date(now).toISOString(),
      }),
    );
    await insertUsageEvents(accounting.database.db, [row]);
    await alerts.onUsageWritten([row]);
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
    expect(receiver.received.map((request) => request.answered)).toEqual([500, 200]);
    expect(JSON.parse(receiver.received[1]?.body ?? '{}')).toMatchObject({
      type: 'budget.overspend_projected',
      threshold_percent: 100,
      spent_usd: '3',
      projected_usd: '12',
      budget: { scope: 'key', id: key.id, period: 'day', period_end: '2032-06-16T00:00:00.000Z' },
    });

    // Lowered to $3: 100% reached without any new usage, as soon as the change is told.
    await admin('PATCH', `/admin/v1/keys/${key.id}`, { budget: { limit_usd: '3', period: 'day' } });
    await alerts.onBudgetChanged({ kind: 'key', id: key.id });
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(3);
    const hundred = receiver.received[2];
    expect(JSON.parse(hundred?.body ?? '{}')).toMatchObject({
      type: 'budget.threshold_crossed',
      threshold_percent: 100,
      spent_usd: '3',
    });
    const header = String(hundred?.headers[SIGNATURE_HEADER]);
    expect(verifyWebhookSignature(secret, header, hundred?.body ?? '', now / 1000)).toBe(true);
    await alerts.onBudgetChanged({ kind: 'key', id: key.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(3);
  });
});
