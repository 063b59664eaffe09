import type { ModelConfig, ModelKind, PricingConfig, ProviderConfig } from '@switchyard/config';
import { adapterFor, type ProviderAdapter } from '@switchyard/providers';
import { type CredentialPool, createCredentialPool } from '../routing/credential-pool.js';

/** A configured provider with its adapter and its pool of upstream credentials. */
export interface Provider {
  name: string;
  type: string;
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  adapter: ProviderAdapter;
  pool: CredentialPool;
}

/** One way to serve a model: a provider, its name for the model, and the price there. */
export interface Route {
  provider: Provider;
  upstreamModel: string;
  pricing: PricingConfig;
  /** Lower is tried first. */
  priority: number;
  /** Every price of the route is zero. */
  free: boolean;
  /** Identifies the route for its circuit breaker and metrics: `provider/upstream model`. */
  key: string;
}

export interface Model {
  id: string;
  name: string;
  kind: ModelKind;
  contextLength: number;
  maxOutputTokens: number | undefined;
  /** Sorted by priority. */
  routes: readonly Route[];
}

/** The models this gateway serves, looked up by id on every request. */
export interface ModelCatalog {
  find(id: string): Model | undefined;
  list(): readonly Model[];
  /** Whether a provider of this name is configured (for `@provider` pins). */
  hasProvider(name: string): boolean;
}

/** Builds the catalog from configuration; a provider type without an adapter fails the start. */
export function createModelCatalog(
  config: { providers: readonly ProviderConfig[]; models: readonly ModelConfig[] },
  now: () => number,
): ModelCatalog {
  const providers = new Map(
    config.providers.map((provider) => [provider.name, toProvider(provider, now)]),
  );
  const models = new Map<string, Model>();
  for (const model of config.models) {
    const routes = model.routes.map((route): Route => {
      const provider = providers.get(route.provider);
      if (!provider) throw new Error(`model ${model.id}: unknown provider ${route.provider}`);
      return {
        provider,
        upstreamModel: route.upstreamModel,
        pricing: route.pricing,
        priority: route.priority,
        free: route.free,
        key: `${provider.name}/${route.upstreamModel}`,
      };
    });
    models.set(model.id, { ...model, routes });
  }
  const list = [...models.values()];
  return {
    find: (id) => models.get(id),
    list: () => list,
    hasProvider: (name) => providers.has(name),
  };
}

function toProvider(config: ProviderConfig, now: () => number): Provider {
  const adapter = adapterFor(config.type);
  if (!adapter) throw new Error(`provider ${config.name}: no adapter for type ${config.type}`);
  return {
    name: config.name,
    type: config.type,
    baseUrl: config.baseUrl,
    headers: config.headers,
    adapter,
    pool: createCredentialPool({
      provider: config.name,
      credentials: config.credentials,
      strategy: config.keyStrategy,
      now,
    }),
  };
}
