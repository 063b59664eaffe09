import type { ModelConfig, ModelKind, PricingConfig, ProviderConfig } from '@switchyard/config';
import { adapterFor, type ProviderAdapter } from '@switchyard/providers';

/** A configured provider with its adapter and its pool of upstream keys. */
export interface Provider {
  name: string;
  type: string;
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  adapter: ProviderAdapter;
  /** The next key of the pool (round robin), undefined when the server needs none. */
  nextKey(): string | undefined;
}

/** One way to serve a model: a provider, its name for the model, and the price there. */
export interface Route {
  provider: Provider;
  upstreamModel: string;
  pricing: PricingConfig;
}

export interface Model {
  id: string;
  name: string;
  kind: ModelKind;
  contextLength: number;
  maxOutputTokens: number | undefined;
  routes: readonly Route[];
}

/** The models this gateway serves, looked up by id on every request. */
export interface ModelCatalog {
  find(id: string): Model | undefined;
  list(): readonly Model[];
}

/** Builds the catalog from configuration; a provider type without an adapter fails the start. */
export function createModelCatalog(config: {
  providers: readonly ProviderConfig[];
  models: readonly ModelConfig[];
}): ModelCatalog {
  const providers = new Map(
    config.providers.map((provider) => [provider.name, toProvider(provider)]),
  );
  const models = new Map<string, Model>();
  for (const model of config.models) {
    const routes = model.routes.map((route) => {
      const provider = providers.get(route.provider);
      if (!provider) throw new Error(`model ${model.id}: unknown provider ${route.provider}`);
      return { provider, upstreamModel: route.upstreamModel, pricing: route.pricing };
    });
    models.set(model.id, { ...model, routes });
  }
  const list = [...models.values()];
  return { find: (id) => models.get(id), list: () => list };
}

function toProvider(config: ProviderConfig): Provider {
  const adapter = adapterFor(config.type);
  if (!adapter) throw new Error(`provider ${config.name}: no adapter for type ${config.type}`);
  const keys = config.keys;
  let next = 0;
  return {
    name: config.name,
    type: config.type,
    baseUrl: config.baseUrl,
    headers: config.headers,
    adapter,
    nextKey() {
      if (keys.length === 0) return undefined;
      const key = keys[next % keys.length];
      next = (next + 1) % keys.length;
      return key;
    },
  };
}
