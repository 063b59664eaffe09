import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { mayList } from '../auth/allowed-candidates.js';
import type { Model } from '../catalog/model-catalog.js';
import type { GatewayDeps } from '../gateway-deps.js';

/**
 * `GET /v1/models` and `GET /v1/models/{id}` (ids contain a slash: `openai/gpt-4o`): only the
 * models the calling key may use.
 */
export function registerModels(app: FastifyInstance, deps: GatewayDeps): void {
  const created = Math.floor(deps.now() / 1000);
  app.get('/v1/models', async (request) => {
    const principal = await deps.authenticate(request.headers);
    return {
      object: 'list',
      data: deps.catalog
        .list()
        .filter((model) => mayList(principal, model))
        .map((model) => describeModel(model, created)),
    };
  });
  app.get<{ Params: { '*': string } }>('/v1/models/*', async (request) => {
    const principal = await deps.authenticate(request.headers);
    const id = request.params['*'];
    const model = deps.catalog.find(id);
    if (!model) throw apiErrors.modelNotFound(id);
    if (!mayList(principal, model)) throw apiErrors.modelNotAllowed(id, 'id');
    return describeModel(model, created);
  });
}

/** A model in OpenAI's list shape plus OpenRouter's fields (prices in USD per token, as strings). */
function describeModel(model: Model, created: number): Record<string, unknown> {
  const route = model.routes[0];
  const pricing = route?.pricing;
  return {
    id: model.id,
    object: 'model',
    created,
    owned_by: route?.provider.name ?? 'switchyard',
    name: model.name,
    context_length: model.contextLength,
    pricing: pricing && {
      prompt: pricing.prompt,
      completion: pricing.completion,
      ...(pricing.cachedPrompt !== undefined && { input_cache_read: pricing.cachedPrompt }),
      ...(pricing.reasoning !== undefined && { internal_reasoning: pricing.reasoning }),
    },
    top_provider: {
      context_length: model.contextLength,
      max_completion_tokens: model.maxOutputTokens ?? null,
    },
  };
}
