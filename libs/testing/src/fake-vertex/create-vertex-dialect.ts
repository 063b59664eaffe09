import { answerMessages } from '../fake-anthropic/answer-messages.js';
import { invalidAnthropicRequest } from '../fake-anthropic/anthropic-error.js';
import { anthropicScenarioError } from '../fake-anthropic/anthropic-scenario-error.js';
import {
  createFakePromptCache,
  type FakePromptCache,
} from '../fake-anthropic/fake-prompt-cache.js';
import { answerGenerateContent } from '../fake-google/answer-generate-content.js';
import { GOOGLE_JSON } from '../fake-google/google-error.js';
import { googleScenarioError } from '../fake-google/google-scenario-error.js';
import type { TokenVerdict } from '../fake-oauth/create-token-ledger.js';
import type { FakeCall, FakeDialect, FakeRoute } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { isRecord } from '../fake-upstream/is-record.js';
import {
  DEFAULT_PUBLISHER_MODELS,
  type FakePublisherModels,
  publisherModelsRoute,
} from './answer-publisher-models.js';
import { answerVertexPredict } from './answer-vertex-predict.js';
import { checkVertexToken } from './check-vertex-token.js';
import { type VertexError, vertexError, writeVertexError } from './vertex-error.js';

/** The Messages API version Vertex AI requires in a Claude request's body. */
export const VERTEX_ANTHROPIC_VERSION = 'vertex-2023-10-16';

/** Where the fake serves: one project and location, and a judge of bearer tokens. */
export interface VertexDialectOptions {
  readonly project: string;
  readonly location: string;
  readonly verifyToken: (token: string | undefined) => TokenVerdict;
  /** What Model Garden's publisher lists hold; default a few Gemini, Imagen, embedding and Claude models. */
  readonly publisherModels?: FakePublisherModels;
  /** Models per publisher-list page; default 2, so pages are followed. */
  readonly publisherPageSize?: number;
}

/**
 * Vertex AI's model endpoints of one project and location, behind OAuth bearer tokens:
 * `publishers/google/models/{m}:generateContent|streamGenerateContent|predict` (the fake Gemini's
 * answers and scenarios, text-embedding predictions) and
 * `publishers/anthropic/models/{m}:rawPredict|streamRawPredict` (the fake Anthropic's, the body
 * carrying `anthropic_version: vertex-2023-10-16` and no `model`), and Model Garden's lists
 * (`GET /v1beta1/publishers/{publisher}/models`, same host and tokens). A Claude model named
 * `claude-scenario-<scenario>` runs the fake Anthropic's scenario of that name
 * (`claude-scenario-error-leak`: a 401 quoting the caller's `Authorization` header).
 */
export function createVertexDialect(options: VertexDialectOptions): FakeDialect<VertexError> {
  const base = `/v1/projects/${options.project}/locations/${options.location}`;
  const google = (method: string): RegExp =>
    new RegExp(`^${base}/publishers/google/models/([^/:]+):${method}$`);
  const anthropic = (method: string): RegExp =>
    new RegExp(`^${base}/publishers/anthropic/models/([^/:]+):${method}$`);
  // Claude on Vertex caches prompts as Anthropic's API does: one cache for both methods.
  const cache = createFakePromptCache();
  return {
    basePath: base,
    requestId: { header: 'x-vertex-request-id', prefix: '' },
    authenticate: (request) => checkVertexToken(request.headers, options.verifyToken),
    routes: [
      geminiRoute(google('generateContent'), (call) => answerGenerateContent(call, 'object')),
      geminiRoute(google('streamGenerateContent'), (call) =>
        answerGenerateContent(
          call,
          call.request.url.searchParams.get('alt') === 'sse' ? 'sse' : 'json-array',
        ),
      ),
      {
        method: 'POST',
        path: google('predict'),
        answer: (call) => answerVertexPredict(call, call.params[0] ?? ''),
      },
      claudeRoute(anthropic('rawPredict'), false, cache),
      claudeRoute(anthropic('streamRawPredict'), true, cache),
      publisherModelsRoute(
        () => options.publisherModels ?? DEFAULT_PUBLISHER_MODELS,
        options.publisherPageSize ?? 2,
      ),
    ],
    errors: {
      write: writeVertexError,
      notFound: (method, path) =>
        vertexError(
          404,
          'NOT_FOUND',
          `The requested URL ${method} ${path} was not found on this server.`,
        ),
      invalidJson: () => vertexError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'),
      failed: (message) => vertexError(500, 'INTERNAL', message),
      leak: (request) =>
        vertexError(
          401,
          'UNAUTHENTICATED',
          `Request had invalid authentication credentials: ${headerValue(request.headers, 'authorization') ?? ''}`,
        ),
      scenario: (status, model) =>
        model.startsWith('claude-')
          ? { shape: 'anthropic', error: anthropicScenarioError(status, claudeScenario(model)) }
          : { shape: 'google', error: googleScenarioError(status, model) },
    },
    jsonContentType: GOOGLE_JSON,
  };
}

function geminiRoute(
  path: RegExp,
  answer: (call: FakeCall) => ReturnType<typeof answerGenerateContent>,
): FakeRoute<VertexError> {
  return {
    method: 'POST',
    path,
    answer(call) {
      const outcome = answer(call);
      return outcome.kind === 'refuse'
        ? { kind: 'refuse', error: { shape: 'google', error: outcome.error } }
        : outcome;
    },
  };
}

function claudeRoute(
  path: RegExp,
  streaming: boolean,
  cache: FakePromptCache,
): FakeRoute<VertexError> {
  return {
    method: 'POST',
    path,
    answer(call): FakeOutcome<VertexError> {
      const [model = ''] = call.params;
      const body = isRecord(call.body) ? call.body : {};
      const refuse = (message: string): FakeOutcome<VertexError> => ({
        kind: 'refuse',
        error: { shape: 'anthropic', error: invalidAnthropicRequest(message) },
      });
      if (body.anthropic_version !== VERTEX_ANTHROPIC_VERSION) {
        return refuse(`anthropic_version: Input should be '${VERTEX_ANTHROPIC_VERSION}'`);
      }
      if ('model' in body) return refuse('model: Extra inputs are not permitted');
      if ((body.stream === true) !== streaming) {
        return refuse(`stream: must be ${streaming} for this method`);
      }
      const outcome = answerMessages(
        { ...call, body: { ...body, model: claudeScenario(model) } },
        cache,
      );
      if (outcome.kind === 'refuse') {
        return { kind: 'refuse', error: { shape: 'anthropic', error: outcome.error } };
      }
      // The URL's model names the answer (and the scenario error's shape).
      return { ...outcome, model };
    },
  };
}

function claudeScenario(model: string): string {
  return model.startsWith('claude-scenario-') ? model.slice('claude-scenario-'.length) : model;
}
