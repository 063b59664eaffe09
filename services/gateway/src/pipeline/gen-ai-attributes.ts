import type { Attributes } from '@opentelemetry/api';
import type { TokenUsage } from '@switchyard/contracts';
import type { Route } from '../catalog/model-catalog.js';
import type { RequestOutcome } from '../usage/usage-recorder.js';

/** The OpenTelemetry GenAI attributes of a request's server span, once its outcome is known. */
export function genAiAttributes(outcome: {
  endpoint: RequestOutcome['endpoint'];
  requestedModel: string;
  route: Route | undefined;
  usage: TokenUsage | undefined;
  errorCode: string | null;
}): Attributes {
  const { route, usage } = outcome;
  return {
    'gen_ai.operation.name': outcome.endpoint === 'embeddings' ? 'embeddings' : 'chat',
    'gen_ai.request.model': outcome.requestedModel,
    ...(route && {
      'gen_ai.provider.name': route.provider.name,
      'gen_ai.response.model': route.upstreamModel,
    }),
    ...(usage && {
      'gen_ai.usage.input_tokens': usage.promptTokens,
      'gen_ai.usage.output_tokens': usage.completionTokens,
    }),
    ...(outcome.errorCode !== null && { 'error.type': outcome.errorCode }),
  };
}
