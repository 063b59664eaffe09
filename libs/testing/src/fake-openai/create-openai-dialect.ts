import { bearerToken } from '../fake-upstream/bearer-token.js';
import type { FakeDialect } from '../fake-upstream/fake-dialect.js';
import { answerChatCompletion } from './answer-chat-completion.js';
import { answerEmbeddings } from './answer-embeddings.js';
import { answerModels } from './answer-models.js';
import { answerResponses, type FakeResponsesStore } from './answer-responses.js';
import { checkApiKey } from './check-api-key.js';
import { invalidRequest, type OpenAiErrorResponse, writeOpenAiError } from './openai-error.js';
import { incorrectApiKeyError, scenarioError } from './scenario-error.js';

const invalidJsonMessage =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

/**
 * OpenAI's wire format: `POST /v1/chat/completions`, `POST /v1/responses` (storing its Responses
 * for `previous_response_id`), `POST /v1/embeddings`,
 * `GET /v1/models[/<id>]`, `Authorization: Bearer` keys, `{"error":{…}}` bodies, `x-request-id`.
 * Anything else is OpenAI's 404 `Invalid URL`, a body that is not JSON a 400.
 */
export function createOpenAiDialect(
  apiKeys: readonly string[] | undefined,
): FakeDialect<OpenAiErrorResponse> {
  const responses: FakeResponsesStore = new Map();
  return {
    basePath: '/v1',
    requestId: { header: 'x-request-id', prefix: 'req_' },
    authenticate: (request) => checkApiKey(request.headers.authorization, apiKeys),
    routes: [
      { method: 'POST', path: /^\/v1\/chat\/completions$/, answer: answerChatCompletion },
      {
        method: 'POST',
        path: /^\/v1\/responses$/,
        answer: (call) => answerResponses(call, responses),
      },
      { method: 'POST', path: /^\/v1\/embeddings$/, answer: answerEmbeddings },
      { method: 'GET', path: /^\/v1\/models$/, json: false, answer: answerModels },
      { method: 'GET', path: /^\/v1\/models\/(.+)$/, json: false, answer: answerModels },
    ],
    errors: {
      write: writeOpenAiError,
      notFound: (method, path) => ({
        ...invalidRequest(`Invalid URL (${method} ${path})`),
        status: 404,
      }),
      invalidJson: () => invalidRequest(invalidJsonMessage),
      failed: (message) => ({
        status: 500,
        error: { message, type: 'server_error', param: null, code: null },
      }),
      scenario: scenarioError,
      leak(request) {
        const { authorization } = request.headers;
        const leaked = bearerToken(authorization) ?? authorization ?? '';
        return { status: 401, error: incorrectApiKeyError(leaked) };
      },
    },
    jsonContentType: 'application/json',
  };
}
