import { z } from 'zod';
import type { ParsedResponse, ResponseContext } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';

const vector = z.array(z.number());
/** Titan: one vector and its input token count. */
const titanSchema = z.looseObject({
  embedding: vector,
  inputTextTokenCount: z.number().int().nonnegative().optional(),
});
/** Cohere: the vectors in input order (or by type, when types were asked for); no token count. */
const cohereSchema = z.looseObject({
  embeddings: z.union([z.array(vector), z.looseObject({ float: z.array(vector) })]),
});

/**
 * A Bedrock embeddings `invoke` answer (Titan's or Cohere's body) as OpenAI's embeddings list, in
 * input order. Cohere reports no tokens in its body: then `usage` says 0 and the returned usage is
 * undefined, so the gateway estimates rather than pretends.
 */
export function parseBedrockEmbeddingsResponse(
  body: unknown,
  context: ResponseContext,
): ParsedResponse {
  const titan = titanSchema.safeParse(body);
  const cohere = titan.success ? undefined : cohereSchema.safeParse(body);
  let vectors: number[][];
  let promptTokens: number | undefined;
  if (titan.success) {
    vectors = [titan.data.embedding];
    promptTokens = titan.data.inputTextTokenCount;
  } else if (cohere?.success) {
    const { embeddings } = cohere.data;
    vectors = Array.isArray(embeddings) ? embeddings : embeddings.float;
  } else {
    throw ProviderError.malformed('embeddings response', 'bedrock');
  }
  return {
    body: {
      object: 'list',
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      model: context.upstreamModel,
      usage: { prompt_tokens: promptTokens ?? 0, total_tokens: promptTokens ?? 0 },
    },
    usage:
      promptTokens === undefined
        ? undefined
        : { promptTokens, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0 },
  };
}
