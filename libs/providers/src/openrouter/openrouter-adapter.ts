import { createOpenAiCompatibleAdapter } from '../openai-compatible/openai-compatible-adapter.js';
import type { ProviderAdapter, UpstreamTarget } from '../provider-adapter.js';

/** OpenRouter's app attribution headers; a provider's configured headers override them. */
const ATTRIBUTION = {
  'HTTP-Referer': 'https://github.com/switchyard-gateway/switchyard',
  'X-Title': 'Switchyard',
};

/**
 * OpenRouter speaks OpenAI's API; on top of it this adapter sends the attribution headers and
 * passes the caller's `provider` preferences on (Switchyard's own routing has already acted on
 * `models`, which is not forwarded). OpenRouter reports its own `usage.cost`.
 */
export function createOpenRouterAdapter(): ProviderAdapter {
  const base = createOpenAiCompatibleAdapter('openrouter', { openRouterFields: true });
  const withAttribution = (target: UpstreamTarget): UpstreamTarget => ({
    ...target,
    extraHeaders: { ...ATTRIBUTION, ...target.extraHeaders },
  });
  return {
    ...base,
    buildChatRequest: (request, target, source) =>
      base.buildChatRequest(request, withAttribution(target), source),
  };
}
