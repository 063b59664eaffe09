import type { RoutePricing, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { readModelOverrides } from '../../models/model-overrides.js';
import { canonicalDecimal } from '../sources/canonical-decimal.js';
import type { PricedRoute } from './build-catalog-snapshot.js';

const PRICE_FIELDS = [
  'prompt',
  'completion',
  'cached_prompt',
  'cache_write',
  'cache_write_1h',
  'reasoning',
  'per_request',
  'per_image',
] as const;

/**
 * Every live route with the price it is charged at: the model's price override, else the source's
 * price. Where that differs from the route's latest row in `catalog.prices`, a new row effective
 * from `now` is written (older rows stay, so past usage keeps its price). Runs in the caller's
 * transaction.
 */
export async function loadPricedRoutes(trx: Kysely<Tables>, now: Date): Promise<PricedRoute[]> {
  const routes = await trx
    .selectFrom('catalog.routes')
    .innerJoin('catalog.models', 'catalog.models.id', 'catalog.routes.model_id')
    .select([
      'catalog.routes.model_id as model_id',
      'catalog.routes.provider as provider',
      'catalog.routes.upstream_model as upstream_model',
      'catalog.routes.priority as priority',
      'catalog.routes.pricing as pricing',
      'catalog.routes.source as source',
      'catalog.models.overrides as overrides',
    ])
    .where('catalog.models.retired_at', 'is', null)
    .execute();
  const latest = await trx
    .selectFrom('catalog.prices')
    .distinctOn(['model_id', 'provider', 'upstream_model'])
    .selectAll()
    .orderBy('model_id')
    .orderBy('provider')
    .orderBy('upstream_model')
    .orderBy('effective_from', 'desc')
    .execute();
  const latestByRoute = new Map(latest.map((row) => [routeKey(row), row]));
  const priced: PricedRoute[] = [];
  const inserts = [];
  for (const route of routes) {
    const override = readModelOverrides(route.overrides).pricing;
    const pricing = canonicalPricing(override ?? route.pricing);
    const current = latestByRoute.get(routeKey(route));
    let effectiveFrom = current?.effective_from;
    if (current === undefined || !samePricing(canonicalPricing(current), pricing)) {
      effectiveFrom = now;
      inserts.push({
        model_id: route.model_id,
        provider: route.provider,
        upstream_model: route.upstream_model,
        ...pricing,
        source: override === undefined ? route.source : 'admin',
        effective_from: now,
      });
    }
    priced.push({
      model_id: route.model_id,
      provider: route.provider,
      upstream_model: route.upstream_model,
      priority: route.priority,
      pricing,
      priceVersion: (effectiveFrom ?? now).toISOString(),
    });
  }
  for (let start = 0; start < inserts.length; start += 500) {
    await trx
      .insertInto('catalog.prices')
      .values(inserts.slice(start, start + 500))
      .execute();
  }
  return priced;
}

function routeKey(route: { model_id: string; provider: string; upstream_model: string }): string {
  return `${route.model_id}\u0000${route.provider}\u0000${route.upstream_model}`;
}

function canonicalPricing(
  pricing: Readonly<Partial<Record<(typeof PRICE_FIELDS)[number], unknown>>>,
): RoutePricing {
  const read = (value: unknown) =>
    value === null || value === undefined ? null : canonicalDecimal(String(value));
  return {
    prompt: read(pricing.prompt) ?? '0',
    completion: read(pricing.completion) ?? '0',
    cached_prompt: read(pricing.cached_prompt),
    cache_write: read(pricing.cache_write),
    cache_write_1h: read(pricing.cache_write_1h),
    reasoning: read(pricing.reasoning),
    per_request: read(pricing.per_request),
    per_image: read(pricing.per_image),
  };
}

function samePricing(first: RoutePricing, second: RoutePricing): boolean {
  return PRICE_FIELDS.every((field) => first[field] === second[field]);
}
