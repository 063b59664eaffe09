import type { Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';
import { budgetPeriodBounds } from './budget-period-bounds.js';
import { postWebhook, type WebhookOutcome } from './post-webhook.js';
import { SIGNATURE_HEADER, signWebhookBody } from './sign-webhook-body.js';
import { MAX_ALERT_BODY_BYTES, toAlertPayload } from './to-alert-payload.js';

/** Options of {@link sendAlertDelivery}. */
export interface SendAlertDeliveryOptions {
  db: Kysely<Tables>;
  deliveryId: string;
  /** No retry follows a failure of this attempt: the delivery is then `failed`, not `retrying`. */
  lastAttempt: boolean;
  timeoutMs: number;
  nowMs: number;
}

/** What became of one attempt; `retry` says the caller should try again later. */
export type SendResult =
  | { kind: 'delivered' | 'skipped' }
  | { kind: 'failed'; retry: boolean; error: string };

/**
 * One attempt at one delivery: POSTs the alert, signed with its webhook's secret, and writes the
 * attempt to the delivery log (attempts, status, last status and error, delivered_at). A delivery
 * already delivered, or whose webhook is gone or disabled, is not sent (so a job run twice sends
 * once).
 */
export async function sendAlertDelivery(options: SendAlertDeliveryOptions): Promise<SendResult> {
  const { db, deliveryId } = options;
  const row = await db
    .selectFrom('accounting.alert_deliveries as delivery')
    .innerJoin('accounting.alert_webhooks as webhook', 'webhook.id', 'delivery.webhook_id')
    .innerJoin('accounting.budget_alerts as alert', 'alert.id', 'delivery.alert_id')
    .leftJoin('accounting.api_keys as key', (join) =>
      join.onRef('key.id', '=', 'alert.owner_id').on('alert.scope', '=', 'key'),
    )
    .leftJoin('accounting.teams as team', (join) =>
      join.onRef('team.id', '=', 'alert.owner_id').on('alert.scope', '=', 'team'),
    )
    .selectAll('alert')
    .select([
      'delivery.status as delivery_status',
      'webhook.url',
      'webhook.secret',
      'webhook.format',
      'webhook.enabled',
      sql<string | null>`coalesce(key.name, team.name)`.as('owner_name'),
    ])
    .where('delivery.id', '=', deliveryId)
    .executeTakeFirst();
  if (row === undefined || row.delivery_status === 'delivered') return { kind: 'skipped' };
  if (!row.enabled) {
    await record(db, deliveryId, { ok: false, status: null, error: 'webhook disabled' }, true);
    return { kind: 'skipped' };
  }
  const { delivery_status, url, secret, format, enabled, owner_name, ...alert } = row;
  const bounds = budgetPeriodBounds(alert.period, alert.period_start.getTime());
  const body = toAlertPayload(
    {
      alert,
      ownerName: owner_name,
      periodEnd: bounds.endMs === undefined ? null : new Date(bounds.endMs).toISOString(),
    },
    format,
  );
  if (Buffer.byteLength(body) > MAX_ALERT_BODY_BYTES) {
    await record(db, deliveryId, { ok: false, status: null, error: 'body too large' }, true);
    return { kind: 'failed', retry: false, error: 'body too large' };
  }
  const timestamp = Math.floor(options.nowMs / 1000);
  const outcome = await postWebhook({
    url,
    body,
    headers: {
      [SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, body),
      'x-switchyard-delivery': deliveryId,
      'user-agent': 'switchyard-alerts/1',
    },
    timeoutMs: options.timeoutMs,
  });
  await record(db, deliveryId, outcome, options.lastAttempt);
  return outcome.ok
    ? { kind: 'delivered' }
    : { kind: 'failed', retry: !options.lastAttempt, error: outcome.error };
}

async function record(
  db: Kysely<Tables>,
  deliveryId: string,
  outcome: WebhookOutcome,
  lastAttempt: boolean,
): Promise<void> {
  await db
    .updateTable('accounting.alert_deliveries')
    .set({
      attempts: sql`attempts + 1`,
      status: outcome.ok ? 'delivered' : lastAttempt ? 'failed' : 'retrying',
      last_status: outcome.status,
      last_error: outcome.ok ? null : outcome.error,
      updated_at: sql`now()`,
      ...(outcome.ok && { delivered_at: sql`now()` }),
    })
    .where('id', '=', deliveryId)
    .execute();
}
