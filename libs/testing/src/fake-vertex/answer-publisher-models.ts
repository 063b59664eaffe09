import type { FakeCall, FakeRoute } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { type VertexError, vertexError } from './vertex-error.js';

/** Model Garden's publisher models the fake lists: `{ google: ['gemini-2.5-pro'], anthropic: ['claude-sonnet-4-5@20250929'] }` (`@` splits off the `versionId`). */
export type FakePublisherModels = Readonly<Record<string, readonly string[]>>;

/** What the fake lists until a test says otherwise. */
export const DEFAULT_PUBLISHER_MODELS: FakePublisherModels = {
  google: [
    'gemini-2.5-pro',
    'gemini-2.0-flash-001',
    'imagen-3.0-generate-002',
    'text-embedding-005',
  ],
  anthropic: ['claude-sonnet-4-5@20250929', 'claude-3-5-haiku@20241022'],
};

/** Most models per page (the API's own cap), and the fake's default page size. */
const MAX_PAGE_SIZE = 100;

/** The views whose entries carry `versionId`; the default (basic) view's entries do not. */
const VERSIONED_VIEWS = new Set([
  'PUBLISHER_MODEL_VERSION_VIEW_BASIC',
  'PUBLISHER_MODEL_VIEW_FULL',
]);

/**
 * `GET /v1beta1/publishers/{publisher}/models` (Model Garden's `ListPublisherModels`), paged by
 * `pageSize` and an opaque `pageToken` (`nextPageToken` on every page but the last); entries carry
 * their `versionId` only in a `view` that includes it (`PUBLISHER_MODEL_VERSION_VIEW_BASIC`,
 * `…_FULL`), and a model listed without `@version` has `versionId: default`, as Claude 3.5 Haiku
 * does on Vertex; an unknown publisher is Google's 404, a bad token its 400 `INVALID_ARGUMENT`.
 */
export function publisherModelsRoute(
  models: () => FakePublisherModels,
  pageSize: number,
): FakeRoute<VertexError> {
  return {
    method: 'GET',
    path: /^\/v1beta1\/publishers\/([^/]+)\/models$/,
    json: false,
    answer: (call) => answer(call, models(), pageSize),
  };
}

function answer(
  call: FakeCall,
  models: FakePublisherModels,
  defaultPageSize: number,
): FakeOutcome<VertexError> {
  const [publisher = ''] = call.params;
  const listed = models[publisher];
  if (listed === undefined) {
    return {
      kind: 'refuse',
      error: vertexError(404, 'NOT_FOUND', `Publisher ${publisher} not found.`),
    };
  }
  const query = call.request.url.searchParams;
  const size = Math.min(
    Number(query.get('pageSize') ?? defaultPageSize) || defaultPageSize,
    MAX_PAGE_SIZE,
  );
  const pageToken = query.get('pageToken');
  const start =
    pageToken === null ? 0 : Number(Buffer.from(pageToken, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) {
    return { kind: 'refuse', error: vertexError(400, 'INVALID_ARGUMENT', 'Invalid page token.') };
  }
  const end = start + Math.min(size, defaultPageSize);
  const versioned = VERSIONED_VIEWS.has(query.get('view') ?? '');
  const page = listed.slice(start, end).map((entry) => {
    const [id = '', versionId = 'default'] = entry.split('@');
    return {
      name: `publishers/${publisher}/models/${id}`,
      ...(versioned && { versionId }),
      openSourceCategory: 'PROPRIETARY',
      launchStage: 'GA',
    };
  });
  const body = {
    publisherModels: page,
    ...(end < listed.length && { nextPageToken: Buffer.from(String(end)).toString('base64url') }),
  };
  return {
    kind: 'answer',
    model: '',
    scenario: { kind: 'normal' },
    stream: false,
    reply: () => ({ kind: 'json', text: JSON.stringify(body) }),
  };
}
