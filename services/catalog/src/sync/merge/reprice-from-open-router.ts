import type { RoutePricing } from '@switchyard/db';

/**
 * A built-in default route's price taken from OpenRouter's current one. OpenRouter lists no
 * 1-hour cache-write rate, so the default's own (Claude's 2× input) is kept while both agree on
 * the input price, which that rate is a multiple of; after a price change it is left out and
 * 1-hour writes cost `cache_write` until the defaults catch up.
 */
export function repriceFromOpenRouter(own: RoutePricing, openRouter: RoutePricing): RoutePricing {
  const oneHour = openRouter.cache_write_1h ?? null;
  if (oneHour !== null || own.prompt !== openRouter.prompt) return openRouter;
  return { ...openRouter, cache_write_1h: own.cache_write_1h ?? null };
}
