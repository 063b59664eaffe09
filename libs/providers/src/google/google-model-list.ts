import { z } from 'zod';
import type { ListedModel, ModelListDialect } from '../model-list-dialect.js';

const pageSchema = z.looseObject({
  models: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        inputTokenLimit: z.number().int().positive().optional(),
        outputTokenLimit: z.number().int().positive().optional(),
        supportedGenerationMethods: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  nextPageToken: z.string().optional(),
});

/**
 * Gemini's `models.list` (`GET {baseUrl}/models?key=…`), paged by `pageToken`; names lose their
 * `models/` prefix, and models that neither generate nor embed are left out.
 */
export const googleModelList: ModelListDialect = {
  buildRequest: (target, pageToken) => {
    const query = new URLSearchParams({ pageSize: '1000' });
    if (target.apiKey !== undefined) query.set('key', target.apiKey);
    if (pageToken !== undefined) query.set('pageToken', pageToken);
    return {
      url: `${target.baseUrl}/models?${query.toString()}`,
      method: 'GET',
      headers: { ...target.headers },
      body: undefined,
    };
  },
  parsePage: (body) => {
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const models: ListedModel[] = [];
    for (const model of parsed.data.models) {
      const methods = model.supportedGenerationMethods ?? ['generateContent'];
      if (!methods.includes('generateContent') && !methods.includes('embedContent')) continue;
      models.push({
        upstreamModel: model.name.replace(/^models\//, ''),
        contextLength: model.inputTokenLimit ?? null,
        maxOutputTokens: model.outputTokenLimit ?? null,
      });
    }
    const next = parsed.data.nextPageToken;
    return { models, nextCursor: next === '' ? undefined : next };
  },
};
