import type { RoutePricing } from '@switchyard/db';

/** Every charge of the pricing is zero or absent: what a `:free` request may use. */
export function isFreePricing(pricing: RoutePricing): boolean {
  return Object.values(pricing).every(
    (value) => value === null || value === undefined || /^0+(\.0+)?$/.test(value),
  );
}
