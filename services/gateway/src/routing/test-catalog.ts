import type { ModelKind } from '@switchyard/config';
import { createOpenAiCompatibleAdapter } from '@switchyard/providers';
import { createCredentialPool } from '../catalog/credential-pool.js';
import type { Model, ModelCatalog, Provider, Route } from '../catalog/model-catalog.js';

/** A small in-memory catalog for routing tests: `routes` lists `provider` or `provider:price`. */
export function testCatalog(
  models: Record<
    string,
    { routes: string[]; kind?: ModelKind; contextLength?: number; maxOutputTokens?: number }
  >,
): ModelCatalog {
  const providers = new Map<string, Provider>();
  const providerOf = (name: string): Provider => {
    let provider = providers.get(name);
    if (!provider) {
      provider = {
        name,
        type: 'openai-compatible',
        baseUrl: `http://${name}.test/v1`,
        headers: {},
        adapter: createOpenAiCompatibleAdapter(),
        pool: createCredentialPool({
          provider: name,
          credentials: [],
          strategy: 'round_robin',
          now: () => 0,
        }),
      };
      providers.set(name, provider);
    }
    return provider;
  };
  const entries = Object.entries(models).map(([id, spec]): Model => {
    const routes = spec.routes.map((text, index): Route => {
      const [name = '', price = '0.000001'] = text.split(':');
      const provider = providerOf(name);
      const upstreamModel = id.split('/').slice(1).join('/');
      return {
        provider,
        upstreamModel,
        pricing: {
          prompt: price,
          completion: price,
          cachedPrompt: undefined,
          reasoning: undefined,
        },
        priority: index,
        free: Number(price) === 0,
        key: `${name}/${upstreamModel}`,
        priceVersion: 'config',
      };
    });
    return {
      id,
      name: id,
      kind: spec.kind ?? 'chat',
      contextLength: spec.contextLength ?? 8192,
      maxOutputTokens: spec.maxOutputTokens,
      routes,
    };
  });
  const byId = new Map(entries.map((model) => [model.id, model]));
  return {
    find: (id) => byId.get(id),
    list: () => entries,
    hasProvider: (name) => providers.has(name),
  };
}
