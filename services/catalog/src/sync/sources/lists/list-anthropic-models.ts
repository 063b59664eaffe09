import { z } from 'zod';
import type { ProviderListedModel } from '../../source-model.js';
import { fetchJson } from '../fetch-json.js';
import { SourceError } from '../source-error.js';
import type { ModelLister } from './model-lister.js';

const pageSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string().min(1) })),
  has_more: z.boolean().optional(),
  last_id: z.string().nullable().optional(),
});

/** Most pages followed, so a server that always says `has_more` cannot loop us forever. */
const MAX_PAGES = 50;

/** Anthropic's `GET {baseUrl}/models` (x-api-key, anthropic-version), paged by `after_id`. */
export const listAnthropicModels: ModelLister = async (target, options) => {
  const models: ProviderListedModel[] = [];
  let afterId: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = `?limit=1000${afterId === undefined ? '' : `&after_id=${encodeURIComponent(afterId)}`}`;
    const body = await fetchJson(`${target.baseUrl}/models${query}`, `${target.name} model list`, {
      ...options,
      headers: {
        'anthropic-version': '2023-06-01',
        ...target.headers,
        ...(target.apiKey !== undefined && { 'x-api-key': target.apiKey }),
      },
    });
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) throw new SourceError(`${target.name} model list: unexpected body`);
    for (const model of parsed.data.data) {
      models.push({ upstreamModel: model.id, contextLength: null, maxOutputTokens: null });
    }
    const next = parsed.data.last_id ?? parsed.data.data.at(-1)?.id;
    if (parsed.data.has_more !== true || next === undefined || next === afterId) return models;
    afterId = next;
  }
  return models;
};
