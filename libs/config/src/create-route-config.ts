import type { PricingConfig, RouteConfig } from './switchyard-config.js';

// Prices are canonical decimal strings (see priceSchema), so zero is always exactly '0'.
function isFree(pricing: PricingConfig): boolean {
  return [
    pricing.prompt,
    pricing.completion,
    pricing.cachedPrompt,
    pricing.reasoning,
    pricing.cacheWrite,
    pricing.cacheWrite1h,
  ].every((price) => price === undefined || price === '0');
}

/** A route with `free` derived from its prices, so the two can never disagree. */
export function createRouteConfig(route: Omit<RouteConfig, 'free'>): RouteConfig {
  return { ...route, free: isFree(route.pricing) };
}
