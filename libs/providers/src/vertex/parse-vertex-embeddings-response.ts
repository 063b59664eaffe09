import { z } from 'zod';
import type { ParsedResponse, ResponseContext } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';

const predictResponseSchema = z.looseObject({
  predictions: z.array(
    z.looseObject({
      embeddings: z.looseObject({
        values: z.array(z.number()),
        statistics: z
          .looseObject({ token_count: z.number().int().nonnegative().nullish() })
          .nullish(),
      }),
    }),
  ),
});

/**
 * A text-embedding `:predict` response as OpenAI's embeddings list, vectors in input order;
 * the prompt tokens are the sum of each prediction's `statistics.token_count`.
 */
export function parseVertexEmbeddingsResponse(
  body: unknown,
  context: ResponseContext,
): ParsedResponse {
  const result = predictResponseSchema.safeParse(body);
  if (!result.success) throw ProviderError.malformed('predict response', 'vertex');
  const { predictions } = result.data;
  const counts = predictions.map((prediction) => prediction.embeddings.statistics?.token_count);
  const counted = counts.every((count) => typeof count === 'number');
  const promptTokens = counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
  return {
    body: {
      object: 'list',
      data: predictions.map((prediction, index) => ({
        object: 'embedding',
        index,
        embedding: prediction.embeddings.values,
      })),
      model: context.upstreamModel,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    },
    usage: counted
      ? { promptTokens, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0 }
      : undefined,
  };
}
