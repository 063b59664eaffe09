import { answerChatCompletion } from '../fake-openai/answer-chat-completion.js';
import { answerEmbeddings } from '../fake-openai/answer-embeddings.js';
import type { OpenAiErrorResponse } from '../fake-openai/openai-error.js';
import { scenarioError } from '../fake-openai/scenario-error.js';
import type { FakeCall, FakeDialect, FakeRoute } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { answerContentFilter, CONTENT_FILTER_MODELS } from './answer-content-filter.js';
import { type AzureErrorResponse, azureGatewayError, writeAzureError } from './azure-error.js';
import { checkAzureAuth, type FakeAzureAuth } from './check-azure-auth.js';

type Answer = (call: FakeCall) => FakeOutcome<OpenAiErrorResponse>;

/**
 * Azure OpenAI's data plane on one resource: deployment routes
 * (`/openai/deployments/{deployment}/chat/completions|embeddings?api-version=…`, the deployment
 * standing for the model) and the v1 API (`/openai/v1/chat/completions|embeddings`, the model in
 * the body), OpenAI's bodies and streams, `api-key` or Entra bearer auth, Azure's 401 and
 * 404 bodies, content-filter verdicts (see `answerContentFilter`).
 */
export function createAzureDialect(auth: FakeAzureAuth): FakeDialect<AzureErrorResponse> {
  return {
    basePath: '',
    requestId: { header: 'apim-request-id', prefix: '' },
    authenticate: (request) => checkAzureAuth(request.headers, auth),
    routes: [
      deploymentRoute('chat/completions', answerChatCompletion),
      deploymentRoute('embeddings', answerEmbeddings),
      v1Route('chat/completions', answerChatCompletion),
      v1Route('embeddings', answerEmbeddings),
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

function v1Route(
  operation: 'chat/completions' | 'embeddings',
  answer: Answer,
): FakeRoute<AzureErrorResponse> {
  return {
    method: 'POST',
    path: new RegExp(`^/openai/v1/${operation}$`),
    answer(call) {
      const model =
        isRecord(call.body) && typeof call.body.model === 'string' ? call.body.model : '';
      return answerAs(call, model, operation, answer);
    },
  };
}

function answerAs(
  call: FakeCall,
  model: string,
  operation: string,
  answer: Answer,
): FakeOutcome<AzureErrorResponse> {
  const filter = CONTENT_FILTER_MODELS.find((name) => name === model);
  if (filter !== undefined && operation === 'chat/completions') {
    return answerContentFilter(filter, isRecord(call.body) && call.body.stream === true);
  }
  const outcome = answer(call);
  return outcome.kind === 'refuse' ? { kind: 'refuse', error: fromOpenAi(outcome.error) } : outcome;
}

function fromOpenAi(error: OpenAiErrorResponse): AzureErrorResponse {
  return { status: error.status, body: { error: error.error }, headers: error.headers };
}
