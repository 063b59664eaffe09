import type { CatalogSnapshotV1 } from '@switchyard/contracts';
import {
  catalogOf,
  type Model,
  type ModelCatalog,
  type Provider,
  toRoute,
} from './model-catalog.js';

/** A snapshot's catalog, and what of it this gateway could not serve. */
export interface SnapshotCatalog {
  catalog: ModelCatalog;
  /** Providers the snapshot routes to that this gateway has no configuration (no keys) for. */
  unknownProviders: string[];
}

/**
 * The catalog a snapshot describes, served through this gateway's own providers (their keys
 * never travel in snapshots): disabled models and routes to unconfigured providers are left out,
 * aliases resolve to their model, and each route carries its price version for usage events.
 */
export function catalogFromSnapshot(
  snapshot: CatalogSnapshotV1,
  providers: ReadonlyMap<string, Provider>,
): SnapshotCatalog {
  const unknown = new Set<string>();
  const models: Model[] = [];
  const aliases = new Map<string, string>();
  for (const entry of snapshot.models) {
    if (!entry.enabled) continue;
    const routes = entry.routes.flatMap((route) => {
      const provider = providers.get(route.provider);
      if (provider === undefined) {
        unknown.add(route.provider);
        return [];
      }
      const { pricing } = route;
      return [
        toRoute(
          provider,
          route.upstream_model,
          {
            prompt: pricing.prompt,
            completion: pricing.completion,
            cachedPrompt: pricing.cached_prompt ?? undefined,
            reasoning: pricing.reasoning ?? undefined,
            cacheWrite: pricing.cache_write ?? undefined,
            cacheWrite1h: pricing.cache_write_1h ?? undefined,
          },
          route.priority,
          route.free,
          route.price_version,
        ),
      ];
    });
    if (routes.length === 0) continue;
    models.push({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      contextLength: entry.context_length,
      maxOutputTokens: entry.max_output_tokens ?? undefined,
      routes: routes.sort((a, b) => a.priority - b.priority),
      modalities: entry.modalities,
      supportedParameters: entry.supported_parameters,
    });
    for (const alias of entry.aliases) aliases.set(alias, entry.id);
  }
  return { catalog: catalogOf(models, providers, aliases), unknownProviders: [...unknown].sort() };
}
