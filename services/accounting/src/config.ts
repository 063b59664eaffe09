import { ConfigError, LOG_LEVELS, type LogLevel } from '@switchyard/config';
import { z } from 'zod';

/** The accounting service's configuration, read once from the environment. */
export interface AccountingConfig {
  databaseUrl: string;
  /** Server-side secret the key HMACs are keyed with; at least 16 characters. */
  pepper: string;
  masterKey: string;
  /** NATS, to tell gateways about key changes (and carry usage); optional. */
  natsUrl: string | undefined;
  host: string;
  port: number;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  shutdownGraceMs: number;
}

const integer = (min: number) => z.coerce.number().int().min(min);

const envSchema = z.object({
  DATABASE_URL: z.string().trim().min(1, { error: 'is required' }),
  SWITCHYARD_KEY_PEPPER: z.string().min(16, { error: 'must be at least 16 characters' }),
  SWITCHYARD_MASTER_KEY: z.string().trim().min(1, { error: 'is required' }),
  NATS_URL: z.string().trim().min(1).optional(),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PORT: integer(0).max(65_535).default(8002),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SWITCHYARD_BODY_LIMIT_BYTES: integer(1).default(1_048_576),
  SWITCHYARD_SHUTDOWN_GRACE_MS: integer(0).default(10_000),
});

/** Reads and validates the accounting configuration; throws a ConfigError naming every problem. */
export function loadAccountingConfig(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<AccountingConfig> {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        source: 'env',
        path: issue.path.map(String).join('.'),
        reason:
          issue.code === 'invalid_type' && issue.input === undefined
            ? 'is required'
            : issue.message,
      })),
    );
  }
  const parsed = result.data;
  return Object.freeze({
    databaseUrl: parsed.DATABASE_URL,
    pepper: parsed.SWITCHYARD_KEY_PEPPER,
    masterKey: parsed.SWITCHYARD_MASTER_KEY,
    natsUrl: parsed.NATS_URL,
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    bodyLimitBytes: parsed.SWITCHYARD_BODY_LIMIT_BYTES,
    shutdownGraceMs: parsed.SWITCHYARD_SHUTDOWN_GRACE_MS,
  });
}
