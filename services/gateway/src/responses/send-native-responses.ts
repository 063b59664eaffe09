import {
  createResponsesPassThrough,
  createResponsesPassThroughEncoder,
  parseResponsesResponse,
} from '@switchyard/providers';
import { chatEventStream, sendSse } from '../chat/send-chat-stream.js';
import type { Answering } from '../pipeline/endpoint.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { jsonAnswer } from '../usage/answer.js';
import { createResponsesStreamAnswer } from './create-responses-stream-answer.js';
import type { ParsedResponses } from './parsed-responses.js';
import type { ResponsesAnswerDeps } from './responses-answer-deps.js';

/**
 * Answers from a route that serves the Responses API: the upstream's SSE events as they arrive
 * (usage read from `response.completed`), or its Response; `model` names the Switchyard model
 * that served, as on chat. Such Responses are stored by the upstream (as `store` asks), not here.
 */
export async function sendNativeResponses(
  answering: Answering<ParsedResponses>,
  deps: ResponsesAnswerDeps,
): Promise<void> {
  const { request, call, admitted, reply } = answering;
  const { now, cutoff } = deps;
  if (request.stream) {
    const events = chatEventStream({
      call,
      outcome: admitted,
      includeUsage: true,
      cutoff,
      now,
      transformer: createResponsesPassThrough(),
      encoder: createResponsesPassThroughEncoder(),
      answer: createResponsesStreamAnswer,
    });
    sendSse(reply, events);
    return;
  }
  const parsed = await parseUpstreamJson(call, parseResponsesResponse);
  parsed.body.model = call.candidate.model.id;
  admitted.settle({
    status: 200,
    errorCode: null,
    errorMessage: null,
    usage: parsed.usage,
    delivery: 'complete',
    answer: jsonAnswer(parsed.body),
  });
  reply.send(parsed.body);
}
