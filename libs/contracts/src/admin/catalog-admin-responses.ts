import { z } from 'zod';
import { catalogPricingV1Schema } from '../catalog/catalog-snapshot.js';
import { pageSchema } from './page-schema.js';

const time = z.iso.datetime();
/** A price as stored: exact decimal strings, null where there is no such charge. */
const pricing = z.record(z.string(), z.string().nullable());

/** A model as the catalog admin API shows it: stored fields, overrides, aliases and routes. */
export const modelJsonSchema = z.object({
  id: z.string(),
  object: z.literal('model'),
  name: z.string(),
  kind: z.string(),
  context_length: z.number().int(),
  max_output_tokens: z.number().int().nullable(),
  modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }),
  supported_parameters: z.array(z.string()),
  free: z.boolean(),
  enabled: z.boolean(),
  source: z.string(),
  retired_at: time.nullable(),
  /** What the admin API overrides (name, context_length, max_output_tokens, pricing). */
  overrides: z.object({
    name: z.string().optional(),
    context_length: z.number().int().optional(),
    max_output_tokens: z.number().int().nullable().optional(),
    pricing: catalogPricingV1Schema.optional(),
  }),
  aliases: z.array(z.string()),
  routes: z.array(
    z.object({
      provider: z.string(),
      upstream_model: z.string(),
      priority: z.number().int(),
      source: z.string(),
      pricing,
    }),
  ),
  /** With a single model: every price of every route, oldest first. */
  prices: z
    .array(
      z.object({
        provider: z.string(),
        upstream_model: z.string(),
        effective_from: time,
        source: z.string(),
        pricing,
      }),
    )
    .optional(),
});
export type ModelJson = z.infer<typeof modelJsonSchema>;

/** A model after a change, with the catalog version that published it. */
export const publishedModelJsonSchema = modelJsonSchema.extend({ catalog_version: z.string() });

/** A provider routes can name. */
export const providerJsonSchema = z.object({
  name: z.string(),
  object: z.literal('provider'),
  type: z.string(),
  base_url: z.string(),
  enabled: z.boolean(),
  /** `config` (the configuration file) or `admin` (added through this API). */
  source: z.string(),
  created_at: time,
  updated_at: time,
});
export type ProviderJson = z.infer<typeof providerJsonSchema>;

/** A provider after a change, with the catalog version that published it. */
export const publishedProviderJsonSchema = providerJsonSchema.extend({
  catalog_version: z.string(),
});

/** An upstream credential: never the secret or its ciphertext, only a masked hint. */
export const credentialJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('credential'),
  provider: z.string(),
  name: z.string(),
  hint: z.string(),
  enabled: z.boolean(),
  limits: z.object({
    rpm: z.number().int().nullable(),
    tpm: z.number().int().nullable(),
    daily_requests: z.number().int().nullable(),
  }),
  created_at: time,
  updated_at: time,
});
export type CredentialJson = z.infer<typeof credentialJsonSchema>;

/** How one source fared in a sync run. */
const sourceReportSchema = z.looseObject({
  status: z.string(),
  error: z.string().nullable(),
  models: z.number().int(),
});

/** A sync run's report (the fields clients read; the stored report holds more). */
export const syncReportJsonSchema = z.looseObject({
  status: z.string().optional(),
  models: z.number().int().optional(),
  routes: z.number().int().optional(),
  changed: z.boolean().optional(),
  error: z.string().nullable().optional(),
  sources: z.record(z.string(), sourceReportSchema).optional(),
});
export type SyncReportJson = z.infer<typeof syncReportJsonSchema>;

/** A catalog sync run and its report (empty until it finishes). */
export const syncRunJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('catalog.sync_run'),
  trigger: z.string(),
  status: z.string(),
  catalog_version: z.string().nullable(),
  created_at: time,
  started_at: time.nullable(),
  finished_at: time.nullable(),
  report: syncReportJsonSchema,
});
export type SyncRunJson = z.infer<typeof syncRunJsonSchema>;

/** `POST /admin/v1/catalog/sync`: the queued run's id. */
export const queuedSyncRunJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('catalog.sync_run'),
  status: z.literal('queued'),
});

export const modelPageSchema = pageSchema(modelJsonSchema);
export const providerListSchema = pageSchema(providerJsonSchema);
export const credentialListSchema = pageSchema(credentialJsonSchema);
