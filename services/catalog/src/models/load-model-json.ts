import type { ModelJson } from '@switchyard/contracts';
import type { CatalogModel, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { readModelOverrides } from './model-overrides.js';

/** Loads the JSON of the given models (in their order); with `history`, also their price rows. */
export async function loadModelJson(
  db: Kysely<Tables>,
  models: readonly CatalogModel[],
  history = false,
): Promise<ModelJson[]> {
  if (models.length === 0) return [];
  const ids = models.map((model) => model.id);
  const [routes, aliases, prices] = await Promise.all([
    db
      .selectFrom('catalog.routes')
      .selectAll()
      .where('model_id', 'in', ids)
      .orderBy('priority')
      .execute(),
    db
      .selectFrom('catalog.aliases')
      .selectAll()
      .where('model_id', 'in', ids)
      .orderBy('alias')
      .execute(),
    history
      ? db
          .selectFrom('catalog.prices')
          .selectAll()
          .where('model_id', 'in', ids)
          .orderBy('effective_from')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
  ]);
  return models.map((model) => ({
    id: model.id,
    object: 'model',
    name: model.name,
    kind: model.kind,
    context_length: model.context_length,
    max_output_tokens: model.max_output_tokens,
    modalities: model.modalities,
    supported_parameters: model.supported_parameters,
    free: model.free,
    enabled: model.enabled,
    source: model.source,
    retired_at: model.retired_at?.toISOString() ?? null,
    overrides: readModelOverrides(model.overrides),
    aliases: aliases.filter((alias) => alias.model_id === model.id).map((alias) => alias.alias),
    routes: routes
      .filter((route) => route.model_id === model.id)
      .map((route) => ({
        provider: route.provider,
        upstream_model: route.upstream_model,
        priority: route.priority,
        source: route.source,
        pricing: { ...route.pricing },
      })),
    ...(history && {
      prices: prices
        .filter((price) => price.model_id === model.id)
        .map((price) => ({
          provider: price.provider,
          upstream_model: price.upstream_model,
          effective_from: price.effective_from.toISOString(),
          source: price.source,
          pricing: {
            prompt: price.prompt,
            completion: price.completion,
            cached_prompt: price.cached_prompt,
            cache_write: price.cache_write,
            cache_write_1h: price.cache_write_1h,
            reasoning: price.reasoning,
            per_request: price.per_request,
            per_image: price.per_image,
          },
        })),
    }),
  }));
}
