import type { EmbeddingsRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarnings } from '../shared/ignored-field-warnings.js';
import { buildVertexUrl } from './build-vertex-url.js';
import { vertexPublisherOf } from './vertex-publisher-of.js';

const HANDLED = new Set(['model', 'input', 'dimensions', 'encoding_format']);

/**
 * An embeddings request as one Vertex AI `:predict` call on a Google text-embedding model: one
 * instance per input text, `dimensions` as `parameters.outputDimensionality`. Token arrays and
 * Claude models (which have no embeddings) are refused before anything is sent.
 */
export function buildVertexEmbeddingsRequest(
  request: EmbeddingsRequest,
  target: UpstreamTarget,
): BuiltRequest {
  if (vertexPublisherOf(target.upstreamModel) !== 'google') {
    throw ProviderError.unsupported(
      `${target.upstreamModel} has no embeddings on vertex.`,
      'model',
    );
  }
  const input = typeof request.input === 'string' ? [request.input] : request.input;
  const texts = input.filter((item): item is string => typeof item === 'string');
  if (texts.length !== input.length) {
    throw ProviderError.unsupported(
      'vertex embeds text only; token arrays are not supported.',
      'input',
    );
  }
  const body: Record<string, unknown> = { instances: texts.map((content) => ({ content })) };
  if (request.dimensions !== undefined) {
    body.parameters = { outputDimensionality: request.dimensions };
  }
  return {
    url: buildVertexUrl(target, 'google', 'predict'),
    method: 'POST',
    headers: { ...target.extraHeaders, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    warnings: ignoredFieldWarnings(request, { provider: 'vertex', handled: HANDLED }),
  };
}
