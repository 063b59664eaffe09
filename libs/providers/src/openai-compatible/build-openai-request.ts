import type { ChatCompletionRequest, EmbeddingsRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';

/** Fields that only steer Switchyard's routing and are not sent to a plain OpenAI-compatible server. */
const ROUTING_FIELDS = ['models', 'provider'] as const;

/**
 * The chat request as an OpenAI-compatible server expects it: every field passed on, the model
 * replaced by the upstream name, and usage always requested on streams so it can be recorded.
 */
export function buildOpenAiChatRequest(
  request: ChatCompletionRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const body: Record<string, unknown> = { ...request, model: target.upstreamModel };
  for (const field of ROUTING_FIELDS) delete body[field];
  if (request.stream === true) {
    body.stream_options = { ...request.stream_options, include_usage: true };
  }
  return post(`${target.baseUrl}/chat/completions`, target, body);
}

/** The embeddings request with the upstream model name. */
export function buildOpenAiEmbeddingsRequest(
  request: EmbeddingsRequest,
  target: UpstreamTarget,
): BuiltRequest {
  return post(`${target.baseUrl}/embeddings`, target, { ...request, model: target.upstreamModel });
}

function post(url: string, target: UpstreamTarget, body: Record<string, unknown>): BuiltRequest {
  const headers: Record<string, string> = {
    ...target.extraHeaders,
    'content-type': 'application/json',
  };
  if (target.apiKey !== undefined) headers.authorization = `Bearer ${target.apiKey}`;
  return { url, method: 'POST', headers, body: JSON.stringify(body), warnings: [] };
}
