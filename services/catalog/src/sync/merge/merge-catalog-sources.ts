import { DEFAULT_MODELS_BY_PROVIDER, type ModelConfig } from '@switchyard/config';
import { descriptorFor } from '@switchyard/providers';
import type { ProviderListedModel, SourceModel } from '../source-model.js';
import { findListedModel } from './find-listed-model.js';
import { hostedRoutes } from './hosted-routes.js';
import { repriceFromOpenRouter } from './reprice-from-open-router.js';
import type { SyncedModel, SyncedRoute } from './synced-model.js';
import { toRoutePricing } from './to-route-pricing.js';

/**
 * Route priorities of synced routes: a provider's own API first, then the clouds hosting the
 * model (`hosted-routes.ts`: 5), then OpenRouter, free last.
 */
const DIRECT_PRIORITY = 0;
const OPENROUTER_PRIORITY = 10;
const FREE_VARIANT_PRIORITY = 20;

/** The last good data of every source, to merge into one catalog. */
export interface CatalogSources {
  /** The YAML (and env) models: they always win for their ids. */
  configModels: readonly ModelConfig[];
  /**
   * Every provider by name and type (config and admin-made); `serveListedModels` when the YAML
   * opted it in to hosted routes (`serve_listed_models`).
   */
  providers: readonly { name: string; type: string; serveListedModels?: boolean }[];
  /** OpenRouter-format catalog entries; undefined when that source has never succeeded. */
  openRouter: readonly SourceModel[] | undefined;
  /** Each provider's own model list, by provider name; absent when never read. */
  providerLists: ReadonlyMap<string, readonly ProviderListedModel[]>;
}

/** The merged catalog, and the OpenRouter models no configured provider can serve. */
export interface MergedCatalog {
  models: SyncedModel[];
  unroutable: string[];
}

const builtInDefaults = new Set<ModelConfig>([...DEFAULT_MODELS_BY_PROVIDER.values()].flat());

/**
 * Merges config, the OpenRouter catalog and the providers' lists. A YAML model is taken as
 * written (OpenRouter only adds modalities and parameters); a built-in default model also takes
 * OpenRouter's current price. Any other OpenRouter model is routed to the provider its id names
 * when that provider lists it, through every opted-in cloud whose list serves it (Bedrock, Vertex), and
 * through every `openrouter` provider; unroutable ones are left out.
 */
export function mergeCatalogSources(sources: CatalogSources): MergedCatalog {
  const byId = groupById(sources.openRouter ?? []);
  const models = new Map<string, SyncedModel>();
  for (const model of sources.configModels) {
    const entries = byId.get(model.id);
    models.set(model.id, fromConfig(model, entries?.paid ?? entries?.free));
  }
  const openRouterProviders = sources.providers.filter(
    (provider) => descriptorFor(provider.type)?.aggregator === true,
  );
  const unroutable: string[] = [];
  for (const [id, entries] of byId) {
    if (models.has(id)) continue;
    const primary = entries.paid ?? entries.free;
    if (primary === undefined) continue;
    const routes: SyncedRoute[] = [];
    const direct = directRoute(id, entries.paid, sources);
    if (direct !== undefined) routes.push(direct);
    routes.push(...hostedRoutes(id, entries.paid, sources));
    for (const provider of openRouterProviders) {
      const listed = sources.providerLists.get(provider.name);
      const offered = (entry: SourceModel) =>
        listed === undefined || listed.some((model) => model.upstreamModel === entry.sourceId);
      if (entries.paid !== undefined && offered(entries.paid)) {
        routes.push(viaOpenRouter(provider.name, entries.paid, OPENROUTER_PRIORITY));
      }
      if (entries.free !== undefined && offered(entries.free)) {
        const priority = entries.paid === undefined ? OPENROUTER_PRIORITY : FREE_VARIANT_PRIORITY;
        routes.push(viaOpenRouter(provider.name, entries.free, priority));
      }
    }
    if (routes.length === 0) {
      unroutable.push(id);
      continue;
    }
    models.set(id, {
      id,
      name: primary.name,
      kind: primary.kind,
      contextLength: primary.contextLength,
      maxOutputTokens: primary.maxOutputTokens,
      modalities: primary.modalities,
      supportedParameters: primary.supportedParameters,
      source: 'openrouter',
      routes: routes.sort((first, second) => first.priority - second.priority),
    });
  }
  const sorted = [...models.values()].sort((first, second) => first.id.localeCompare(second.id));
  return { models: sorted, unroutable };
}

function groupById(
  models: readonly SourceModel[],
): Map<string, { paid?: SourceModel; free?: SourceModel }> {
  const byId = new Map<string, { paid?: SourceModel; free?: SourceModel }>();
  for (const model of models) {
    const entry = byId.get(model.id) ?? {};
    if (model.freeVariant) entry.free ??= model;
    else entry.paid ??= model;
    byId.set(model.id, entry);
  }
  return byId;
}

function fromConfig(model: ModelConfig, openRouter: SourceModel | undefined): SyncedModel {
  const repriced = builtInDefaults.has(model) && openRouter !== undefined;
  return {
    id: model.id,
    name: model.name,
    kind: model.kind,
    contextLength: model.contextLength,
    maxOutputTokens: model.maxOutputTokens ?? null,
    modalities: openRouter?.modalities ?? { input: ['text'], output: ['text'] },
    supportedParameters: openRouter?.supportedParameters ?? [],
    source: 'config',
    // The configuration lists routes in the order to try them (sorted by priority, ties in the
    // order written); the rank keeps that order where equal priorities would be re-sorted.
    routes: model.routes.map((route, rank) => ({
      provider: route.provider,
      upstreamModel: route.upstreamModel,
      priority: rank,
      pricing: repriced
        ? repriceFromOpenRouter(toRoutePricing(route.pricing), openRouter.pricing)
        : toRoutePricing(route.pricing),
      source: repriced ? 'openrouter' : 'config',
    })),
  };
}

/** The provider the id names (`openai/…` → provider `openai`), if its list offers the model. */
function directRoute(
  id: string,
  paid: SourceModel | undefined,
  sources: CatalogSources,
): SyncedRoute | undefined {
  if (paid === undefined) return undefined;
  const slash = id.indexOf('/');
  const providerName = id.slice(0, slash);
  const provider = sources.providers.find((candidate) => candidate.name === providerName);
  if (provider === undefined || descriptorFor(provider.type)?.aggregator === true) return undefined;
  const listed = sources.providerLists.get(provider.name);
  if (listed === undefined) return undefined;
  const match = findListedModel(listed, id.slice(slash + 1));
  if (match === undefined) return undefined;
  return {
    provider: provider.name,
    upstreamModel: match.upstreamModel,
    priority: DIRECT_PRIORITY,
    pricing: paid.pricing,
    source: 'provider',
  };
}

function viaOpenRouter(provider: string, entry: SourceModel, priority: number): SyncedRoute {
  return {
    provider,
    upstreamModel: entry.sourceId,
    priority,
    pricing: entry.pricing,
    source: 'openrouter',
  };
}
