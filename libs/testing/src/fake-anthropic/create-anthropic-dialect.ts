import type { FakeDialect } from '../fake-upstream/fake-dialect.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { answerCountTokens, answerMessages } from './answer-messages.js';
import {
  type AnthropicErrorResponse,
  invalidAnthropicRequest,
  writeAnthropicError,
} from './anthropic-error.js';
import { anthropicScenarioError } from './anthropic-scenario-error.js';
import { checkAnthropicHeaders } from './check-anthropic-headers.js';
import { createFakePromptCache } from './fake-prompt-cache.js';

/**
 * Anthropic's wire format: `POST /v1/messages` and `/v1/messages/count_tokens` behind `x-api-key`,
 * `anthropic-version` and well-formed `anthropic-beta` values, with a prompt cache of its own,
 * `{"type":"error","error":{…},"request_id"}` bodies, a `request-id` header. Any other route is
 * a 404 `not_found_error`, a body that is not JSON a 400 `invalid_request_error`.
 */
export function createAnthropicDialect(
  apiKeys: readonly string[] | undefined,
): FakeDialect<AnthropicErrorResponse> {
  const cache = createFakePromptCache();
  return {
    basePath: '/v1',
    requestId: { header: 'request-id', prefix: 'req_011' },
    authenticate: (request) => checkAnthropicHeaders(request.headers, apiKeys),
    routes: [
      { method: 'POST', path: /^\/v1\/messages$/, answer: (call) => answerMessages(call, cache) },
      { method: 'POST', path: /^\/v1\/messages\/count_tokens$/, answer: answerCountTokens },
    ],
    errors: {
      write: writeAnthropicError,
      notFound: () => ({ status: 404, type: 'not_found_error', message: 'Not Found' }),
      invalidJson: () => invalidAnthropicRequest('The request body is not valid JSON.'),
      failed: (message) => ({ status: 500, type: 'api_error', message }),
      scenario: anthropicScenarioError,
      leak: (request) => ({
        status: 401,
        type: 'authentication_error',
        message: `invalid x-api-key: ${headerValue(request.headers, 'x-api-key') ?? ''}`,
      }),
    },
    jsonContentType: 'application/json',
  };
}
