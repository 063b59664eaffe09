import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Authenticator } from '../auth/create-authenticator.js';
import type { Model, ModelCatalog } from '../catalog/model-catalog.js';
import { mayList } from '../routing/allowed-candidates.js';

/**
 * `GET /v1/models` and `GET /v1/models/{id}` (ids contain a slash: `openai/gpt-4o`): only the
 * models the calling key may use, with OpenRouter's fields; `?free=true` keeps free ones.
 */
export function registerModels(
  app: FastifyInstance,
  deps: { authenticate: Authenticator; catalog: ModelCatalog; now: () => number },
): void {
  const created = Math.floor(deps.now() / 1000);
  app.get('/v1/models', async (request) => {
    const principal = await deps.authenticate(request.headers);
    const { free } = parseQuery(request.query);
    return {
      object: 'list',
      data: deps.catalog
        .list()
        .filter((model) => mayList(principal, model))
        .filter((model) => !free || model.routes.some((route) => route.free))
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
    architecture: {
      input_modalities: model.modalities?.input ?? ['text'],
      output_modalities: model.modalities?.output ?? [
        model.kind === 'embedding' ? 'embeddings' : 'text',
      ],
    },
    supported_parameters: model.supportedParameters ?? [],
    top_provider: {
      context_length: model.contextLength,
      max_completion_tokens: model.maxOutputTokens ?? null,
    },
  };
}

const querySchema = z.looseObject({ free: z.enum(['true', 'false']).optional() });

/** `?free=true` lists free models only (OpenRouter's `:free` models, local ones). */
function parseQuery(query: unknown): { free: boolean } {
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) throw apiErrors.invalidRequest('free must be true or false.', 'free');
  return { free: parsed.data.free === 'true' };
}
