import { z } from 'zod';
import type { ParsedResponse, ResponseContext } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { encodeFloat32Base64 } from './encode-float32-base64.js';

const count = z.number().int().nonnegative();

const batchEmbedResponseSchema = z.looseObject({
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })),
  usageMetadata: z.looseObject({ promptTokenCount: count.nullish() }).nullish(),
});

/**
 * A `batchEmbedContents` response as OpenAI's embeddings list, vectors in input order (as
 * float32 base64 when `encodingFormat` is `'base64'`). Gemini usually reports no token counts:
 * then `usage` says 0 and the returned usage is undefined, so nothing pretends to be counted.
 */
export function parseGoogleEmbeddingsResponse(
  body: unknown,
  context: ResponseContext,
  encodingFormat: 'float' | 'base64' = 'float',
): ParsedResponse {
  const result = batchEmbedResponseSchema.safeParse(body);
  if (!result.success) throw ProviderError.malformed('batchEmbedContents response');
  const { embeddings, usageMetadata } = result.data;
  const promptTokens = usageMetadata?.promptTokenCount ?? undefined;
  return {
    body: {
      object: 'list',
      data: embeddings.map((embedding, index) => ({
        object: 'embedding',
        index,
        embedding:
          encodingFormat === 'base64' ? encodeFloat32Base64(embedding.values) : embedding.values,
      })),
      model: context.upstreamModel,
      usage: { prompt_tokens: promptTokens ?? 0, total_tokens: promptTokens ?? 0 },
    },
    usage:
      promptTokens === undefined
        ? undefined
        : { promptTokens, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0 },
  };
}
