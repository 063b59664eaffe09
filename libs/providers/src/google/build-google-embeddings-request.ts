import type { EmbeddingsRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarnings } from '../shared/ignored-field-warnings.js';
import { buildGoogleHeaders } from './build-google-headers.js';
import { buildGoogleUrl } from './build-google-url.js';

const HANDLED = new Set(['model', 'input', 'dimensions', 'encoding_format']);

/**
 * An embeddings request as one Gemini `batchEmbedContents` call: one request per input text,
 * `dimensions` as `outputDimensionality`. Token-array inputs cannot be carried and are refused;
 * `user` and unknown fields are dropped with a warning. `encoding_format` is the gateway's to
 * honour: it encodes the float vectors this adapter returns when base64 was asked for.
 */
export function buildGoogleEmbeddingsRequest(
  request: EmbeddingsRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const texts = inputTexts(request.input);
  const model = `models/${target.upstreamModel.replace(/^models\//, '')}`;
  const requests = texts.map((text) => ({
    model,
    content: { parts: [{ text }] },
    ...(request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions }),
  }));
  const warnings = ignoredFieldWarnings(request, { provider: 'google', handled: HANDLED });
  return {
    url: buildGoogleUrl(target, 'batchEmbedContents'),
    method: 'POST',
    headers: buildGoogleHeaders(target),
    body: JSON.stringify({ requests }),
    warnings,
  };
}

function inputTexts(input: EmbeddingsRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  const texts = input.filter((item): item is string => typeof item === 'string');
  if (texts.length !== input.length) {
    throw ProviderError.unsupported(
      'google embeds text only; token arrays are not supported.',
      'input',
    );
  }
  return texts;
}
