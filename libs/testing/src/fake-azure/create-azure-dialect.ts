import { answerChatCompletion } from '../fake-openai/answer-chat-completion.js';
import { answerEmbeddings } from '../fake-openai/answer-embeddings.js';
import { answerResponses, type FakeResponsesStore } from '../fake-openai/answer-responses.js';
import type { OpenAiErrorResponse } from '../fake-openai/openai-error.js';
import { scenarioError } from '../fake-openai/scenario-error.js';
import type { FakeCall, FakeDialect, FakeRoute } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { answerContentFilter, CONTENT_FILTER_MODELS } from './answer-content-filter.js';
import { refuseFilteredResponsesPrompt } from './answer-responses-content-filter.js';
import { type AzureErrorResponse, azureGatewayError, writeAzureError } from './azure-error.js';
import { checkAzureAuth, type FakeAzureAuth } from './check-azure-auth.js';
import { withResponsesContentFilters } from './with-responses-content-filters.js';

type Answer = (call: FakeCall) => FakeOutcome<OpenAiErrorResponse>;
type Operation = 'chat/completions' | 'embeddings' | 'responses';

/** The first api-version of `/openai/responses`; older ones do not have the route. */
const FIRST_RESPONSES_VERSION = '2025-03-01';

/**
 * Azure OpenAI's data plane on one resource: deployment routes
 * (`/openai/deployments/{deployment}/chat/completions|embeddings?api-version=…`, the deployment
 * standing for the model), the Responses API per resource
 * (`/openai/responses?api-version=2025-03-01-preview` or later, the deployment as `model`), and
 * the v1 API (`/openai/v1/chat/completions|embeddings|responses`, the model in the body);
 * OpenAI's bodies and streams (Responses stored for `previous_response_id`, bodies carrying
 * Azure's `content_filters`), `api-key` or Entra bearer auth, Azure's 401 and 404 bodies,
 * content-filter verdicts (see `answerContentFilter`, `refuseFilteredResponsesPrompt`).
 */
export function createAzureDialect(auth: FakeAzureAuth): FakeDialect<AzureErrorResponse> {
  const stored: FakeResponsesStore = new Map();
  const responses: Answer = (call) => answerResponses(call, stored);
  return {
    basePath: '',
    requestId: { header: 'apim-request-id', prefix: '' },
    authenticate: (request) => checkAzureAuth(request.headers, auth),
    routes: [
      deploymentRoute('chat/completions', answerChatCompletion),
      deploymentRoute('embeddings', answerEmbeddings),
      resourceResponsesRoute(responses),
      v1Route('chat/completions', answerChatCompletion),
      v1Route('embeddings', answerEmbeddings),
      v1Route('responses', responses),
    ],
    errors: {
      write: writeAzureError,
      notFound: () => azureGatewayError(404, 'Resource not found'),
      invalidJson: () =>
        fromOpenAi({
          status: 400,
          error: {
            message: 'Invalid JSON body.',
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        }),
      failed: (message) => azureGatewayError(500, message),
      scenario: (status, model) => fromOpenAi(scenarioError(status, model)),
      leak: (request) =>
        azureGatewayError(
          401,
          `Access denied for credential ${headerValue(request.headers, 'api-key') ?? headerValue(request.headers, 'authorization') ?? ''}.`,
        ),
    },
    jsonContentType: 'application/json',
  };
}

function deploymentRoute(
  operation: 'chat/completions' | 'embeddings',
  answer: Answer,
): FakeRoute<AzureErrorResponse> {
  return {
    method: 'POST',
    path: new RegExp(`^/openai/deployments/([^/]+)/${operation}$`),
    answer(call) {
      if (!call.request.url.searchParams.get('api-version')) {
        return { kind: 'refuse', error: azureGatewayError(404, 'Resource not found') };
      }
      const [deployment = ''] = call.params;
      // The deployment names the model; a `model` in the body is ignored, as Azure does.
      const body = isRecord(call.body) ? { ...call.body, model: deployment } : call.body;
      return answerAs({ ...call, body }, deployment, operation, answer);
    },
  };
}

/** `/openai/responses`: per resource, not per deployment, and only on recent api-versions. */
function resourceResponsesRoute(answer: Answer): FakeRoute<AzureErrorResponse> {
  return {
    method: 'POST',
    path: /^\/openai\/responses$/,
    answer(call) {
      const version = call.request.url.searchParams.get('api-version') ?? '';
      const serves = /^\d{4}-\d{2}-\d{2}/.test(version)
        ? version.slice(0, 10) >= FIRST_RESPONSES_VERSION
        : version === 'preview' || version === 'latest';
      if (!serves) return { kind: 'refuse', error: azureGatewayError(404, 'Resource not found') };
      return answerAs(call, modelOf(call), 'responses', answer);
    },
  };
}

function v1Route(operation: Operation, answer: Answer): FakeRoute<AzureErrorResponse> {
  return {
    method: 'POST',
    path: new RegExp(`^/openai/v1/${operation}$`),
    answer: (call) => answerAs(call, modelOf(call), operation, answer),
  };
}

function modelOf(call: FakeCall): string {
  return isRecord(call.body) && typeof call.body.model === 'string' ? call.body.model : '';
}

function answerAs(
  call: FakeCall,
  model: string,
  operation: Operation,
  answer: Answer,
): FakeOutcome<AzureErrorResponse> {
  const filter = CONTENT_FILTER_MODELS.find((name) => name === model);
  if (filter !== undefined && operation === 'chat/completions') {
    return answerContentFilter(filter, isRecord(call.body) && call.body.stream === true);
  }
  if (filter === 'content-filter-prompt' && operation === 'responses') {
    return refuseFilteredResponsesPrompt();
  }
  const outcome = answer(call);
  if (outcome.kind === 'refuse') return { kind: 'refuse', error: fromOpenAi(outcome.error) };
  return operation === 'responses' ? withResponsesContentFilters(outcome) : outcome;
}

function fromOpenAi(error: OpenAiErrorResponse): AzureErrorResponse {
  return { status: error.status, body: { error: error.error }, headers: error.headers };
}
