import { z } from 'zod';
import { pageSchema } from './page-schema.js';
import { isPostgresText, postgresTextSchema } from './postgres-text.js';

const time = z.iso.datetime();

/**
 * A webhook to create: an https (or, for local receivers, http) URL, the secret its signature is
 * keyed with (16–256 characters), the body format, and the team whose alerts it receives (absent:
 * every team's; only an admin may create one).
 */
export const createAlertWebhookSchema = z.strictObject({
  name: postgresTextSchema().trim().min(1).max(100),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .max(2_048)
    .refine(isPostgresText, { error: 'must not contain NUL characters' }),
  secret: postgresTextSchema().min(16).max(256),
  format: z.enum(['json', 'slack']).default('json'),
  team_id: z.uuid().optional(),
  enabled: z.boolean().default(true),
});
export type CreateAlertWebhook = z.infer<typeof createAlertWebhookSchema>;

/** A webhook as the admin API shows it: never its secret. */
export const alertWebhookJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('alert_webhook'),
  team_id: z.uuid().nullable(),
  name: z.string(),
  url: z.string(),
  format: z.enum(['json', 'slack']),
  enabled: z.boolean(),
  created_at: time,
  updated_at: time,
});
export type AlertWebhookJson = z.infer<typeof alertWebhookJsonSchema>;
export const alertWebhookPageSchema = pageSchema(alertWebhookJsonSchema);

/** Filters of the delivery log. */
export const alertDeliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  team_id: z.uuid().optional(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed']).optional(),
});
export type AlertDeliveriesQuery = z.infer<typeof alertDeliveriesQuerySchema>;

/** One delivery of one alert to one webhook. */
export const alertDeliveryJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('alert_delivery'),
  webhook_id: z.uuid(),
  team_id: z.uuid(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed']),
  attempts: z.number().int(),
  last_status: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: time,
  delivered_at: time.nullable(),
  alert: z.object({
    id: z.uuid(),
    scope: z.enum(['key', 'team']),
    owner_id: z.uuid(),
    kind: z.enum(['threshold', 'projected']),
    threshold_percent: z.number().int(),
    period: z.enum(['day', 'month', 'total']),
    period_start: time,
    limit_usd: z.string(),
    spent_usd: z.string(),
    projected_usd: z.string().nullable(),
  }),
});
export type AlertDeliveryJson = z.infer<typeof alertDeliveryJsonSchema>;
export const alertDeliveryPageSchema = pageSchema(alertDeliveryJsonSchema);
