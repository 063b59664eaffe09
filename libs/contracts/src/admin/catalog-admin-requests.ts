import { z } from 'zod';
import { catalogPricingV1Schema } from '../catalog/catalog-snapshot.js';
import {
  isPostgresText,
  positiveIntegerColumnSchema,
  postgresTextSchema,
} from './postgres-text.js';

/** A provider's base URL: http(s), nothing Postgres cannot store. */
const baseUrlSchema = z
  .url({ protocol: /^https?$/ })
  .refine(isPostgresText, { error: 'must not contain NUL characters' });
/** An upstream API key goes into an HTTP header: visible ASCII, no spaces or control characters. */
const apiKeySecretSchema = z
  .string()
  .min(8)
  .max(4096)
  .regex(/^[\x21-\x7e]+$/, { error: 'expected visible ASCII characters only (an API key)' });
/**
 * A JSON credential (a Google service-account key, an Azure Entra service principal) is never
 * sent as it is, so it may hold spaces and line breaks; its provider's signer checks its fields.
 */
const jsonSecretSchema = z
  .string()
  .max(16_384)
  .regex(/^\s*\{[\x20-\x7e\t\r\n]*\}\s*$/, { error: 'expected a JSON object' })
  .refine(isJsonObject, { error: 'expected a JSON object' });
const secretSchema = z.union([apiKeySecretSchema, jsonSecretSchema], {
  error: 'expected visible ASCII characters only (an API key), or a JSON credential',
});

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const limit = z.coerce.number().int().min(1).max(500).default(100);
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** `GET /admin/v1/models` query: search in id and name, filters, and an id cursor. */
export const listModelsQuerySchema = z.strictObject({
  search: postgresTextSchema().trim().min(1).max(200).optional(),
  provider: postgresTextSchema().min(1).max(64).optional(),
  free: flag.optional(),
  enabled: flag.optional(),
  limit,
  cursor: z.string().min(1).max(512).optional(),
});

/**
 * A price override in a PATCH: the fields given replace those of the current price (the model's
 * override, else its first route's price); the others keep their value.
 */
export const pricingPatchSchema = z.strictObject(catalogPricingV1Schema.shape).partial();
export type PricingPatch = z.infer<typeof pricingPatchSchema>;

/** `PATCH /admin/v1/models/{id}`: null removes an override; `aliases` replaces the set. */
export const updateModelSchema = z.strictObject({
  enabled: z.boolean().optional(),
  name: postgresTextSchema().trim().min(1).max(200).nullable().optional(),
  context_length: z.number().int().positive().max(10_000_000).nullable().optional(),
  max_output_tokens: z.number().int().positive().max(10_000_000).nullable().optional(),
  pricing: pricingPatchSchema.nullable().optional(),
  aliases: z
    .array(postgresTextSchema().regex(/^[^\s]{1,256}$/, { error: 'expected an id without spaces' }))
    .max(50)
    .optional(),
});
export type UpdateModel = z.infer<typeof updateModelSchema>;

/**
 * `POST /admin/v1/providers`: a provider beside those of the config file. The provider types are
 * the configuration's (libs/config), which this package cannot import, so the catalog passes them.
 */
export function createProviderSchemaFor<const Types extends readonly [string, ...string[]]>(
  providerTypes: Types,
) {
  return z.strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, {
      error: 'expected lower-case letters, digits, . _ -',
    }),
    type: z.enum(providerTypes),
    base_url: baseUrlSchema,
    enabled: z.boolean().optional(),
  });
}

/** A parsed `POST /admin/v1/providers` body. */
export type CreateProvider = z.output<ReturnType<typeof createProviderSchemaFor>>;

/** `PATCH /admin/v1/providers/{name}`. */
export const updateProviderSchema = z.strictObject({
  enabled: z.boolean().optional(),
  base_url: baseUrlSchema.optional(),
});
export type UpdateProvider = z.infer<typeof updateProviderSchema>;

/** Credential limits live in Postgres `integer` columns: bounded to what they hold. */
const credentialLimitsSchema = z.strictObject({
  rpm: positiveIntegerColumnSchema().nullable().optional(),
  tpm: positiveIntegerColumnSchema().nullable().optional(),
  daily_requests: positiveIntegerColumnSchema().nullable().optional(),
});

/** `POST /admin/v1/credentials`: the secret is write-only, never returned. */
export const createCredentialSchema = z.strictObject({
  provider: postgresTextSchema().min(1).max(64),
  name: postgresTextSchema().trim().min(1).max(200),
  secret: secretSchema,
  enabled: z.boolean().optional(),
  limits: credentialLimitsSchema.optional(),
});
export type CreateCredential = z.infer<typeof createCredentialSchema>;

/** `PATCH /admin/v1/credentials/{id}`: a new `secret` replaces the stored one. */
export const updateCredentialSchema = z.strictObject({
  name: postgresTextSchema().trim().min(1).max(200).optional(),
  secret: secretSchema.optional(),
  enabled: z.boolean().optional(),
  limits: credentialLimitsSchema.optional(),
});
export type UpdateCredential = z.infer<typeof updateCredentialSchema>;

/** `GET /admin/v1/credentials` query. */
export const listCredentialsQuerySchema = z.strictObject({
  provider: postgresTextSchema().min(1).max(64).optional(),
});
