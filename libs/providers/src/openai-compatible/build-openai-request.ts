import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { buildOpenAiPost } from './build-openai-post.js';
import { stripCacheControl } from './strip-cache-control.js';

/** Fields that only steer Switchyard's routing and are not sent to a plain OpenAI-compatible server. */
const ROUTING_FIELDS = ['models', 'provider'] as const;

/**
 * The chat request as an OpenAI-compatible server expects it: every field passed on, the model
 * replaced by the upstream name, and usage always requested on streams so it can be recorded.
 * Content parts' `cache_control` marks go only to a server that reads them (`keepsCacheControl`,
 * OpenRouter); others get them stripped, with a warning.
 */
export function buildOpenAiRequest(
  request: ChatCompletionRequest,
  target: UpstreamTarget,
  options: { provider: string; keepsCacheControl: boolean } = {
    provider: 'openai-compatible',
    keepsCacheControl: false,
  },
): BuiltRequest {
  const body: Record<string, unknown> = { ...request, model: target.upstreamModel };
  for (const field of ROUTING_FIELDS) delete body[field];
  if (request.stream === true) {
    body.stream_options = { ...request.stream_options, include_usage: true };
  }
  const warnings: string[] = [];
  if (!options.keepsCacheControl) {
    body.messages = stripCacheControl(request.messages, options.provider, warnings);
  }
  const built = buildOpenAiPost(`${target.baseUrl}/chat/completions`, target, body);
  return warnings.length === 0 ? built : { ...built, warnings: [...built.warnings, ...warnings] };
}
