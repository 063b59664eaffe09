import { descriptorFor } from '@switchyard/providers';
import type { ProviderListedModel, SourceModel } from '../source-model.js';
import { findListedModel } from './find-listed-model.js';
import type { SyncedRoute } from './synced-model.js';

/** After the maker's own API (0), before OpenRouter (10). */
const HOSTED_PRIORITY = 5;

/**
 * Routes of the OpenRouter model `maker/model` through the clouds that host it: every
 * non-aggregator provider other than the maker's that opted in (`serve_listed_models`) and whose
 * list has an entry serving that maker's model (its `servedModel`, matched like a direct route:
 * exact, else up to punctuation and a date suffix, newest first, the list's order among equals —
 * Bedrock's in-region id before its cross-region profile). A provider that did not opt in gets
 * none: a cloud lists what it offers, not what the account may call (IAM scoped to some models,
 * Bedrock model access not granted, Claude not enabled in the Vertex project), and a refused call
 * would cool the provider's key down for its YAML models too. Priced at OpenRouter's price for
 * the maker's model, not the cloud's (Vertex's regional Claude lists 10% more).
 */
export function hostedRoutes(
  id: string,
  paid: SourceModel | undefined,
  sources: {
    providers: readonly { name: string; type: string; serveListedModels?: boolean }[];
    providerLists: ReadonlyMap<string, readonly ProviderListedModel[]>;
  },
): SyncedRoute[] {
  if (paid === undefined) return [];
  const slash = id.indexOf('/');
  const maker = id.slice(0, slash);
  const routes: SyncedRoute[] = [];
  for (const provider of sources.providers) {
    if (provider.serveListedModels !== true || provider.name === maker) continue;
    if (descriptorFor(provider.type)?.aggregator === true) continue;
    const listed = sources.providerLists.get(provider.name);
    if (listed === undefined) continue;
    const served = new Map<ProviderListedModel, ProviderListedModel>();
    for (const entry of listed) {
      const name = entry.servedModel;
      if (name?.startsWith(`${maker}/`) !== true) continue;
      served.set({ ...entry, upstreamModel: name.slice(maker.length + 1) }, entry);
    }
    const match = findListedModel([...served.keys()], id.slice(slash + 1));
    const entry = match === undefined ? undefined : served.get(match);
    if (entry === undefined) continue;
    routes.push({
      provider: provider.name,
      upstreamModel: entry.upstreamModel,
      priority: HOSTED_PRIORITY,
      pricing: paid.pricing,
      source: 'provider',
    });
  }
  return routes;
}
