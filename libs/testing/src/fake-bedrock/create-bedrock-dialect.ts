import { createFakePromptCache } from '../fake-anthropic/fake-prompt-cache.js';
import type { FakeCall, FakeDialect } from '../fake-upstream/fake-dialect.js';
import {
  bedrockControlPlaneRoutes,
  DEFAULT_BEDROCK_CONTROL_PLANE,
  type FakeBedrockControlPlane,
} from './answer-bedrock-model-lists.js';
import { answerConverse } from './answer-converse.js';
import { answerInvokeEmbeddings } from './answer-invoke-embeddings.js';
import { answerInvokeMessages } from './answer-invoke-messages.js';
import {
  type BedrockErrorResponse,
  bedrockScenarioError,
  bedrockValidationError,
  writeBedrockError,
} from './bedrock-error.js';
import { type SigV4Expectations, verifySigV4Signature } from './verify-sigv4-signature.js';

/**
 * The Bedrock runtime's wire format: `POST /model/{modelId}/converse` and `/converse-stream`,
 * `/invoke` for Titan and Cohere embedding models, and the control plane's model lists
 * (`GET /foundation-models`, `GET /inference-profiles`), all
 * behind a SigV4 signature the fake recomputes with its known secrets, REST-JSON errors
 * (`x-amzn-ErrorType`, `{"message"}`), an `x-amzn-RequestId` header. Any other route is a 404
 * `UnknownOperationException`, a body that is not JSON a 400 `ValidationException`.
 */
export function createBedrockDialect(
  expected: SigV4Expectations,
  controlPlane: FakeBedrockControlPlane = DEFAULT_BEDROCK_CONTROL_PLANE,
): FakeDialect<BedrockErrorResponse> {
  const cache = createFakePromptCache();
  const invokeMessages = answerInvokeMessages(false, cache);
  const isClaude = (call: FakeCall) => (call.params[0] ?? '').includes('anthropic.claude');
  return {
    basePath: '',
    requestId: { header: 'x-amzn-RequestId', prefix: 'f0e1d2c3-' },
    authenticate: (request) => verifySigV4Signature(request, expected),
    routes: [
      { method: 'POST', path: /^\/model\/([^/]+)\/converse$/, answer: answerConverse(false) },
      { method: 'POST', path: /^\/model\/([^/]+)\/converse-stream$/, answer: answerConverse(true) },
      {
        method: 'POST',
        path: /^\/model\/([^/]+)\/invoke$/,
        answer: (call) => (isClaude(call) ? invokeMessages(call) : answerInvokeEmbeddings(call)),
      },
      {
        method: 'POST',
        path: /^\/model\/([^/]+)\/invoke-with-response-stream$/,
        answer: answerInvokeMessages(true, cache),
      },
      ...bedrockControlPlaneRoutes(() => controlPlane),
    ],
    errors: {
      write: writeBedrockError,
      notFound: () => ({
        status: 404,
        exception: 'UnknownOperationException',
        message: 'Unknown operation',
      }),
      invalidJson: () =>
        bedrockValidationError(
          'Malformed input request, please reformat your input and try again.',
        ),
      failed: (message) => ({ status: 500, exception: 'InternalServerException', message }),
      scenario: bedrockScenarioError,
    },
    jsonContentType: 'application/json',
  };
}
