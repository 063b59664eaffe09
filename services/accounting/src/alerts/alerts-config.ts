import { ConfigError, parseEnvironment } from '@switchyard/config';
import { z } from 'zod';
import type { AlertDeliverySettings } from './alert-delivery.js';

/** Spend alerts' settings: delivery retries and timeout, and a global webhook from configuration. */
export interface AlertsConfig {
  delivery: AlertDeliverySettings;
  /** A webhook every alert goes to, kept in the database as the `config` webhook; optional. */
  webhook: { url: string; secret: string; format: 'json' | 'slack' } | undefined;
}

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The alert variables and their defaults (spread into accounting's environment schema). */
export const alertsEnvShape = {
  SWITCHYARD_ALERT_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .optional(),
  SWITCHYARD_ALERT_WEBHOOK_SECRET: z
    .string()
    .min(16, { error: 'must be at least 16 characters' })
    .max(256)
    .optional(),
  SWITCHYARD_ALERT_WEBHOOK_FORMAT: z.enum(['json', 'slack']).default('json'),
  SWITCHYARD_ALERT_DELIVERY_ATTEMPTS: integer(1, 25).default(8),
  SWITCHYARD_ALERT_RETRY_BASE_MS: integer(100, 3_600_000).default(2_000),
  SWITCHYARD_ALERT_TIMEOUT_MS: integer(100, 60_000).default(10_000),
};

type AlertsEnv = z.infer<z.ZodObject<typeof alertsEnvShape>>;

/**
 * The alert settings of a parsed environment; a webhook URL without its secret is a ConfigError
 * naming the missing variable.
 */
export function toAlertsConfig(env: AlertsEnv): AlertsConfig {
  const url = env.SWITCHYARD_ALERT_WEBHOOK_URL;
  const secret = env.SWITCHYARD_ALERT_WEBHOOK_SECRET;
  if (url !== undefined && secret === undefined) {
    throw new ConfigError([
      {
        source: 'env',
        path: 'SWITCHYARD_ALERT_WEBHOOK_SECRET',
        reason: 'is required with SWITCHYARD_ALERT_WEBHOOK_URL',
      },
    ]);
  }
  return Object.freeze({
    delivery: Object.freeze({
      attempts: env.SWITCHYARD_ALERT_DELIVERY_ATTEMPTS,
      backoffMs: env.SWITCHYARD_ALERT_RETRY_BASE_MS,
      timeoutMs: env.SWITCHYARD_ALERT_TIMEOUT_MS,
    }),
    webhook:
      url === undefined || secret === undefined
        ? undefined
        : Object.freeze({ url, secret, format: env.SWITCHYARD_ALERT_WEBHOOK_FORMAT }),
  });
}

/**
 * The alert settings alone (`SWITCHYARD_ALERT_*`), for accounting embedded in standalone; throws a
 * ConfigError naming every problem.
 */
export function loadAlertsConfig(env: Readonly<Record<string, string | undefined>>): AlertsConfig {
  return toAlertsConfig(parseEnvironment(z.object(alertsEnvShape), env));
}
