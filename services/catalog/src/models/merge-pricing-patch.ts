import type { PricingPatch } from '@switchyard/contracts';
import { type CatalogPricingV1, catalogPricingV1Schema } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';

/**
 * The price override a PATCH makes: the fields it gives over the current price (the model's
 * override, else its first route's), so `{"pricing": {"prompt": "…"}}` changes one rate. A model
 * with no price to start from needs at least `prompt` and `completion` (400 naming the first).
 */
export function mergePricingPatch(patch: PricingPatch, current: unknown): CatalogPricingV1 {
  const base = catalogPricingV1Schema.safeParse(current);
  const merged = {
    cached_prompt: null,
    cache_write: null,
    cache_write_1h: null,
    reasoning: null,
    per_request: null,
    per_image: null,
    ...(base.success ? base.data : {}),
    ...withoutUndefined(patch),
  };
  const parsed = catalogPricingV1Schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const missing = parsed.error.issues[0]?.path.join('.') ?? 'prompt';
  throw apiErrors.invalidRequest(
    `Invalid request: pricing.${missing} is required, as the model has no price to keep it from.`,
    `pricing.${missing}`,
  );
}

function withoutUndefined(patch: PricingPatch): Partial<CatalogPricingV1> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
