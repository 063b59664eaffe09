import { LOG_LEVELS, type LogLevel, parseEnvironment } from '@switchyard/config';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_HEADERS_TIMEOUT_MS } from '@switchyard/service-kit';
import { z } from 'zod';
import { type AlertsConfig, alertsEnvShape, toAlertsConfig } from './alerts/alerts-config.js';

/** The accounting service's configuration, read once from the environment. */
export interface AccountingConfig {
  databaseUrl: string;
  /** Server-side secret the key HMACs are keyed with; at least 16 characters. */
  pepper: string;
  masterKey: string;
  /**
   * Shared with the console: lets it vouch for SSO-signed-in people with a signed
   * `x-switchyard-actor` assertion (docs/architecture.md, "Console SSO"). Unset: keys only.
   */
  consoleActorSecret?: string;
  /** NATS, to tell gateways about key changes (and carry usage); optional. */
  natsUrl: string | undefined;
  /** Prefix of every NATS subject, stream and bucket (the gateways must use the same). */
  natsNamespace: string | undefined;
  /** Redis, for BullMQ jobs (usage retention); optional: without it retention runs in-process. */
  redisUrl: string | undefined;
  /** The usage consumer (runs only with NATS) and the ledger's retention. */
  usage: UsageConfig;
  /** Spend alerts' delivery and global webhook (defaults when absent). */
  alerts?: AlertsConfig;
  host: string;
  port: number;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Longest wait for a request's headers, then for the whole request (408 after). */
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  shutdownGraceMs: number;
}

/** How usage events are consumed and kept. */
export interface UsageConfig {
  /** Ledger rows older than this are pruned; 0 keeps them forever. */
  retentionDays: number;
  /**
   * Logged request and response bodies older than this are pruned; 0 keeps them as long as their
   * ledger row (never longer). Default {@link DEFAULT_REQUEST_BODY_RETENTION_DAYS}.
   */
  requestBodyRetentionDays?: number;
  /** Audit rows older than this are pruned; 0 keeps them. Default {@link DEFAULT_AUDIT_RETENTION_DAYS}. */
  auditRetentionDays?: number;
  /** How long the USAGE stream keeps messages, acked or not. */
  streamMaxAgeMs: number;
  /** Most events written in one statement. */
  batchSize: number;
  /** A batch is written when full or this long after the pull began. */
  batchWaitMs: number;
}

/** How many days logged bodies are kept unless `SWITCHYARD_REQUEST_BODY_RETENTION_DAYS` says. */
export const DEFAULT_REQUEST_BODY_RETENTION_DAYS = 7;

/** How many days audit rows are kept unless `SWITCHYARD_AUDIT_RETENTION_DAYS` says. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

const integer = (min: number) => z.coerce.number().int().min(min);

/** The usage variables and their defaults: the accounting service's and standalone's alike. */
const usageEnvShape = {
  SWITCHYARD_USAGE_RETENTION_DAYS: integer(0).default(90),
  SWITCHYARD_REQUEST_BODY_RETENTION_DAYS: integer(0).default(DEFAULT_REQUEST_BODY_RETENTION_DAYS),
  SWITCHYARD_AUDIT_RETENTION_DAYS: integer(0).default(DEFAULT_AUDIT_RETENTION_DAYS),
  SWITCHYARD_USAGE_STREAM_MAX_AGE_HOURS: integer(1).default(168),
  SWITCHYARD_USAGE_BATCH_SIZE: integer(1).max(2_000).default(500),
  SWITCHYARD_USAGE_BATCH_WAIT_MS: integer(1_000).default(1_000),
};
const usageEnvSchema = z.object(usageEnvShape);

const envSchema = z.object({
  DATABASE_URL: z.string().trim().min(1, { error: 'is required' }),
  SWITCHYARD_KEY_PEPPER: z.string().min(16, { error: 'must be at least 16 characters' }),
  SWITCHYARD_MASTER_KEY: z.string().trim().min(1, { error: 'is required' }),
  SWITCHYARD_CONSOLE_ACTOR_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters' })
    .optional(),
  NATS_URL: z.string().trim().min(1).optional(),
  SWITCHYARD_NATS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "1–32 letters, digits, '_' or '-'" })
    .optional(),
  REDIS_URL: z.string().trim().min(1).optional(),
  ...usageEnvShape,
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PORT: integer(0).max(65_535).default(8002),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SWITCHYARD_BODY_LIMIT_BYTES: integer(1).default(1_048_576),
  SWITCHYARD_HEADERS_TIMEOUT_MS: integer(1).default(DEFAULT_HEADERS_TIMEOUT_MS),
  SWITCHYARD_BODY_TIMEOUT_MS: integer(1).default(DEFAULT_BODY_TIMEOUT_MS),
  SWITCHYARD_SHUTDOWN_GRACE_MS: integer(0).default(10_000),
  ...alertsEnvShape,
});

/** Reads and validates the accounting configuration; throws a ConfigError naming every problem. */
export function loadAccountingConfig(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<AccountingConfig> {
  const parsed = parseEnvironment(envSchema, env);
  return Object.freeze({
    databaseUrl: parsed.DATABASE_URL,
    pepper: parsed.SWITCHYARD_KEY_PEPPER,
    masterKey: parsed.SWITCHYARD_MASTER_KEY,
    ...(parsed.SWITCHYARD_CONSOLE_ACTOR_SECRET !== undefined && {
      consoleActorSecret: parsed.SWITCHYARD_CONSOLE_ACTOR_SECRET,
    }),
    natsUrl: parsed.NATS_URL,
    natsNamespace: parsed.SWITCHYARD_NATS_NAMESPACE,
    redisUrl: parsed.REDIS_URL,
    usage: toUsageConfig(parsed),
    alerts: toAlertsConfig(parsed),
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    bodyLimitBytes: parsed.SWITCHYARD_BODY_LIMIT_BYTES,
    headersTimeoutMs: parsed.SWITCHYARD_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: parsed.SWITCHYARD_BODY_TIMEOUT_MS,
    shutdownGraceMs: parsed.SWITCHYARD_SHUTDOWN_GRACE_MS,
  });
}

/**
 * The usage settings alone (`SWITCHYARD_USAGE_*`, `SWITCHYARD_REQUEST_BODY_RETENTION_DAYS`), for
 * accounting embedded in standalone; throws a ConfigError naming every problem.
 */
export function loadUsageConfig(env: Readonly<Record<string, string | undefined>>): UsageConfig {
  return toUsageConfig(parseEnvironment(usageEnvSchema, env));
}

function toUsageConfig(parsed: z.infer<typeof usageEnvSchema>): UsageConfig {
  return Object.freeze({
    retentionDays: parsed.SWITCHYARD_USAGE_RETENTION_DAYS,
    requestBodyRetentionDays: parsed.SWITCHYARD_REQUEST_BODY_RETENTION_DAYS,
    auditRetentionDays: parsed.SWITCHYARD_AUDIT_RETENTION_DAYS,
    streamMaxAgeMs: parsed.SWITCHYARD_USAGE_STREAM_MAX_AGE_HOURS * 3_600_000,
    batchSize: parsed.SWITCHYARD_USAGE_BATCH_SIZE,
    batchWaitMs: parsed.SWITCHYARD_USAGE_BATCH_WAIT_MS,
  });
}
