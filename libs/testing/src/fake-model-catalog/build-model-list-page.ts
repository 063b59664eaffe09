import type { FakeListedModel } from './fake-listed-model.js';

/** OpenAI's `GET /v1/models` body: every model at once. */
export function buildOpenAiModelList(models: readonly FakeListedModel[]): unknown {
  return {
    object: 'list',
    data: models.map((model) => ({
      id: model.id,
      object: 'model',
      created: 1_700_000_000,
      owned_by: 'system',
    })),
  };
}

/** One page of Anthropic's `GET /v1/models`, after `afterId`, with `has_more` and `last_id`. */
export function buildAnthropicModelPage(
  models: readonly FakeListedModel[],
  afterId: string | null,
  pageSize: number,
): unknown {
  const start = afterId === null ? 0 : models.findIndex((model) => model.id === afterId) + 1;
  const page = models.slice(start, start + pageSize);
  return {
    data: page.map((model) => ({
      type: 'model',
      id: model.id,
      display_name: model.id,
      created_at: '2024-10-22T00:00:00Z',
    })),
    has_more: start + pageSize < models.length,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
  };
}

/** One page of Gemini's `models.list`, from `pageToken` (an offset here), with `nextPageToken`. */
export function buildGoogleModelPage(
  models: readonly FakeListedModel[],
  pageToken: string | null,
  pageSize: number,
): unknown {
  const start = Number(pageToken ?? '0');
  const page = models.slice(start, start + pageSize);
  const next = start + pageSize < models.length ? String(start + pageSize) : undefined;
  return {
    models: page.map((model) => ({
      name: `models/${model.id}`,
      version: '001',
      displayName: model.id,
      inputTokenLimit: model.inputTokenLimit ?? 1_048_576,
      outputTokenLimit: model.outputTokenLimit ?? 8192,
      supportedGenerationMethods: model.supportedGenerationMethods ?? ['generateContent'],
    })),
    ...(next !== undefined && { nextPageToken: next }),
  };
}
