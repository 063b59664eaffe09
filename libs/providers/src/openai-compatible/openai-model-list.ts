import { z } from 'zod';
import type { ListedModel, ModelListDialect } from '../model-list-dialect.js';

const listSchema = z.looseObject({ data: z.array(z.unknown()) });
const positive = z.number().int().positive().max(10_000_000);
// Entries are read one by one: one odd entry must not lose the whole list.
const entrySchema = z.looseObject({
  id: z.string().min(1),
  // vLLM and OpenRouter say how long a context the model takes; OpenAI does not.
  max_model_len: z.unknown().optional(),
  context_length: z.unknown().optional(),
});

/** OpenAI-style `GET {baseUrl}/models` (OpenAI, OpenRouter, vLLM, Ollama…): `data[].id`, one page. */
export const openAiModelList: ModelListDialect = {
  buildRequest: (target) => ({
    url: `${target.baseUrl}/models`,
    method: 'GET',
    headers: {
      ...target.headers,
      ...(target.apiKey !== undefined && { authorization: `Bearer ${target.apiKey}` }),
    },
    body: undefined,
  }),
  parsePage: (body) => {
    const parsed = listSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const models: ListedModel[] = [];
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
    return { models, nextCursor: undefined };
  },
};
