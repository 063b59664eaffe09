import type { z } from 'zod';
import { ConfigError } from './config-error.js';

/**
 * A service's environment variables parsed by `schema`; throws a ConfigError naming every bad
 * variable at once (a missing one as "is required"). Each service's `config.ts` calls it once.
 */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  env: Readonly<Record<string, string | undefined>>,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      source: 'env',
      path: issue.path.map(String).join('.'),
      reason:
        issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
    })),
  );
}
