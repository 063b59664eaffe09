import { z } from 'zod';
import type { ModelListDialect } from '../model-list-dialect.js';

const pageSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string().min(1) })),
  has_more: z.boolean().optional(),
  last_id: z.string().nullable().optional(),
});

/** Anthropic's `GET {baseUrl}/models` (x-api-key, anthropic-version), paged by `after_id`. */
export const anthropicModelList: ModelListDialect = {
  buildRequest: (target, afterId) => ({
    url: `${target.baseUrl}/models?limit=1000${afterId === undefined ? '' : `&after_id=${encodeURIComponent(afterId)}`}`,
    method: 'GET',
    headers: {
      'anthropic-version': '2023-06-01',
      ...target.headers,
      ...(target.apiKey !== undefined && { 'x-api-key': target.apiKey }),
    },
    body: undefined,
  }),
  parsePage: (body) => {
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const next = parsed.data.last_id ?? parsed.data.data.at(-1)?.id;
    return {
      models: parsed.data.data.map((model) => ({
        upstreamModel: model.id,
        contextLength: null,
        maxOutputTokens: null,
      })),
      nextCursor: parsed.data.has_more === true ? next : undefined,
    };
  },
};
