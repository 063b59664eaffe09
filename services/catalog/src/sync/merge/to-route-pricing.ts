import type { PricingConfig } from '@switchyard/config';
import type { RoutePricing } from '@switchyard/db';
import { canonicalDecimal } from '../sources/canonical-decimal.js';

/** libs/config's pricing as a route's pricing (config has no unit charges). */
export function toRoutePricing(pricing: PricingConfig): RoutePricing {
  const optional = (value: string | undefined) =>
    value === undefined ? null : canonicalDecimal(value);
  return {
    prompt: canonicalDecimal(pricing.prompt),
    completion: canonicalDecimal(pricing.completion),
    cached_prompt: optional(pricing.cachedPrompt),
    cache_write: optional(pricing.cacheWrite),
    cache_write_1h: optional(pricing.cacheWrite1h),
    reasoning: optional(pricing.reasoning),
    per_request: null,
    per_image: null,
  };
}
