import {
  ConfigError,
  loadConfig,
  parseEnvironment,
  type SwitchyardConfig,
} from '@switchyard/config';
import { LOGGED_BODY_MAX_CHARS } from '@switchyard/contracts';
import { z } from 'zod';

/** How the gateway reaches the shared stores and its upstreams; every field is optional but the pepper rule. */
export interface GatewayAccessConfig {
  /** Accounting's Postgres, read-only, to find per-team keys; only the master key without it. */
  databaseUrl: string | undefined;
  /** Shared rate limits and the principal cache; an in-memory limiter without it. */
  redisUrl: string | undefined;
  /** Key-change broadcasts and usage events. */
  natsUrl: string | undefined;
  /** Prefix of every NATS subject, stream and bucket, to share one NATS between installations. */
  natsNamespace: string | undefined;
  /** SWITCHYARD_KEY_PEPPER: required with a database. */
  keyPepper: string | undefined;
  /**
   * SWITCHYARD_ENCRYPTION_KEY (and the previous keys still to open): with a database, the
   * upstream keys stored through the admin API join the configured pools.
   */
  encryptionKey: string | undefined;
  previousEncryptionKeys: string[];
  /** When Redis is unreachable: let requests through unchecked (`open`) or refuse them. */
  rateLimitFailMode: 'open' | 'closed';
  /**
   * Longest wait for a reply from the limit store before failing open or closed. A Redis that is
   * down fails at once; this only bounds a hung one, and must stay above event-loop stalls.
   */
  limitStoreTimeoutMs: number;
  /**
   * The share of a large limit each replica charges in Redis ahead of use and admits from
   * without a round trip (0 turns it off: every admission asks Redis).
   */
  limitAllowanceShare: number;
  /** Unused for this long, what a replica charged ahead goes back to Redis (ms). */
  limitAllowanceIdleMs: number;
  /** Usage events held in memory while NATS is unreachable; beyond it they are dropped (counted). */
  usageBufferMax: number;
  /** How long shutdown waits for buffered usage events to be published. */
  usageDrainTimeoutMs: number;
  /**
   * Local directory where usage events wait on disk until JetStream acknowledges them, replayed
   * at start after a crash; one per process. Off (memory only) when absent.
   */
  usageSpoolDir: string | undefined;
  /** How often spooled events are written and fsynced: the most a `kill -9` can lose. */
  usageSpoolFsyncMs: number;
  /** Most bytes the spool holds; past it events wait in memory only (counted). */
  usageSpoolMaxBytes: number;
  /** Longest request or response body the request log keeps (UTF-8 bytes; keys with logging on). */
  requestLogMaxBytes: number;
  /**
   * Bodies ride on usage events only while fewer events than this wait to be published: an
   * outage fills the buffer with usage, never with megabytes of bodies (those are dropped, counted).
   */
  requestLogBufferMax: number;
  /** How long this process trusts a principal it looked up. */
  keyCacheTtlMs: number;
  /** How long a principal stays in Redis for the other replicas. */
  sharedKeyCacheTtlMs: number;
  /**
   * How long after Postgres last confirmed a key it keeps working through a Postgres outage,
   * from this process's or Redis's copy (revocations still evict it); 0 turns that off.
   */
  keyStaleTtlMs: number;
  /** Most connections one process keeps to one upstream origin: its open streams' ceiling. */
  upstreamMaxConnections: number;
}

/** The gateway's configuration: the shared config with a master key that must be set. */
export type GatewayConfig = SwitchyardConfig & { masterKey: string; access?: GatewayAccessConfig };

/** Bodies kept per request by default: 64 KiB each way. */
export const DEFAULT_REQUEST_LOG_MAX_BYTES = 65_536;
/** Events that may carry bodies while waiting to be published, by default. */
export const DEFAULT_REQUEST_LOG_BUFFER_MAX = 1_000;
/**
 * Connections per upstream origin by default: every open stream holds one, and a request past
 * the cap waits for a free one, so it sits well above the 2,000 open streams a process serves.
 */
export const DEFAULT_UPSTREAM_MAX_CONNECTIONS = 4_096;

const optionalUrl = z.string().trim().min(1).optional();
const accessEnvSchema = z
  .object({
    DATABASE_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    NATS_URL: optionalUrl,
    SWITCHYARD_NATS_NAMESPACE: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "1–32 letters, digits, '_' or '-'" })
      .optional(),
    SWITCHYARD_KEY_PEPPER: z
      .string()
      .min(16, { error: 'must be at least 16 characters' })
      .optional(),
    SWITCHYARD_ENCRYPTION_KEY: z.string().trim().min(1).optional(),
    SWITCHYARD_ENCRYPTION_KEYS_PREVIOUS: z.string().optional(),
    SWITCHYARD_RATE_LIMIT_FAIL_MODE: z.enum(['open', 'closed']).default('open'),
    SWITCHYARD_LIMIT_STORE_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(1_000),
    SWITCHYARD_LIMIT_ALLOWANCE_SHARE: z.coerce.number().min(0).max(0.1).default(0.01),
    SWITCHYARD_LIMIT_ALLOWANCE_IDLE_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
    SWITCHYARD_USAGE_BUFFER_MAX: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    SWITCHYARD_USAGE_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    SWITCHYARD_USAGE_SPOOL_DIR: z.string().trim().min(1).optional(),
    SWITCHYARD_USAGE_SPOOL_FSYNC_MS: z.coerce.number().int().min(1).max(10_000).default(100),
    SWITCHYARD_USAGE_SPOOL_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1_048_576)
      .max(68_719_476_736)
      .default(268_435_456),
    SWITCHYARD_REQUEST_LOG_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(LOGGED_BODY_MAX_CHARS)
      .default(DEFAULT_REQUEST_LOG_MAX_BYTES),
    SWITCHYARD_REQUEST_LOG_BUFFER_MAX: z.coerce
      .number()
      .int()
      .min(0)
      .max(100_000)
      .default(DEFAULT_REQUEST_LOG_BUFFER_MAX),
    SWITCHYARD_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    SWITCHYARD_SHARED_KEY_CACHE_TTL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(10_000),
    SWITCHYARD_KEY_STALE_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
    SWITCHYARD_UPSTREAM_MAX_CONNECTIONS: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(DEFAULT_UPSTREAM_MAX_CONNECTIONS),
  })
  .refine((env) => env.DATABASE_URL === undefined || env.SWITCHYARD_KEY_PEPPER !== undefined, {
    error: 'is required when DATABASE_URL is set (the HMAC key of stored API keys)',
    path: ['SWITCHYARD_KEY_PEPPER'],
  });

/** The access settings from the environment; throws a ConfigError naming every bad variable. */
export function loadAccessConfig(
  env: Readonly<Record<string, string | undefined>>,
): GatewayAccessConfig {
  const parsed = parseEnvironment(accessEnvSchema, env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    natsUrl: parsed.NATS_URL,
    natsNamespace: parsed.SWITCHYARD_NATS_NAMESPACE,
    keyPepper: parsed.SWITCHYARD_KEY_PEPPER,
    encryptionKey: parsed.SWITCHYARD_ENCRYPTION_KEY,
    previousEncryptionKeys: (parsed.SWITCHYARD_ENCRYPTION_KEYS_PREVIOUS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== ''),
    rateLimitFailMode: parsed.SWITCHYARD_RATE_LIMIT_FAIL_MODE,
    limitStoreTimeoutMs: parsed.SWITCHYARD_LIMIT_STORE_TIMEOUT_MS,
    limitAllowanceShare: parsed.SWITCHYARD_LIMIT_ALLOWANCE_SHARE,
    limitAllowanceIdleMs: parsed.SWITCHYARD_LIMIT_ALLOWANCE_IDLE_MS,
    usageBufferMax: parsed.SWITCHYARD_USAGE_BUFFER_MAX,
    usageDrainTimeoutMs: parsed.SWITCHYARD_USAGE_DRAIN_TIMEOUT_MS,
    usageSpoolDir: parsed.SWITCHYARD_USAGE_SPOOL_DIR,
    usageSpoolFsyncMs: parsed.SWITCHYARD_USAGE_SPOOL_FSYNC_MS,
    usageSpoolMaxBytes: parsed.SWITCHYARD_USAGE_SPOOL_MAX_BYTES,
    requestLogMaxBytes: parsed.SWITCHYARD_REQUEST_LOG_MAX_BYTES,
    requestLogBufferMax: parsed.SWITCHYARD_REQUEST_LOG_BUFFER_MAX,
    keyCacheTtlMs: parsed.SWITCHYARD_KEY_CACHE_TTL_MS,
    sharedKeyCacheTtlMs: parsed.SWITCHYARD_SHARED_KEY_CACHE_TTL_MS,
    keyStaleTtlMs: parsed.SWITCHYARD_KEY_STALE_TTL_MS,
    upstreamMaxConnections: parsed.SWITCHYARD_UPSTREAM_MAX_CONNECTIONS,
  };
}

/**
 * Reads and validates the gateway's configuration from the environment (and the YAML file it
 * names); throws a ConfigError listing every problem.
 */
export function loadGatewayConfig(
  env: Readonly<Record<string, string | undefined>>,
): GatewayConfig {
  const config = loadConfig({ env });
  return { ...requireMasterKey(config), access: loadAccessConfig(env) };
}

/** The config with its master key checked present. */
export function requireMasterKey(config: SwitchyardConfig): GatewayConfig {
  const { masterKey } = config;
  if (masterKey === undefined) {
    throw new ConfigError([
      {
        source: 'env',
        path: 'SWITCHYARD_MASTER_KEY',
        reason: 'is required (or auth.master_key in the YAML)',
      },
    ]);
  }
  return { ...config, masterKey };
}
