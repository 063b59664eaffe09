import { createRouteConfig } from './create-route-config.js';
import { DEFAULT_MODELS_BY_PROVIDER } from './default-models-by-provider.js';
import { splitModelId } from './split-model-id.js';
import type {
  ModelConfig,
  PricingConfig,
  ProviderConfig,
  RouteConfig,
} from './switchyard-config.js';
import type { YamlModel, YamlRoute } from './yaml-config-schema.js';

function toPricing(pricing: YamlRoute['pricing']): PricingConfig {
  return {
    prompt: pricing?.prompt ?? '0',
    completion: pricing?.completion ?? '0',
    cachedPrompt: pricing?.cached_prompt,
    reasoning: pricing?.reasoning,
    cacheWrite: pricing?.cache_write,
    cacheWrite1h: pricing?.cache_write_1h,
  };
}

function toRoutes(model: YamlModel): RouteConfig[] {
  // The schema has checked the id contains a '/', so fromId is defined.
  const fromId = splitModelId(model.id);
  const upstreamModel = fromId?.model ?? '';
  if (model.routes === undefined) {
    const provider = model.provider ?? fromId?.provider ?? '';
    const pricing = toPricing(model.pricing);
    return [
      createRouteConfig({
        provider,
        upstreamModel: model.upstream_model ?? upstreamModel,
        priority: 0,
        pricing,
      }),
    ];
  }
  const routes = model.routes.map((route) =>
    createRouteConfig({
      provider: route.provider,
      upstreamModel: route.upstream_model ?? upstreamModel,
      priority: route.priority ?? 0,
      pricing: toPricing(route.pricing),
    }),
  );
  // Array.prototype.sort is stable: equal priorities keep the YAML's order.
  return routes.sort((first, second) => first.priority - second.priority);
}

function toModelConfig(model: YamlModel): ModelConfig {
  return {
    id: model.id,
    name: model.name ?? model.id,
    kind: model.kind ?? 'chat',
    contextLength: model.context_length,
    maxOutputTokens: model.max_output_tokens,
    routes: toRoutes(model),
  };
}

/**
 * The YAML's models, plus each existing provider's default models (see
 * `DEFAULT_MODELS_BY_PROVIDER`) when no YAML model routes to that provider. A YAML model keeps its
 * id: defaults never replace it.
 */
export function resolveModels(
  yamlModels: readonly YamlModel[],
  providers: readonly ProviderConfig[],
): ModelConfig[] {
  const models = yamlModels.map(toModelConfig);
  const routed = new Set(models.flatMap((model) => model.routes.map((route) => route.provider)));
  const ids = new Set(models.map((model) => model.id));
  const defaults = providers
    .filter((provider) => !routed.has(provider.name))
    .flatMap((provider) => DEFAULT_MODELS_BY_PROVIDER.get(provider.name) ?? [])
    .filter((model) => !ids.has(model.id));
  return [...models, ...defaults];
}
