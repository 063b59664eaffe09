import type { EmbeddingsRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { buildOpenAiPost } from './build-openai-post.js';

/** The embeddings request with the upstream model name. */
export function buildOpenAiEmbeddingsRequest(
  request: EmbeddingsRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const body = { ...request, model: target.upstreamModel };
  return buildOpenAiPost(`${target.baseUrl}/embeddings`, target, JSON.stringify(body));
}
