import type { EmbeddingsRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { ignoredFieldWarnings } from '../shared/ignored-field-warnings.js';
import { buildBedrockUrl } from './build-bedrock-url.js';

const HANDLED = new Set(['model', 'input', 'dimensions', 'encoding_format']);

/**
 * An embeddings request as one Bedrock `invoke` call in the model family's own body: Cohere Embed
 * (`cohere.embed-*`: `{texts, input_type}`, a batch) or Amazon Titan Text Embeddings
 * (`amazon.titan-embed-*`: `{inputText, dimensions}`, one text per call, so a batch is refused).
 * Unsigned, like chat. Token arrays and other families are refused.
 */
export function buildBedrockEmbeddingsRequest(
  request: EmbeddingsRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const texts = inputTexts(request.input);
  const warnings = ignoredFieldWarnings(request, { provider: 'bedrock', handled: HANDLED });
  const model = target.upstreamModel;
  let body: Record<string, unknown>;
  if (model.includes('cohere.embed')) {
    body = { texts, input_type: 'search_document' };
    if (request.dimensions !== undefined)
      warnings.push(ignoredFieldWarning('bedrock', 'dimensions'));
  } else if (model.includes('amazon.titan-embed')) {
    if (texts.length !== 1) {
      throw ProviderError.unsupported(
        'Titan embeddings on bedrock take one input per request; send the texts one at a time.',
        'input',
      );
    }
    body = { inputText: texts[0] };
    if (request.dimensions !== undefined) body.dimensions = request.dimensions;
  } else {
    throw ProviderError.unsupported(
      `bedrock embeddings support amazon.titan-embed-* and cohere.embed-* models, not ${model}.`,
      'model',
    );
  }
  return {
    url: buildBedrockUrl(target.baseUrl, model, 'invoke'),
    method: 'POST',
    headers: {
      ...target.extraHeaders,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
    warnings,
  };
}

function inputTexts(input: EmbeddingsRequest['input']): string[] {
  const items = typeof input === 'string' ? [input] : input;
  const texts = items.filter((item): item is string => typeof item === 'string');
  if (texts.length !== items.length || texts.length === 0) {
    throw ProviderError.unsupported(
      'bedrock embeds text only; token arrays are not supported.',
      'input',
    );
  }
  return texts;
}
