import { z } from 'zod';

/**
 * Whether Postgres can take `value` as text or inside jsonb: never a NUL character, never an
 * unpaired UTF-16 surrogate (jsonb refuses `\ud800`). Anything else would fail as a 500.
 */
export function isPostgresText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string Postgres can store or compare: a 400 naming the field rather than a 500. */
export function postgresTextSchema() {
  return z.string().refine(isPostgresText, {
    error: 'must not contain NUL characters or unpaired surrogates',
  });
}

/** The largest value of a Postgres `integer` column (limits are stored in them). */
export const MAX_POSTGRES_INTEGER = 2_147_483_647;

/** A positive whole number an `integer` column holds (a limit such as rpm). */
export function positiveIntegerColumnSchema() {
  return z.number().int().positive().max(MAX_POSTGRES_INTEGER);
}
