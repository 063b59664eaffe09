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
  // Literals that begin with a key, then the spread, then the key set again: on Node 20 one that
  // began with the spread and gained a key (`stream_options`) would get a hidden class each time.
  const fields: Record<string, unknown> = request;
  const body: Record<string, unknown> = { model: target.upstreamModel, ...fields };
  body.model = target.upstreamModel;
  for (const field of ROUTING_FIELDS) delete body[field];
  if (request.stream === true) {
    const streamOptions = { include_usage: true, ...request.stream_options };
    streamOptions.include_usage = true;
    body.stream_options = streamOptions;
  }
  const warnings: string[] = [];
  if (!options.keepsCacheControl) {
    body.messages = stripCacheControl(request.messages, options.provider, warnings);
  }
  const built = buildOpenAiPost(`${target.baseUrl}/chat/completions`, target, body);
  return warnings.length === 0 ? built : { ...built, warnings: [...built.warnings, ...warnings] };
}
