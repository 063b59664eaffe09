import type { ProviderConfig } from '@switchyard/config';
import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import { isFreePricing } from './is-free-pricing.js';
import type { MergedCatalog } from './merge-catalog-sources.js';

/** What applying a merged catalog changed in `catalog.models`. */
export interface AppliedCatalog {
  models: number;
  routes: number;
  retired: string[];
}

/**
 * Writes a merged catalog into the tables, inside the caller's transaction: config providers
 * upserted (enabled flags kept), models upserted (admin flags and overrides kept), models no
 * source lists retired (never deleted), each model's routes replaced by the merged ones.
 */
export async function applyMergedCatalog(
  trx: Kysely<Tables>,
  merged: MergedCatalog,
  configProviders: readonly ProviderConfig[],
  now: Date,
): Promise<AppliedCatalog> {
  for (const provider of configProviders) {
    await trx
      .insertInto('catalog.providers')
      .values({
        name: provider.name,
        type: provider.type,
        base_url: provider.baseUrl,
        source: 'config',
      })
      .onConflict((conflict) =>
        conflict.column('name').doUpdateSet({
          type: provider.type,
          base_url: provider.baseUrl,
          source: 'config',
          updated_at: now,
        }),
      )
      .execute();
  }
  const ids = merged.models.map((model) => model.id);
  for (const model of merged.models) {
    const values = {
      name: model.name,
      kind: model.kind,
      context_length: model.contextLength,
      max_output_tokens: model.maxOutputTokens,
      modalities: model.modalities,
      supported_parameters: model.supportedParameters,
      free: model.routes.some((route) => isFreePricing(route.pricing)),
      source: model.source,
    };
    await trx
      .insertInto('catalog.models')
      .values({ id: model.id, ...values })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({ ...values, retired_at: null, updated_at: now }),
      )
      .execute();
  }
  // An empty merge retires nothing: no source at all is a broken setup, not an empty catalog.
  if (ids.length === 0) return { models: 0, routes: 0, retired: [] };
  const retired = await trx
    .updateTable('catalog.models')
    .set({ retired_at: now, updated_at: now })
    .where('retired_at', 'is', null)
    .where('id', 'not in', ids)
    .returning('id')
    .execute();
  await trx.deleteFrom('catalog.routes').where('model_id', 'in', ids).execute();
  const routes = merged.models.flatMap((model) =>
    model.routes.map((route) => ({
      model_id: model.id,
      provider: route.provider,
      upstream_model: route.upstreamModel,
      priority: route.priority,
      pricing: route.pricing,
      source: route.source,
    })),
  );
  for (let start = 0; start < routes.length; start += 500) {
    await trx
      .insertInto('catalog.routes')
      .values(routes.slice(start, start + 500))
      .execute();
  }
  return { models: ids.length, routes: routes.length, retired: retired.map((row) => row.id) };
}
