import { z } from 'zod';

/** A non-negative USD amount as an exact decimal string (`"0.0000025"`), never a float. */
const decimal = z.string().regex(/^\d{1,12}(\.\d{1,24})?$/, {
  error: 'expected a non-negative decimal string such as "0.0000025"',
});
const timestamp = z.iso.datetime({ offset: true });

/**
 * USD per token (per request and per image for the last two) of one route, as exact decimal
 * strings; null where the provider has no such charge. Same meaning as libs/config's
 * `PricingConfig` (`cachedPrompt` is `cached_prompt`, `cacheWrite1h` is `cache_write_1h` here).
 */
export const catalogPricingV1Schema = z.object({
  prompt: decimal,
  completion: decimal,
  cached_prompt: decimal.nullable(),
  cache_write: decimal.nullable(),
  /**
   * The 1-hour cache-write rate (null or absent: 1-hour writes cost `cache_write`). Optional so a
   * gateway reads snapshots published before it existed.
   */
  cache_write_1h: decimal.nullable().optional(),
  reasoning: decimal.nullable(),
  per_request: decimal.nullable(),
  per_image: decimal.nullable(),
});
export type CatalogPricingV1 = z.infer<typeof catalogPricingV1Schema>;

/** One way to serve a model, as libs/config's `RouteConfig` plus the price's version. */
export const catalogRouteV1Schema = z.object({
  /** A provider's `name` from the snapshot's `providers`. */
  provider: z.string().min(1),
  upstream_model: z.string().min(1),
  /** Lower is tried first; routes are listed sorted by it. */
  priority: z.number().int().nonnegative(),
  /** Every price of the route is zero: what a `:free` request may use. */
  free: z.boolean(),
  pricing: catalogPricingV1Schema,
  /** Which price this is (its effective-from timestamp): goes into usage events' `price_version`. */
  price_version: z.string().min(1).max(128),
});
export type CatalogRouteV1 = z.infer<typeof catalogRouteV1Schema>;

/** A model clients ask for by `id`, as libs/config's `ModelConfig` plus OpenRouter's fields. */
export const catalogModelV1Schema = z.object({
  /** `provider/model`, without a variant suffix. */
  id: z.string().regex(/^[^/\s]+\/\S+$/),
  name: z.string().min(1),
  kind: z.enum(['chat', 'embedding']),
  context_length: z.number().int().positive(),
  max_output_tokens: z.number().int().positive().nullable(),
  modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }),
  supported_parameters: z.array(z.string()),
  /** At least one route is free. */
  free: z.boolean(),
  /** A disabled model is listed so gateways can say so, but must not be served. */
  enabled: z.boolean(),
  /** Other ids that resolve to this model. */
  aliases: z.array(z.string().min(1)),
  routes: z.array(catalogRouteV1Schema),
});
export type CatalogModelV1 = z.infer<typeof catalogModelV1Schema>;

/** A provider the routes name; its credentials are never in the snapshot. */
export const catalogProviderV1Schema = z.object({
  name: z.string().min(1),
  /** A libs/config `ProviderType` (`openai`, `anthropic`, `google`, `openrouter`, …). */
  type: z.string().min(1),
  base_url: z.string().min(1),
  enabled: z.boolean(),
});
export type CatalogProviderV1 = z.infer<typeof catalogProviderV1Schema>;

/**
 * Catalog snapshot v1: what the catalog service publishes as JSON under
 * `CATALOG_SNAPSHOT_KEY` in the `catalog` KV bucket. Unknown fields are dropped, never
 * rejected, so v1 can grow; `catalog_version` strings increase with every new version.
 */
export const catalogSnapshotV1Schema = z.object({
  version: z.literal(1),
  catalog_version: z.string().min(1).max(128),
  generated_at: timestamp,
  models: z.array(catalogModelV1Schema),
  providers: z.array(catalogProviderV1Schema),
});
export type CatalogSnapshotV1 = z.infer<typeof catalogSnapshotV1Schema>;
