import { randomUUID } from 'node:crypto';
import type { AlertDeliveryJson } from '@switchyard/contracts';
import { useRedis } from '@switchyard/testing';
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
import { syncConfigWebhook } from './sync-config-webhook.js';

// A fake clock: 20 March 2031, 12:00 UTC. The budget's month is March 2031, whatever today is.
const now = Date.UTC(2031, 2, 20, 12);
const secret = `whsec-${randomUUID()}`;
let accounting: TestAccounting;
let receiver: WebhookReceiver;
let alerts: SpendAlerts;
/** A second accounting replica on the same database and queue. */
let replica: SpendAlerts;

beforeAll(async () => {
  accounting = await startAccountingForTest();
  receiver = await startWebhookReceiver();
  const options = {
    db: accounting.database.db,
    logger: pino({ level: 'silent' }),
    redisUrl: (await useRedis()).url,
    delivery: { attempts: 3, backoffMs: 50, timeoutMs: 2_000 },
    now: () => now,
    queueName: `alerts-test-${randomUUID()}`,
  };
  alerts = await startSpendAlerts(options);
  replica = await startSpendAlerts(options);
});
afterAll(async () => {
  await alerts?.stop();
  await replica?.stop();
  await receiver?.close();
  await accounting?.stop();
});

async function admin(method: 'GET' | 'POST' | 'PATCH', url: string, body?: object, key?: string) {
  const response = await accounting.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key ?? accounting.masterKey}` },
    ...(body && { payload: body }),
  });
  return { status: response.statusCode, body: response.json() };
}

/** Writes usage of `costUsd` for the key at the fake clock, as the consumer does, then checks. */
async function spend(teamId: string, keyId: string, costUsd: string): Promise<void> {
  const row = toUsageEventRow(
    makeUsageEvent({
      key_id: keyId,
      team_id: teamId,
      cost_usd: costUsd,
      started_at: new Date(now - 1_000).toISOString(),
      finished_at: new Date(now).toISOString(),
    }),
  );
  await insertUsageEvents(accounting.database.db, [row]);
  await alerts.onUsageWritten([row]);
}

describe('spend alerts', () => {
  it('sends one signed webhook per threshold crossed, retried after a 500, never twice', async () => {
    const team = await admin('POST', '/admin/v1/teams', {
      name: 'search',
      budget: {
        limit_usd: '10',
        period: 'month',
        alerts: { thresholds_percent: [100, 80], projected_overspend: false },
      },
    });
    expect(team.status).toBe(201);
    expect(team.body.budget).toEqual({
      limit_usd: '10',
      period: 'month',
      alerts: { thresholds_percent: [80, 100], projected_overspend: false },
    });
    const key = await admin('POST', '/admin/v1/keys', { name: 'svc', team_id: team.body.id });
    const webhook = await admin('POST', '/admin/v1/alerts/webhooks', {
      name: 'ops',
      url: receiver.url,
      secret,
      team_id: team.body.id,
    });
    expect(webhook.status).toBe(201);
    expect(webhook.body).toMatchObject({ team_id: team.body.id, format: 'json', enabled: true });
    expect(JSON.stringify(webhook.body)).not.toContain(secret);
    expect(webhook.body.url).toBe(`${new URL(receiver.url).origin}/…`);

    await spend(team.body.id, key.body.id, '7.9');
    expect(receiver.received).toEqual([]);

    // 8.1 of 10: 80% crossed. Both replicas checking at once record (and send) it once.
    await spend(team.body.id, key.body.id, '0.2');
    await Promise.all([
      alerts.onUsageWritten([{ key_id: key.body.id, team_id: team.body.id }]),
      replica.onUsageWritten([{ key_id: key.body.id, team_id: team.body.id }]),
      replica.onUsageWritten([{ key_id: key.body.id, team_id: team.body.id }]),
    ]);
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
    const [failed, eighty] = receiver.received;
    expect(failed?.answered).toBe(500);
    expect(eighty?.answered).toBe(200);
    expect(eighty?.body).toBe(failed?.body);
    const first = JSON.parse(eighty?.body ?? '{}');
    expect(first).toMatchObject({
      type: 'budget.threshold_crossed',
      threshold_percent: 80,
      spent_usd: '8.1',
      projected_usd: null,
      budget: {
        scope: 'team',
        id: team.body.id,
        name: 'search',
        team_id: team.body.id,
        period: 'month',
        period_start: '2031-03-01T00:00:00.000Z',
        period_end: '2031-04-01T00:00:00.000Z',
        limit_usd: '10',
      },
    });
    const signature = String(eighty?.headers[SIGNATURE_HEADER]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, signature, eighty?.body ?? '', now / 1000)).toBe(true);
    expect(
      verifyWebhookSignature('wrong-secret-0123456', signature, eighty?.body ?? '', now / 1000),
    ).toBe(false);

    // 10.1 of 10: 100% crossed; 80% is not sent again.
    await spend(team.body.id, key.body.id, '2');
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(3);
    const hundred = receiver.received[2];
    expect(hundred?.answered).toBe(200);
    expect(JSON.parse(hundred?.body ?? '{}')).toMatchObject({
      threshold_percent: 100,
      spent_usd: '10.1',
    });
    expect(
      verifyWebhookSignature(
        secret,
        String(hundred?.headers[SIGNATURE_HEADER]),
        hundred?.body ?? '',
        now / 1000,
      ),
    ).toBe(true);

    // Checking again, more spend or none, sends nothing more.
    await spend(team.body.id, key.body.id, '0.5');
    await alerts.onUsageWritten([{ key_id: key.body.id, team_id: team.body.id }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toHaveLength(3);

    const log = await admin('GET', `/admin/v1/alerts/deliveries?team_id=${team.body.id}`);
    expect(log.status).toBe(200);
    const deliveries = log.body.data as AlertDeliveryJson[];
    expect(
      deliveries.map((delivery) => [
        delivery.alert.threshold_percent,
        delivery.status,
        delivery.attempts,
        delivery.last_status,
        delivery.last_error,
        delivery.delivered_at !== null,
      ]),
    ).toEqual([
      [100, 'delivered', 1, 200, null, true],
      [80, 'delivered', 2, 200, null, true],
    ]);
  });

  it("keeps a budget's alert settings when only its limit changes, and refuses bad ones", async () => {
    const team = await admin('POST', '/admin/v1/teams', {
      name: 'settings',
      budget: { limit_usd: '5', period: 'day', alerts: { thresholds_percent: [90] } },
    });
    expect(team.body.budget.alerts).toEqual({
      thresholds_percent: [90],
      projected_overspend: true,
    });
    const patched = await admin('PATCH', `/admin/v1/teams/${team.body.id}`, {
      budget: { limit_usd: '6', period: 'day' },
    });
    expect(patched.body.budget).toEqual({
      limit_usd: '6',
      period: 'day',
      alerts: { thresholds_percent: [90], projected_overspend: true },
    });
    for (const alerts of [
      { thresholds_percent: [80, 80] },
      { thresholds_percent: [0] },
      { thresholds_percent: [50.5] },
      { projected_overspend: 'yes' },
      { other: true },
    ]) {
      const refused = await admin('PATCH', `/admin/v1/teams/${team.body.id}`, {
        budget: { limit_usd: '6', period: 'day', alerts },
      });
      expect(refused.status, JSON.stringify(alerts)).toBe(400);
    }
    for (const url of ['ftp://example.com/', 'not a url', 'http://example.com/\u0000']) {
      const badUrl = await admin('POST', '/admin/v1/alerts/webhooks', { name: 'x', url, secret });
      expect(badUrl.status, url).toBe(400);
    }
    const member = await admin('POST', '/admin/v1/keys', { name: 'm', team_id: team.body.id });
    const asMember = await admin(
      'GET',
      '/admin/v1/alerts/deliveries',
      undefined,
      member.body.secret as string,
    );
    expect(asMember.status).toBe(403);
    const shortSecret = await admin('POST', '/admin/v1/alerts/webhooks', {
      name: 'x',
      url: receiver.url,
      secret: 'short',
    });
    expect(shortSecret.status).toBe(400);
  });

  it("sends every team's alerts to the configured global webhook, as Slack messages", async () => {
    const slack = await startWebhookReceiver();
    try {
      await syncConfigWebhook(accounting.database.db, {
        url: slack.url,
        secret,
        format: 'slack',
      });
      const team = await admin('POST', '/admin/v1/teams', {
        name: 'global',
        budget: { limit_usd: '1', period: 'total', alerts: { thresholds_percent: [50] } },
      });
      const key = await admin('POST', '/admin/v1/keys', { name: 'k', team_id: team.body.id });
      await spend(team.body.id, key.body.id, '0.6');
      // The receiver fails its first request: the retry brings the same signed message.
      await expect.poll(() => slack.received.length, { timeout: 10_000 }).toBe(2);
      const message = slack.received[1];
      expect(JSON.parse(message?.body ?? '{}')).toEqual({
        text: ':warning: Switchyard: team "global" has spent $0.6, 50% of its $1 total budget.',
      });
      const header = String(message?.headers[SIGNATURE_HEADER]);
      expect(verifyWebhookSignature(secret, header, message?.body ?? '', now / 1000)).toBe(true);
      // Configuration without a webhook disables it; nothing more is sent to it.
      await syncConfigWebhook(accounting.database.db, undefined);
      const listed = await admin('GET', '/admin/v1/alerts/webhooks');
      expect(
        listed.body.data.find((webhook: { name: string }) => webhook.name === 'config'),
      ).toMatchObject({ team_id: null, enabled: false, format: 'slack' });
    } finally {
      await slack.close();
    }
  });

  it("shows a team_admin only their own team's deliveries", async () => {
    const other = await admin('POST', '/admin/v1/teams', { name: 'other' });
    const teamAdmin = await admin('POST', '/admin/v1/keys', {
      name: 'lead',
      team_id: other.body.id,
      role: 'team_admin',
    });
    const secretKey = teamAdmin.body.secret as string;
    expect(secretKey).toMatch(/^sk-sy-/);
    const own = await admin('GET', '/admin/v1/alerts/deliveries', undefined, secretKey);
    expect(own).toEqual({ status: 200, body: { object: 'list', data: [], next_cursor: null } });
    const all = await admin('GET', '/admin/v1/alerts/deliveries');
    expect(all.body.data.length).toBe(3);
    const search = all.body.data.at(-1).team_id as string;
    const denied = await admin(
      'GET',
      `/admin/v1/alerts/deliveries?team_id=${search}`,
      undefined,
      secretKey,
    );
    expect(denied.status).toBe(403);
    const global = await admin(
      'POST',
      '/admin/v1/alerts/webhooks',
      { name: 'everyone', url: 'https://hooks.example.com/team', secret },
      secretKey,
    );
    expect(global.body.team_id).toBe(other.body.id);
    // A team's webhook may not point inside: accounting sends from the cluster's network.
    const internal = await admin(
      'POST',
      '/admin/v1/alerts/webhooks',
      { name: 'probe', url: receiver.url, secret },
      secretKey,
    );
    expect(internal.status).toBe(400);
    expect(internal.body.error.param).toBe('url');
  });
});
