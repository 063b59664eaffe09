import { z } from 'zod';
import { integerSchema } from './integer-schema.js';
import type { CredentialConfig } from './switchyard-config.js';

/** A key of a pool before it is numbered: the secret and its limits. */
export type KeyEntry = Omit<CredentialConfig, 'id'>;

const credentialSchema = z.strictObject({
  key: z.string().trim(),
  rpm: integerSchema(1).optional(),
  tpm: integerSchema(1).optional(),
  daily_requests: integerSchema(1).optional(),
});

const entrySchema = z.union([z.string(), credentialSchema], {
  error: 'expected a key, or a mapping { key, rpm, tpm, daily_requests }',
});

function splitKeys(text: string): KeyEntry[] {
  // A JSON credential (an Entra service principal, a Google service-account key) is one key.
  const keys = text.trimStart().startsWith('{') ? [text] : text.split(',');
  return keys
    .map((key) => key.trim())
    .map((key) => ({ key, rpm: undefined, tpm: undefined, dailyRequests: undefined }));
}

/**
 * A pool of API keys: a YAML list or a comma-separated string. List entries may be mappings that
 * carry the key's own limits; a key that is a JSON object is never split. Blank keys are dropped, so `${OPENAI_API_KEY:-}` means "no key"
 * (local servers need none).
 */
export const keysSchema = z
  .union([z.string(), z.array(entrySchema)], {
    error: 'expected a list of keys or a comma-separated string',
  })
  .transform((value): KeyEntry[] =>
    (typeof value === 'string' ? [value] : value)
      .flatMap((entry) =>
        typeof entry === 'string'
          ? splitKeys(entry)
          : [
              {
                key: entry.key,
                rpm: entry.rpm,
                tpm: entry.tpm,
                dailyRequests: entry.daily_requests,
              },
            ],
      )
      .filter((entry) => entry.key !== ''),
  );
