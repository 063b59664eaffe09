import { z } from 'zod';

/**
 * A pool of API keys: a YAML list or a comma-separated string. Blank entries are dropped, so
 * `${OPENAI_API_KEY:-}` means "no key" (local servers need none).
 */
export const keysSchema = z
  .union([z.string(), z.array(z.string())], {
    error: 'expected a list of keys or a comma-separated string',
  })
  .transform((value) =>
    (typeof value === 'string' ? [value] : value)
      .flatMap((entry) => entry.split(','))
      .map((key) => key.trim())
      .filter((key) => key !== ''),
  );
