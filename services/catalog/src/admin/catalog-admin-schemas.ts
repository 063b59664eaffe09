import { PROVIDER_TYPES } from '@switchyard/config';
import { catalogPricingV1Schema } from '@switchyard/contracts';
import { z } from 'zod';

const limit = z.coerce.number().int().min(1).max(500).default(100);
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** `GET /admin/v1/models` query: search in id and name, filters, and an id cursor. */
export const listModelsQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(200).optional(),
  provider: z.string().min(1).max(64).optional(),
  free: flag.optional(),
  enabled: flag.optional(),
  limit,
  cursor: z.string().min(1).max(512).optional(),
});

/** `PATCH /admin/v1/models/{id}`: null removes an override; `aliases` replaces the set. */
export const updateModelSchema = z.strictObject({
  enabled: z.boolean().optional(),
  name: z.string().trim().min(1).max(200).nullable().optional(),
  context_length: z.number().int().positive().max(10_000_000).nullable().optional(),
  max_output_tokens: z.number().int().positive().max(10_000_000).nullable().optional(),
  pricing: catalogPricingV1Schema.nullable().optional(),
  aliases: z
    .array(z.string().regex(/^[^\s]{1,256}$/, { error: 'expected an id without spaces' }))
    .max(50)
    .optional(),
});
export type UpdateModel = z.infer<typeof updateModelSchema>;

/** `POST /admin/v1/providers`: a provider beside those of the config file. */
export const createProviderSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, {
    error: 'expected lower-case letters, digits, . _ -',
  }),
  type: z.enum(PROVIDER_TYPES),
  base_url: z.url({ protocol: /^https?$/ }),
  enabled: z.boolean().optional(),
});

/** `PATCH /admin/v1/providers/{name}`. */
export const updateProviderSchema = z.strictObject({
  enabled: z.boolean().optional(),
  base_url: z.url({ protocol: /^https?$/ }).optional(),
});

const credentialLimitsSchema = z.strictObject({
  rpm: z.number().int().positive().nullable().optional(),
  tpm: z.number().int().positive().nullable().optional(),
  daily_requests: z.number().int().positive().nullable().optional(),
});

/** `POST /admin/v1/credentials`: the secret is write-only, never returned. */
export const createCredentialSchema = z.strictObject({
  provider: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  secret: z.string().min(8).max(4096),
  enabled: z.boolean().optional(),
  limits: credentialLimitsSchema.optional(),
});

/** `PATCH /admin/v1/credentials/{id}`: a new `secret` replaces the stored one. */
export const updateCredentialSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  secret: z.string().min(8).max(4096).optional(),
  enabled: z.boolean().optional(),
  limits: credentialLimitsSchema.optional(),
});

/** `GET /admin/v1/credentials` query. */
export const listCredentialsQuerySchema = z.strictObject({
  provider: z.string().min(1).max(64).optional(),
});
