import type { FakeDialect } from '../fake-upstream/fake-dialect.js';
import { answerBatchEmbedContents } from './answer-batch-embed-contents.js';
import { answerGenerateContent } from './answer-generate-content.js';
import { checkGoogleApiKey } from './check-google-api-key.js';
import {
  GOOGLE_JSON,
  type GoogleError,
  invalidArgument,
  writeGoogleError,
} from './google-error.js';
import { googleScenarioError } from './google-scenario-error.js';

/**
 * Gemini's wire format: `POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent`
 * (SSE with `?alt=sse`, else one JSON array) and `:batchEmbedContents`, keys in
 * `x-goog-api-key` or `?key=`, `{"error":{code,message,status}}` bodies. Anything else is a 404
 * `NOT_FOUND`, a body that is not JSON a 400 `INVALID_ARGUMENT`.
 */
export function createGoogleDialect(
  apiKeys: readonly string[] | undefined,
): FakeDialect<GoogleError> {
  return {
    basePath: '/v1beta',
    authenticate: (request) =>
      checkGoogleApiKey(request.headers, request.url.searchParams, apiKeys),
    routes: [
      {
        method: 'POST',
        path: /^\/v1beta\/models\/([^/:]+):generateContent$/,
        answer: (call) => answerGenerateContent(call, 'object'),
      },
      {
        method: 'POST',
        path: /^\/v1beta\/models\/([^/:]+):streamGenerateContent$/,
        answer: (call) =>
          answerGenerateContent(
            call,
            call.request.url.searchParams.get('alt') === 'sse' ? 'sse' : 'json-array',
          ),
      },
      {
        method: 'POST',
        path: /^\/v1beta\/models\/([^/:]+):batchEmbedContents$/,
        answer: answerBatchEmbedContents,
      },
    ],
    errors: {
      write: writeGoogleError,
      notFound: (method, path) => ({
        code: 404,
        status: 'NOT_FOUND',
        message: `The requested URL ${method} ${path} was not found on this server.`,
      }),
      invalidJson: (bodyText) =>
        invalidArgument(
          `Invalid JSON payload received. Unexpected token.\n${bodyText.slice(0, 40)}\n^`,
        ),
      failed: (message) => ({ code: 500, status: 'INTERNAL', message }),
      scenario: googleScenarioError,
    },
    jsonContentType: GOOGLE_JSON,
  };
}
