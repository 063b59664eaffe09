import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenHttpServer } from '../fake-openai/listen-http-server.js';
import {
  buildAnthropicModelPage,
  buildGoogleModelPage,
  buildOpenAiModelList,
} from './build-model-list-page.js';
import { defaultOpenRouterModels } from './default-openrouter-models.js';
import type { FakeListedModel } from './fake-listed-model.js';

/** The sources the fake serves. */
export type FakeCatalogSource = 'openrouter' | 'openai' | 'anthropic' | 'google';

/** How a source answers: normally, with HTTP 500, or with a 200 body that is not JSON. */
export type FakeCatalogBehaviour = 'ok' | 'error-500' | 'garbage';

/** Options of {@link startFakeModelCatalog}. */
export interface FakeModelCatalogOptions {
  /** The key every provider list requires (Bearer, `x-api-key` or `?key=`); default `sk-fake-key`. */
  apiKey?: string;
  /** Models per page of the Anthropic and Gemini lists (to exercise pagination); default 2. */
  pageSize?: number;
}

/** A running fake of OpenRouter's catalog and of the providers' model lists. */
export interface FakeModelCatalog {
  /** `GET` this for OpenRouter's `/api/v1/models`. */
  readonly openRouterCatalogUrl: string;
  /** Base URLs as configured for providers (`…/v1`, `…/v1beta`), `GET {base}/models` lists. */
  readonly baseUrls: Readonly<Record<FakeCatalogSource, string>>;
  readonly apiKey: string;
  /** Requests per source so far. */
  readonly hits: Record<FakeCatalogSource, number>;
  setOpenRouterModels(models: readonly unknown[]): void;
  setProviderModels(
    source: Exclude<FakeCatalogSource, 'openrouter'>,
    models: readonly (string | FakeListedModel)[],
  ): void;
  setBehaviour(source: FakeCatalogSource, behaviour: FakeCatalogBehaviour): void;
  close(): Promise<void>;
}

const PATHS: Readonly<Record<string, FakeCatalogSource>> = {
  '/openrouter/api/v1/models': 'openrouter',
  '/openai/v1/models': 'openai',
  '/anthropic/v1/models': 'anthropic',
  '/google/v1beta/models': 'google',
};

/**
 * Starts one HTTP server speaking OpenRouter's catalog format (`/openrouter/api/v1/models`) and
 * the model lists of OpenAI (`/openai/v1/models`, Bearer), Anthropic (`/anthropic/v1/models`,
 * `x-api-key` + `anthropic-version`, `has_more`/`last_id` pages) and Gemini
 * (`/google/v1beta/models?key=`, `nextPageToken` pages), each switchable to fail.
 */
export async function startFakeModelCatalog(
  options: FakeModelCatalogOptions = {},
): Promise<FakeModelCatalog> {
  const apiKey = options.apiKey ?? 'sk-fake-key';
  const pageSize = options.pageSize ?? 2;
  let openRouter: readonly unknown[] = defaultOpenRouterModels();
  const lists: Record<Exclude<FakeCatalogSource, 'openrouter'>, FakeListedModel[]> = {
    openai: [{ id: 'gpt-4o' }, { id: 'gpt-4o-mini' }, { id: 'text-embedding-3-small' }],
    anthropic: [{ id: 'claude-3-5-sonnet-20241022' }, { id: 'claude-3-5-haiku-20241022' }],
    google: [
      {
        id: 'gemini-2.0-flash',
        inputTokenLimit: 1_048_576,
        outputTokenLimit: 8192,
        supportedGenerationMethods: ['generateContent', 'countTokens'],
      },
    ],
  };
  const behaviours: Record<FakeCatalogSource, FakeCatalogBehaviour> = {
    openrouter: 'ok',
    openai: 'ok',
    anthropic: 'ok',
    google: 'ok',
  };
  const hits: Record<FakeCatalogSource, number> = {
    openrouter: 0,
    openai: 0,
    anthropic: 0,
    google: 0,
  };

  /** The body of a list request the caller is allowed to make, or undefined for a 401. */
  const answer = (source: FakeCatalogSource, request: IncomingMessage, url: URL): unknown => {
    const headers = request.headers;
    switch (source) {
      case 'openrouter':
        return { data: openRouter };
      case 'openai':
        return headers.authorization === `Bearer ${apiKey}`
          ? buildOpenAiModelList(lists.openai)
          : undefined;
      case 'anthropic':
        return headers['x-api-key'] === apiKey && headers['anthropic-version'] !== undefined
          ? buildAnthropicModelPage(lists.anthropic, url.searchParams.get('after_id'), pageSize)
          : undefined;
      case 'google':
        return url.searchParams.get('key') === apiKey
          ? buildGoogleModelPage(lists.google, url.searchParams.get('pageToken'), pageSize)
          : undefined;
    }
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const source = PATHS[url.pathname];
    if (source === undefined || request.method !== 'GET') {
      writeJson(response, 404, { error: { message: `no route ${url.pathname}` } });
      return;
    }
    hits[source] += 1;
    if (behaviours[source] === 'error-500') {
      writeJson(response, 500, { error: { message: 'internal error', type: 'server_error' } });
    } else if (behaviours[source] === 'garbage') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html>502 Bad Gateway</html> not JSON');
    } else {
      const body = answer(source, request, url);
      if (body === undefined) {
        writeJson(response, 401, {
          error: { message: 'invalid api key', type: 'authentication_error' },
        });
      } else {
        writeJson(response, 200, body);
      }
    }
  };

  const listening = await listenHttpServer(createServer(handle), '127.0.0.1', 0);
  const base = `http://127.0.0.1:${listening.port}`;
  return {
    openRouterCatalogUrl: `${base}/openrouter/api/v1/models`,
    baseUrls: {
      openrouter: `${base}/openrouter/api/v1`,
      openai: `${base}/openai/v1`,
      anthropic: `${base}/anthropic/v1`,
      google: `${base}/google/v1beta`,
    },
    apiKey,
    hits,
    setOpenRouterModels: (models) => {
      openRouter = [...models];
    },
    setProviderModels: (source, models) => {
      lists[source] = models.map((model) => (typeof model === 'string' ? { id: model } : model));
    },
    setBehaviour: (source, behaviour) => {
      behaviours[source] = behaviour;
    },
    close: () => listening.close(),
  };
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
