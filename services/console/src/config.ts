import { LOG_LEVELS, type LogLevel, parseEnvironment } from '@switchyard/config';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_HEADERS_TIMEOUT_MS } from '@switchyard/service-kit';
import { z } from 'zod';
import type { SsoConfig } from './sso/sso-config.js';
import { checkSsoEnv, ssoEnvShape, toSsoConfig } from './sso/sso-env.js';

/** The console service's configuration, read once from the environment. */
export interface ConsoleConfig {
  /** Origin of the accounting admin API (`/admin/v1/teams`, `/keys`, `/usage`). */
  adminUrl: string;
  /** Origin of the catalog admin API (`/admin/v1/models`, `/providers`, …); default `adminUrl`. */
  catalogUrl: string;
  /** Origin of the gateway, whose `GET /v1/key` tells who a pasted key is. */
  gatewayUrl: string;
  /** A session ends after this long without a request. */
  sessionIdleMs: number;
  /** …and after this long in any case. */
  sessionMaxAgeMs: number;
  /** Sign-in through an OpenID Connect provider; undefined when off (key login only). */
  sso: SsoConfig | undefined;
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
const origin = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const envSchema = z
  .object({
    SWITCHYARD_ADMIN_URL: origin,
    SWITCHYARD_CATALOG_URL: origin.optional(),
    SWITCHYARD_GATEWAY_URL: origin,
    SWITCHYARD_CONSOLE_SESSION_IDLE_MS: integer(60_000).default(8 * 3_600_000),
    SWITCHYARD_CONSOLE_SESSION_MAX_AGE_MS: integer(60_000).default(24 * 3_600_000),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: integer(0).max(65_535).default(8003),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    SWITCHYARD_BODY_LIMIT_BYTES: integer(1).default(1_048_576),
    SWITCHYARD_HEADERS_TIMEOUT_MS: integer(1).default(DEFAULT_HEADERS_TIMEOUT_MS),
    SWITCHYARD_BODY_TIMEOUT_MS: integer(1).default(DEFAULT_BODY_TIMEOUT_MS),
    SWITCHYARD_SHUTDOWN_GRACE_MS: integer(0).default(10_000),
    ...ssoEnvShape,
  })
  .superRefine(checkSsoEnv);

/** Reads and validates the console configuration; throws a ConfigError naming every problem. */
export function loadConsoleConfig(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<ConsoleConfig> {
  const parsed = parseEnvironment(envSchema, env);
  return Object.freeze({
    adminUrl: parsed.SWITCHYARD_ADMIN_URL,
    catalogUrl: parsed.SWITCHYARD_CATALOG_URL ?? parsed.SWITCHYARD_ADMIN_URL,
    gatewayUrl: parsed.SWITCHYARD_GATEWAY_URL,
    sessionIdleMs: parsed.SWITCHYARD_CONSOLE_SESSION_IDLE_MS,
    sessionMaxAgeMs: parsed.SWITCHYARD_CONSOLE_SESSION_MAX_AGE_MS,
    sso: toSsoConfig(parsed),
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    bodyLimitBytes: parsed.SWITCHYARD_BODY_LIMIT_BYTES,
    headersTimeoutMs: parsed.SWITCHYARD_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: parsed.SWITCHYARD_BODY_TIMEOUT_MS,
    shutdownGraceMs: parsed.SWITCHYARD_SHUTDOWN_GRACE_MS,
  });
}
