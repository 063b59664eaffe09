import type { IncomingMessage } from 'node:http';
import {
  buildAnthropicModelPage,
  buildGoogleModelPage,
  buildOpenAiModelList,
} from './build-model-list-page.js';
import type { FakeListedModel } from './fake-listed-model.js';

/** How one provider's fake model list checks the key and answers a page, in its wire format. */
export interface FakeModelListDialect {
  /** The base URL's path on the fake (`/anthropic/v1`); the list is `GET {base}/models`. */
  basePath: string;
  /** What the list holds until a test sets it. */
  models: readonly FakeListedModel[];
  authorised(request: IncomingMessage, url: URL, apiKey: string): boolean;
  page(models: readonly FakeListedModel[], url: URL, pageSize: number): unknown;
}

/**
 * The provider model lists the fake serves, one dialect each: OpenAI (Bearer, one page),
 * Anthropic (`x-api-key` + `anthropic-version`, `after_id` pages), Gemini (`?key=`, `pageToken`).
 */
export const MODEL_LIST_DIALECTS = {
  openai: {
    basePath: '/openai/v1',
    models: [{ id: 'gpt-4o' }, { id: 'gpt-4o-mini' }, { id: 'text-embedding-3-small' }],
    authorised: (request, _url, apiKey) => request.headers.authorization === `Bearer ${apiKey}`,
    page: (models) => buildOpenAiModelList(models),
  },
  anthropic: {
    basePath: '/anthropic/v1',
    models: [{ id: 'claude-3-5-sonnet-20241022' }, { id: 'claude-3-5-haiku-20241022' }],
    authorised: (request, _url, apiKey) =>
      request.headers['x-api-key'] === apiKey && request.headers['anthropic-version'] !== undefined,
    page: (models, url, pageSize) =>
      buildAnthropicModelPage(models, url.searchParams.get('after_id'), pageSize),
  },
  google: {
    basePath: '/google/v1beta',
    models: [
      {
        id: 'gemini-2.0-flash',
        inputTokenLimit: 1_048_576,
        outputTokenLimit: 8192,
        supportedGenerationMethods: ['generateContent', 'countTokens'],
      },
    ],
    authorised: (_request, url, apiKey) => url.searchParams.get('key') === apiKey,
    page: (models, url, pageSize) =>
      buildGoogleModelPage(models, url.searchParams.get('pageToken'), pageSize),
  },
} as const satisfies Record<string, FakeModelListDialect>;
