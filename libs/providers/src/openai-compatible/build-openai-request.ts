import type { ChatCompletionRequest, JsonObjectText } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { setTopLevelFields } from '../shared/set-top-level-fields.js';
import { buildOpenAiPost } from './build-openai-post.js';
import { stripCacheControl } from './strip-cache-control.js';

/** How one OpenAI-compatible server differs from the plain one. */
export interface OpenAiRequestOptions {
  /** The provider type, for warnings. */
  provider: string;
  /** The server reads content parts' `cache_control` marks (OpenRouter's convention). */
  keepsCacheControl: boolean;
  /** The server reads OpenRouter's `provider` preferences, which are then forwarded. */
  keepsProviderPreferences: boolean;
}

const PLAIN_SERVER: OpenAiRequestOptions = {
  provider: 'openai-compatible',
  keepsCacheControl: false,
  keepsProviderPreferences: false,
};

/**
 * The chat request as an OpenAI-compatible server expects it: every field passed on, the model
 * replaced by the upstream name, and usage always requested on streams so it can be recorded.
 * Switchyard's routing fields (`models`; `provider` unless the server reads it) are not sent.
 * Content parts' `cache_control` marks go only to a server that reads them (`keepsCacheControl`,
 * OpenRouter); others get them stripped, with a warning.
 *
 * Given the caller's body as sent (`source`), the upstream gets those bytes with only these
 * fields and the fitted completion caps set (`setTopLevelFields`): a coding agent's 100 KB turn
 * is not re-serialised, and its key order, spacing and escapes reach the server as written. A
 * body whose `cache_control` marks must be stripped is re-serialised, as is a request without
 * `source`.
 */
export function buildOpenAiRequest(
  request: ChatCompletionRequest,
  target: UpstreamTarget,
  options: OpenAiRequestOptions = PLAIN_SERVER,
  source?: JsonObjectText,
): BuiltRequest {
  const warnings: string[] = [];
  const messages = options.keepsCacheControl
    ? request.messages
    : stripCacheControl(request.messages, options.provider, warnings);
  const streamOptions =
    request.stream === true ? { include_usage: true, ...request.stream_options } : undefined;
  if (streamOptions) streamOptions.include_usage = true;
  const url = `${target.baseUrl}/chat/completions`;
  if (source !== undefined && messages === request.messages) {
    const fields: Record<string, unknown> = { model: target.upstreamModel, models: undefined };
    if (!options.keepsProviderPreferences) fields.provider = undefined;
    if (streamOptions) fields.stream_options = streamOptions;
    if (typeof request.max_tokens === 'number') fields.max_tokens = request.max_tokens;
    if (typeof request.max_completion_tokens === 'number') {
      fields.max_completion_tokens = request.max_completion_tokens;
    }
    return buildOpenAiPost(url, target, setTopLevelFields(source, fields));
  }
  // Literals that begin with a key, then the spread, then the key set again: on Node 20 one that
  // began with the spread and gained a key (`stream_options`) would get a hidden class each time.
  const fields: Record<string, unknown> = request;
  const body: Record<string, unknown> = { model: target.upstreamModel, ...fields };
  body.model = target.upstreamModel;
  delete body.models;
  if (!options.keepsProviderPreferences) delete body.provider;
  if (streamOptions) body.stream_options = streamOptions;
  body.messages = messages;
  const built = buildOpenAiPost(url, target, JSON.stringify(body));
  return warnings.length === 0 ? built : { ...built, warnings: [...built.warnings, ...warnings] };
}
