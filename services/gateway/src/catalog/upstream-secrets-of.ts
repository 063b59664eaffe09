import type { ModelCatalog, Provider } from './model-catalog.js';

/** Per catalog version (its model list): built once, read by every logged request. */
const cache = new WeakMap<readonly unknown[], readonly string[]>();

/**
 * Every upstream key the catalog's providers hold, so the request log can redact them from any
 * body — a request refused before any upstream call included, where no credential was chosen.
 */
export function upstreamSecretsOf(catalog: ModelCatalog): readonly string[] {
  const models = catalog.list();
  const cached = cache.get(models);
  if (cached !== undefined) return cached;
  const providers = new Set<Provider>();
  for (const model of models) for (const route of model.routes) providers.add(route.provider);
  const secrets = [...new Set([...providers].flatMap((provider) => provider.pool.secrets))];
  cache.set(models, secrets);
  return secrets;
}
