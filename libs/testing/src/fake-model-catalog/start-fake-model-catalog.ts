import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenHttpServer } from '../fake-upstream/listen-http-server.js';
import { defaultOpenRouterModels } from './default-openrouter-models.js';
import type { FakeListedModel } from './fake-listed-model.js';
import { type FakeModelListDialect, MODEL_LIST_DIALECTS } from './model-list-dialects.js';

type ListSource = keyof typeof MODEL_LIST_DIALECTS;

/** The sources the fake serves: OpenRouter's catalog and each dialect's model list. */
export type FakeCatalogSource = 'openrouter' | ListSource;

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
  setProviderModels(source: ListSource, models: readonly (string | FakeListedModel)[]): void;
  setBehaviour(source: FakeCatalogSource, behaviour: FakeCatalogBehaviour): void;
  close(): Promise<void>;
}

const LIST_SOURCES = Object.keys(MODEL_LIST_DIALECTS) as ListSource[];
const SOURCES: readonly FakeCatalogSource[] = ['openrouter', ...LIST_SOURCES];
const OPENROUTER_BASE_PATH = '/openrouter/api/v1';

function basePathOf(source: FakeCatalogSource): string {
  return source === 'openrouter' ? OPENROUTER_BASE_PATH : MODEL_LIST_DIALECTS[source].basePath;
}

/** One value per source. */
function perSource<T, Source extends FakeCatalogSource>(
  sources: readonly Source[],
  value: (source: Source) => T,
): Record<Source, T> {
  return Object.fromEntries(sources.map((source) => [source, value(source)])) as Record<Source, T>;
}

const PATHS: ReadonlyMap<string, FakeCatalogSource> = new Map(
  SOURCES.map((source) => [`${basePathOf(source)}/models`, source]),
);

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
  const lists = perSource<FakeListedModel[], ListSource>(LIST_SOURCES, (source) => [
    ...MODEL_LIST_DIALECTS[source].models,
  ]);
  const behaviours = perSource<FakeCatalogBehaviour, FakeCatalogSource>(SOURCES, () => 'ok');
  const hits = perSource(SOURCES, () => 0);

  /** The body of a list request the caller is allowed to make, or undefined for a 401. */
  const answer = (source: FakeCatalogSource, request: IncomingMessage, url: URL): unknown => {
    if (source === 'openrouter') return { data: openRouter };
    const dialect: FakeModelListDialect = MODEL_LIST_DIALECTS[source];
    return dialect.authorised(request, url, apiKey)
      ? dialect.page(lists[source], url, pageSize)
      : undefined;
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const source = PATHS.get(url.pathname);
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
    openRouterCatalogUrl: `${base}${OPENROUTER_BASE_PATH}/models`,
    baseUrls: perSource(SOURCES, (source) => `${base}${basePathOf(source)}`),
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
