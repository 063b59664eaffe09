import { z } from 'zod';
import type { ProviderListedModel } from '../../source-model.js';
import { fetchJson } from '../fetch-json.js';
import { SourceError } from '../source-error.js';
import type { ModelLister } from './model-lister.js';

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

const MAX_PAGES = 50;

/**
 * Gemini's `models.list` (`GET {baseUrl}/models?key=…`), paged by `pageToken`; names lose their
 * `models/` prefix, and models that neither generate nor embed are left out.
 */
export const listGoogleModels: ModelLister = async (target, options) => {
  const models: ProviderListedModel[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ pageSize: '1000' });
    if (target.apiKey !== undefined) query.set('key', target.apiKey);
    if (pageToken !== undefined) query.set('pageToken', pageToken);
    const body = await fetchJson(
      `${target.baseUrl}/models?${query.toString()}`,
      `${target.name} model list`,
      { ...options, headers: target.headers },
    );
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) throw new SourceError(`${target.name} model list: unexpected body`);
    for (const model of parsed.data.models) {
      const methods = model.supportedGenerationMethods ?? ['generateContent'];
      if (!methods.includes('generateContent') && !methods.includes('embedContent')) continue;
      models.push({
        upstreamModel: model.name.replace(/^models\//, ''),
        contextLength: model.inputTokenLimit ?? null,
        maxOutputTokens: model.outputTokenLimit ?? null,
      });
    }
    pageToken = parsed.data.nextPageToken;
    if (pageToken === undefined || pageToken === '') return models;
  }
  return models;
};
