import { DEFAULT_OPENAI_MODELS } from './default-openai-models.js';
import { splitModelId } from './split-model-id.js';
import type { ModelConfig, ProviderConfig } from './switchyard-config.js';
import type { YamlModel } from './yaml-config-schema.js';

function toModelConfig(model: YamlModel): ModelConfig {
  // The schema has checked the id contains a '/', so fromId is defined.
  const fromId = splitModelId(model.id);
  const pricing = model.pricing;
  return {
    id: model.id,
    name: model.name ?? model.id,
    kind: model.kind ?? 'chat',
    contextLength: model.context_length,
    maxOutputTokens: model.max_output_tokens,
    routes: [
      {
        provider: model.provider ?? fromId?.provider ?? '',
        upstreamModel: model.upstream_model ?? fromId?.model ?? '',
        pricing: {
          prompt: pricing?.prompt ?? '0',
          completion: pricing?.completion ?? '0',
          cachedPrompt: pricing?.cached_prompt,
          reasoning: pricing?.reasoning,
        },
      },
    ],
  };
}

/**
 * The YAML's models, plus the default OpenAI models when provider `openai` exists and no YAML
 * model routes to it. A YAML model keeps its id: defaults never replace it.
 */
export function resolveModels(
  yamlModels: readonly YamlModel[],
  providers: readonly ProviderConfig[],
): ModelConfig[] {
  const models = yamlModels.map(toModelConfig);
  const hasOpenAi = providers.some((provider) => provider.name === 'openai');
  const routesToOpenAi = models.some((model) =>
    model.routes.some((route) => route.provider === 'openai'),
  );
  if (!hasOpenAi || routesToOpenAi) return models;
  const ids = new Set(models.map((model) => model.id));
  return [...models, ...DEFAULT_OPENAI_MODELS.filter((model) => !ids.has(model.id))];
}
