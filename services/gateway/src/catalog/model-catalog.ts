import type { ModelConfig, ModelKind, PricingConfig, ProviderConfig } from '@switchyard/config';
import {
  adapterFor,
  descriptorFor,
  type ProviderAdapter,
  type RequestSigner,
  signerForProvider,
} from '@switchyard/providers';
import { type CredentialPool, createCredentialPool } from './credential-pool.js';

/** A configured provider with its adapter and its pool of upstream credentials. */
export interface Provider {
  name: string;
  type: string;
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  adapter: ProviderAdapter;
  /**
   * Turns the credential into the request's auth after the adapter built it (SigV4, OAuth
   * tokens); absent: the adapter wrote the key.
   */
  signer?: RequestSigner | undefined;
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
  /** Which price list `pricing` comes from: the catalog's version of it, or `config`. */
  priceVersion: string;
}

export interface Model {
  id: string;
  name: string;
  kind: ModelKind;
  contextLength: number;
  maxOutputTokens: number | undefined;
  /** Sorted by priority. */
  routes: readonly Route[];
  /** OpenRouter's `architecture` modalities, when the catalog knows them. */
  modalities?: { input: readonly string[]; output: readonly string[] };
  /** Request parameters the model accepts, when the catalog knows them (empty: unknown). */
  supportedParameters?: readonly string[];
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
  return catalogFromConfig(config.models, createProviders(config.providers, now));
}

/** The configured models served through `providers` (prices version `config`). */
export function catalogFromConfig(
  configs: readonly ModelConfig[],
  providers: ReadonlyMap<string, Provider>,
): ModelCatalog {
  const models = configs.map((model) => ({
    ...model,
    routes: model.routes.map((route) => {
      const provider = providers.get(route.provider);
      if (!provider) throw new Error(`model ${model.id}: unknown provider ${route.provider}`);
      return toRoute(
        provider,
        route.upstreamModel,
        route.pricing,
        route.priority,
        route.free,
        'config',
      );
    }),
  }));
  return catalogOf(models, providers, new Map());
}

/** The configured providers by name, each with its adapter and credential pool. */
export function createProviders(
  configs: readonly ProviderConfig[],
  now: () => number,
): ReadonlyMap<string, Provider> {
  return new Map(configs.map((provider) => [provider.name, toProvider(provider, now)]));
}

/** A route of `provider`, keyed for its circuit breaker. */
export function toRoute(
  provider: Provider,
  upstreamModel: string,
  pricing: PricingConfig,
  priority: number,
  free: boolean,
  priceVersion: string,
): Route {
  return {
    provider,
    upstreamModel,
    pricing,
    priority,
    free,
    key: `${provider.name}/${upstreamModel}`,
    priceVersion,
  };
}

/** A catalog over these models, found by id or by any of `aliases` (alias → model id). */
export function catalogOf(
  models: readonly Model[],
  providers: ReadonlyMap<string, Provider>,
  aliases: ReadonlyMap<string, string>,
): ModelCatalog {
  const byId = new Map(models.map((model) => [model.id, model]));
  for (const [alias, id] of aliases) {
    const model = byId.get(id);
    if (model !== undefined && !byId.has(alias)) byId.set(alias, model);
  }
  return {
    find: (id) => byId.get(id),
    list: () => models,
    hasProvider: (name) => providers.has(name),
  };
}

function toProvider(config: ProviderConfig, now: () => number): Provider {
  const adapter = adapterFor(config.type);
  const descriptor = descriptorFor(config.type);
  if (!adapter || !descriptor) {
    throw new Error(`provider ${config.name}: no adapter for type ${config.type}`);
  }
  return {
    name: config.name,
    type: config.type,
    baseUrl: config.baseUrl,
    headers: config.headers,
    adapter,
    // SigV4 signs per provider (its region, the AWS default chain); token kinds per type.
    signer: signerForProvider(config, { now }),
    pool: createCredentialPool({
      provider: config.name,
      credentials: config.credentials,
      strategy: config.keyStrategy,
      now,
    }),
  };
}
