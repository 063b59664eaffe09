import type { EnvVariableNames } from '@switchyard/providers';
import { z } from 'zod';
import { baseUrlSchema } from './base-url-schema.js';
import { ENV_PROVIDERS } from './env-providers.js';
import { integerSchema } from './integer-schema.js';
import { keysSchema } from './keys-schema.js';
import { logLevelSchema } from './log-level.js';

// `FOO=` (as compose files often produce) means "not set", never "set to nothing".
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

const keyPoolVariable = optional(keysSchema);
const baseUrlVariable = optional(baseUrlSchema);

/** Each provider's key and base URL variables, in `ENV_PROVIDERS` order. */
const providerVariables = Object.fromEntries(
  ENV_PROVIDERS.flatMap((provider) => [
    ...provider.keyVariables.map((name) => [name, keyPoolVariable] as const),
    [provider.baseUrlVariable, baseUrlVariable] as const,
  ]),
) as { [Name in EnvVariableNames['key']]: typeof keyPoolVariable } & {
  [Name in EnvVariableNames['baseUrl']]: typeof baseUrlVariable;
};

/** The environment variables Switchyard reads; other variables are ignored. */
export const envSchema = z.object({
  SWITCHYARD_CONFIG: optional(z.string()),
  PORT: optional(integerSchema(0, 65_535)),
  HOST: optional(z.string().trim().min(1)),
  REQUEST_TIMEOUT_MS: optional(integerSchema(1)),
  SWITCHYARD_BODY_LIMIT_BYTES: optional(integerSchema(1)),
  SWITCHYARD_HEADERS_TIMEOUT_MS: optional(integerSchema(1)),
  SWITCHYARD_BODY_TIMEOUT_MS: optional(integerSchema(1)),
  LOG_LEVEL: optional(logLevelSchema),
  SWITCHYARD_MASTER_KEY: optional(z.string()),
  SWITCHYARD_DATA_DIR: optional(z.string()),
  ...providerVariables,
});

/** The environment after validation; unset and empty variables are `undefined`. */
export type EnvOverrides = z.output<typeof envSchema>;
