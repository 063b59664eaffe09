import { z } from 'zod';
import type { ProviderListedModel } from '../../source-model.js';
import { fetchJson } from '../fetch-json.js';
import { SourceError } from '../source-error.js';
import type { ModelLister } from './model-lister.js';

const listSchema = z.looseObject({ data: z.array(z.unknown()) });
const positive = z.number().int().positive().max(10_000_000);
// Entries are read one by one: one odd entry must not lose the whole list.
const entrySchema = z.looseObject({
  id: z.string().min(1),
  // vLLM and OpenRouter say how long a context the model takes; OpenAI does not.
  max_model_len: z.unknown().optional(),
  context_length: z.unknown().optional(),
});

/** OpenAI-style `GET {baseUrl}/models` (OpenAI, OpenRouter, vLLM, Ollama…): `data[].id`. */
export const listOpenAiModels: ModelLister = async (target, options) => {
  const body = await fetchJson(`${target.baseUrl}/models`, `${target.name} model list`, {
    ...options,
    headers: {
      ...target.headers,
      ...(target.apiKey !== undefined && { authorization: `Bearer ${target.apiKey}` }),
    },
  });
  const parsed = listSchema.safeParse(body);
  if (!parsed.success) throw new SourceError(`${target.name} model list: unexpected body`);
  const models: ProviderListedModel[] = [];
  for (const entry of parsed.data.data) {
    const model = entrySchema.safeParse(entry);
    if (!model.success) continue;
    const context = positive.safeParse(model.data.max_model_len ?? model.data.context_length);
    models.push({
      upstreamModel: model.data.id,
      contextLength: context.success ? context.data : null,
      maxOutputTokens: null,
    });
  }
  return models;
};
