import { z } from 'zod';
import type { ListedModel, ModelListDialect, ModelListTarget } from '../model-list-dialect.js';
import { type VertexPublisher, vertexPublisherOf } from './vertex-publisher-of.js';

/** Models per page (the API's default is 100). */
const PAGE_SIZE = '100';

/** The view whose entries carry `versionId` (the default, `PUBLISHER_MODEL_VIEW_BASIC`, need not). */
const VIEW = 'PUBLISHER_MODEL_VERSION_VIEW_BASIC';

/** The project-and-location path a Vertex base URL ends with; what precedes it is kept (a proxy's prefix). */
const PROJECT_PATH = /\/v1(beta1)?\/projects\/[^/]+\/locations\/[^/]+\/*$/;

/** The publisher models Switchyard can call: Gemini and Google's embeddings, and Claude. */
const CALLABLE: Readonly<Record<VertexPublisher, RegExp>> = {
  google: /^(gemini-|text-embedding-|text-multilingual-embedding-)/,
  anthropic: /^claude-/,
};

const pageSchema = z.looseObject({
  publisherModels: z
    .array(z.looseObject({ name: z.string().min(1), versionId: z.string().optional() }))
    .default([]),
  nextPageToken: z.string().optional(),
});

/**
 * Vertex AI's Model Garden list, `GET https://{location}-aiplatform.googleapis.com/v1beta1/publishers/{publisher}/models`
 * (the base URL without its `/v1/projects/{p}/locations/{l}` path, so a proxy's path prefix stays
 * as with Bedrock; `pageSize`/`pageToken` pages, `view=PUBLISHER_MODEL_VERSION_VIEW_BASIC` for the
 * `versionId`, the OAuth token of the vertex signer): Google's models (Gemini, text embeddings),
 * then Anthropic's (Claude) when the configuration routes a Claude model to the provider — the
 * list is the publisher's catalog, not what the project enabled, and Claude must be enabled per
 * project. The cursor is `{publisher}:{pageToken}`. A Claude model is called by its `@` id
 * (`claude-sonnet-4-5@20250929`), so one whose version is not a date (`default`, none) is left
 * out: Vertex would answer 404 to the bare id.
 */
export const vertexModelList: ModelListDialect = {
  buildRequest: (target, cursor) => {
    const { publisher, pageToken } = readCursor(cursor);
    const query = new URLSearchParams({ pageSize: PAGE_SIZE, view: VIEW });
    if (pageToken !== '') query.set('pageToken', pageToken);
    return {
      url: `${apiRootOf(target.baseUrl)}/v1beta1/publishers/${publisher}/models?${query.toString()}`,
      method: 'GET',
      headers: { ...target.headers },
      body: undefined,
    };
  },
  parsePage: (body, cursor, target) => {
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const { publisher } = readCursor(cursor);
    const models: ListedModel[] = [];
    for (const entry of parsed.data.publisherModels) {
      const match = /^publishers\/([^/]+)\/models\/([^/@]+)$/.exec(entry.name);
      const id = match?.[2];
      if (match?.[1] !== publisher || id === undefined || !CALLABLE[publisher].test(id)) continue;
      const version = entry.versionId ?? '';
      if (publisher === 'anthropic' && !/^\d{8}$/.test(version)) continue;
      const upstreamModel = publisher === 'anthropic' ? `${id}@${version}` : id;
      models.push({
        upstreamModel,
        contextLength: null,
        maxOutputTokens: null,
        servedModel: `${publisher}/${id}`,
      });
    }
    const token = parsed.data.nextPageToken;
    if (token !== undefined && token !== '') return { models, nextCursor: `${publisher}:${token}` };
    const next = publisher === 'google' && routesClaude(target) ? 'anthropic:' : undefined;
    return { models, nextCursor: next };
  },
};

function readCursor(cursor: string | undefined): { publisher: VertexPublisher; pageToken: string } {
  if (cursor === undefined) return { publisher: 'google', pageToken: '' };
  const colon = cursor.indexOf(':');
  const publisher = cursor.slice(0, colon) === 'anthropic' ? 'anthropic' : 'google';
  return { publisher, pageToken: cursor.slice(colon + 1) };
}

function routesClaude(target: ModelListTarget): boolean {
  return target.routedModels.some((model) => vertexPublisherOf(model) === 'anthropic');
}

/**
 * `https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/l` → its origin;
 * `https://proxy.example/vertex/v1/projects/p/locations/l` → `https://proxy.example/vertex`.
 */
function apiRootOf(baseUrl: string): string {
  if (!URL.canParse(baseUrl)) return baseUrl;
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(PROJECT_PATH, '').replace(/\/+$/, '')}`;
}
