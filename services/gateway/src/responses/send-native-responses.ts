import {
  createResponsesPassThrough,
  createResponsesPassThroughEncoder,
  parseResponsesResponse,
  responsesFailureOf,
  setTopLevelFields,
} from '@switchyard/providers';
import type { FastifyBaseLogger } from 'fastify';
import { chatEventStream, sendSse } from '../chat/send-chat-stream.js';
import { upstreamErrorToApiError } from '../errors/to-api-error.js';
import type { Answering } from '../pipeline/endpoint.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { jsonAnswer } from '../usage/answer.js';
import { createResponsesStreamAnswer } from './create-responses-stream-answer.js';
import type { ParsedResponses } from './parsed-responses.js';
import type { ResponsesAnswerDeps } from './responses-answer-deps.js';
import { storedBeforeSent } from './stored-before-sent.js';

/**
 * Answers from a route that serves the Responses API: the upstream's SSE events as they arrive
 * (usage read from `response.completed`), or its Response; `model` names the Switchyard model
 * that served, as on chat. Such Responses are stored by the upstream (as `store` asks); the
 * gateway records only which key created each (before the client has its id), so no other key
 * reaches it through the gateway. A Response that failed (`response.failed`, `status:
 * "failed"`) reaches the client as sent and is recorded as the error it reports.
 */
export async function sendNativeResponses(
  answering: Answering<ParsedResponses>,
  deps: ResponsesAnswerDeps,
): Promise<void> {
  const { request, call, admitted, reply } = answering;
  const { now, cutoff } = deps;
  const keep = (id: string) =>
    recordOwner(request, id, call.candidate.route.provider.name, deps, reply.log);
  if (request.stream) {
    const transformer = createResponsesPassThrough({ servedModel: call.candidate.model.id });
    const events = chatEventStream({
      call,
      outcome: admitted,
      includeUsage: true,
      cutoff,
      now,
      transformer,
      transformerNamesModel: true,
      encoder: createResponsesPassThroughEncoder(),
      answer: createResponsesStreamAnswer,
    });
    sendSse(
      reply,
      storedBeforeSent(events, () => transformer.responseId, keep),
    );
    return;
  }
  const parsed = await parseUpstreamJson(call, parseResponsesResponse);
  // The served model set in the upstream's text, the rest as it came: a Response repeats the
  // request's instructions and tools (~70 KB on an agent's turn), not serialised again here.
  const text = setTopLevelFields(parsed.text, { model: call.candidate.model.id });
  // The answer logged (read as the Response, not as text) names it too.
  parsed.body.model = call.candidate.model.id;
  if (typeof parsed.body.id === 'string') await keep(parsed.body.id);
  const reported = responsesFailureOf(parsed.body);
  const error =
    reported &&
    upstreamErrorToApiError(reported, {
      provider: call.candidate.route.provider.name,
      secrets: [call.credential.key],
    });
  admitted.settle({
    status: error?.status ?? 200,
    errorCode: error?.code ?? null,
    errorMessage: error?.message ?? null,
    usage: parsed.usage,
    delivery: 'complete',
    answer: jsonAnswer(parsed.body, text),
  });
  reply.header('content-type', 'application/json').send(text);
}

/**
 * Records the caller's key as the owner of a Response the upstream stored (not when the request
 * said `store: false`); a record that cannot be written leaves that Response unreachable through
 * the gateway, never reachable by another key.
 */
async function recordOwner(
  request: ParsedResponses,
  id: string,
  provider: string,
  deps: ResponsesAnswerDeps,
  log: FastifyBaseLogger,
): Promise<void> {
  if (request.body.store === false) return;
  try {
    await deps.store.putNative({ id, ownerKeyId: request.principal.keyId, provider });
  } catch (error: unknown) {
    log.warn({ err: error }, 'the owner of a native Response could not be recorded');
  }
}
