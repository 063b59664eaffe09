import type { CatalogSnapshotV1 } from '@switchyard/contracts';
import type { CatalogModel, CatalogProvider, RoutePricing } from '@switchyard/db';
import { readModelOverrides } from '../../models/model-overrides.js';
import { isFreePricing } from '../merge/is-free-pricing.js';

/** A route with the price it is charged at now and that price's version. */
export interface PricedRoute {
  model_id: string;
  provider: string;
  upstream_model: string;
  priority: number;
  pricing: RoutePricing;
  priceVersion: string;
}

/** Everything a snapshot is built from, as read from the catalog tables. */
export interface SnapshotRows {
  providers: readonly CatalogProvider[];
  /** Live (not retired) models. */
  models: readonly CatalogModel[];
  routes: readonly PricedRoute[];
  aliases: readonly { alias: string; model_id: string }[];
}

/**
 * The snapshot's models and providers (without version and time) from the tables, overrides
 * applied. Routes of a disabled provider are left out, and so are models with no route left.
 */
export function buildCatalogSnapshotBody(
  rows: SnapshotRows,
): Pick<CatalogSnapshotV1, 'models' | 'providers'> {
  const enabledProviders = new Set(
    rows.providers.filter((provider) => provider.enabled).map((provider) => provider.name),
  );
  const routesByModel = new Map<string, PricedRoute[]>();
  for (const route of rows.routes) {
    if (!enabledProviders.has(route.provider)) continue;
    routesByModel.set(route.model_id, [...(routesByModel.get(route.model_id) ?? []), route]);
  }
  const aliasesByModel = new Map<string, string[]>();
  for (const alias of rows.aliases) {
    aliasesByModel.set(alias.model_id, [
      ...(aliasesByModel.get(alias.model_id) ?? []),
      alias.alias,
    ]);
  }
  const models: CatalogSnapshotV1['models'] = [];
  for (const model of [...rows.models].sort((first, second) => first.id.localeCompare(second.id))) {
    const routes = (routesByModel.get(model.id) ?? [])
      .sort(
        (first, second) =>
          first.priority - second.priority ||
          first.provider.localeCompare(second.provider) ||
          first.upstream_model.localeCompare(second.upstream_model),
      )
      .map((route) => ({
        provider: route.provider,
        upstream_model: route.upstream_model,
        priority: route.priority,
        free: isFreePricing(route.pricing),
        pricing: route.pricing,
        price_version: route.priceVersion,
      }));
    if (routes.length === 0) continue;
    const overrides = readModelOverrides(model.overrides);
    const maxOutput =
      overrides.max_output_tokens === undefined
        ? model.max_output_tokens
        : overrides.max_output_tokens;
    models.push({
      id: model.id,
      name: overrides.name ?? model.name,
      kind: model.kind,
      context_length: overrides.context_length ?? model.context_length,
      max_output_tokens: maxOutput,
      modalities: model.modalities,
      supported_parameters: model.supported_parameters,
      free: routes.some((route) => route.free),
      enabled: model.enabled,
      aliases: (aliasesByModel.get(model.id) ?? []).sort(),
      routes,
    });
  }
  const providers = [...rows.providers]
    .sort((first, second) => first.name.localeCompare(second.name))
    .map((provider) => ({
      name: provider.name,
      type: provider.type,
      base_url: provider.base_url,
      enabled: provider.enabled,
    }));
  return { models, providers };
}
