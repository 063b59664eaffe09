import {
  LOG_LEVELS,
  type LogLevel,
  parseEncryptionKey,
  parseEnvironment,
} from '@switchyard/config';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_HEADERS_TIMEOUT_MS } from '@switchyard/service-kit';
import { z } from 'zod';

/** The catalog service's own settings, read once from the environment (providers and models come from libs/config). */
export interface CatalogConfig {
  databaseUrl: string;
  redisUrl: string;
  natsUrl: string;
  /** Prefix of every NATS subject, stream and bucket (the gateways must use the same). */
  natsNamespace: string | undefined;
  masterKey: string;
  /**
   * Shared with the console: lets it vouch for SSO-signed-in people with a signed
   * `x-switchyard-actor` assertion (docs/architecture.md, "Console SSO"). Unset: keys only.
   */
  consoleActorSecret?: string;
  /** Accounting's key pepper, to check team keys against `accounting.api_keys`. */
  pepper: string;
  /** `SWITCHYARD_ENCRYPTION_KEY`: 32 bytes, base64 or hex. */
  encryptionKey: string;
  /** Keys replaced by rotation that must still decrypt (`SWITCHYARD_ENCRYPTION_KEYS_PREVIOUS`, comma-separated). */
  previousEncryptionKeys: string[];
  syncIntervalMs: number;
  /**
   * `SWITCHYARD_AUDIT_RETENTION_DAYS` (the setting accounting prunes its audit log by):
   * `catalog.audit_log` rows older than this are pruned hourly; 0 keeps them.
   */
  auditRetentionDays: number;
  /** The OpenRouter-format catalog; undefined when switched off (`off` or empty). */
  openRouterCatalogUrl: string | undefined;
  fetchTimeoutMs: number;
  host: string;
  port: number;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Longest wait for a request's headers, then for the whole request (408 after). */
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  shutdownGraceMs: number;
}

const integer = (min: number) => z.coerce.number().int().min(min);
const required = z.string().trim().min(1, { error: 'is required' });
const encryptionKey = z.string().refine((text) => parseEncryptionKey(text) !== undefined, {
  error: 'must be 32 bytes written as base64 or 64 hex digits',
});

/** How many days audit rows are kept unless `SWITCHYARD_AUDIT_RETENTION_DAYS` says (as accounting's). */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/**
 * The catalog's periodic work, the service's and standalone's: how often it syncs, how long a
 * source may take, and how long audit rows are kept.
 */
const syncEnvShape = {
  SWITCHYARD_CATALOG_SYNC_INTERVAL_MS: integer(10_000).default(3_600_000),
  SWITCHYARD_CATALOG_FETCH_TIMEOUT_MS: integer(100).default(15_000),
  SWITCHYARD_AUDIT_RETENTION_DAYS: integer(0).default(DEFAULT_AUDIT_RETENTION_DAYS),
};
const syncEnvSchema = z.object(syncEnvShape);

const envSchema = z.object({
  DATABASE_URL: required,
  REDIS_URL: required,
  NATS_URL: required,
  SWITCHYARD_NATS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "1–32 letters, digits, '_' or '-'" })
    .optional(),
  SWITCHYARD_MASTER_KEY: required,
  SWITCHYARD_CONSOLE_ACTOR_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters' })
    .optional(),
  SWITCHYARD_KEY_PEPPER: z.string().min(16, { error: 'must be at least 16 characters' }),
  SWITCHYARD_ENCRYPTION_KEY: encryptionKey,
  SWITCHYARD_ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== ''),
    )
    .pipe(z.array(encryptionKey)),
  ...syncEnvShape,
  SWITCHYARD_CATALOG_OPENROUTER_URL: z
    .string()
    .trim()
    .default('https://openrouter.ai/api/v1/models')
    .refine((text) => text === '' || text === 'off' || URL.canParse(text), {
      error: 'must be a URL or off',
    }),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PORT: integer(1).max(65_535).default(8003),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SWITCHYARD_BODY_LIMIT_BYTES: integer(1).default(1_048_576),
  SWITCHYARD_HEADERS_TIMEOUT_MS: integer(1).default(DEFAULT_HEADERS_TIMEOUT_MS),
  SWITCHYARD_BODY_TIMEOUT_MS: integer(1).default(DEFAULT_BODY_TIMEOUT_MS),
  SWITCHYARD_SHUTDOWN_GRACE_MS: integer(0).default(10_000),
});

/** Reads and validates the catalog configuration; throws a ConfigError naming every problem. */
export function loadCatalogConfig(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<CatalogConfig> {
  const parsed = parseEnvironment(envSchema, env);
  const openRouter = parsed.SWITCHYARD_CATALOG_OPENROUTER_URL;
  return Object.freeze({
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    natsUrl: parsed.NATS_URL,
    natsNamespace: parsed.SWITCHYARD_NATS_NAMESPACE,
    masterKey: parsed.SWITCHYARD_MASTER_KEY,
    ...(parsed.SWITCHYARD_CONSOLE_ACTOR_SECRET !== undefined && {
      consoleActorSecret: parsed.SWITCHYARD_CONSOLE_ACTOR_SECRET,
    }),
    pepper: parsed.SWITCHYARD_KEY_PEPPER,
    encryptionKey: parsed.SWITCHYARD_ENCRYPTION_KEY,
    previousEncryptionKeys: parsed.SWITCHYARD_ENCRYPTION_KEYS_PREVIOUS,
    syncIntervalMs: parsed.SWITCHYARD_CATALOG_SYNC_INTERVAL_MS,
    auditRetentionDays: parsed.SWITCHYARD_AUDIT_RETENTION_DAYS,
    openRouterCatalogUrl: openRouter === '' || openRouter === 'off' ? undefined : openRouter,
    fetchTimeoutMs: parsed.SWITCHYARD_CATALOG_FETCH_TIMEOUT_MS,
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
 * The periodic work's settings alone (`SWITCHYARD_CATALOG_SYNC_INTERVAL_MS`, `…_FETCH_TIMEOUT_MS`,
 * `SWITCHYARD_AUDIT_RETENTION_DAYS`), for the catalog embedded in standalone; throws a
 * ConfigError naming every problem.
 */
export function loadCatalogSyncConfig(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<Pick<CatalogConfig, 'syncIntervalMs' | 'fetchTimeoutMs' | 'auditRetentionDays'>> {
  const parsed = parseEnvironment(syncEnvSchema, env);
  return Object.freeze({
    syncIntervalMs: parsed.SWITCHYARD_CATALOG_SYNC_INTERVAL_MS,
    fetchTimeoutMs: parsed.SWITCHYARD_CATALOG_FETCH_TIMEOUT_MS,
    auditRetentionDays: parsed.SWITCHYARD_AUDIT_RETENTION_DAYS,
  });
}
