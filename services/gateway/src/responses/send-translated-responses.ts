import {
  convertChatCompletionToResponse,
  createResponsesStreamTranslator,
  type ResponsesContext,
} from '@switchyard/providers';
import type { FastifyBaseLogger } from 'fastify';
import { readChatJson } from '../chat/send-chat-json.js';
import { chatEventStream, sendSse } from '../chat/send-chat-stream.js';
import type { Answering } from '../pipeline/endpoint.js';
import { conversationItems } from './conversation-items.js';
import type { ParsedResponses } from './parsed-responses.js';
import type { ResponsesAnswerDeps } from './responses-answer-deps.js';
import { storedBeforeSent } from './stored-before-sent.js';

/**
 * Answers from a route that does not speak the Responses API: its chat answer as a Response, or
 * its chat stream as the typed Responses events. A finished Response is stored (unless
 * `store: false`) before the client has it, so a next turn may name it at once.
 */
export async function sendTranslatedResponses(
  answering: Answering<ParsedResponses>,
  deps: ResponsesAnswerDeps,
): Promise<void> {
  const { request, call, admitted, reply } = answering;
  const { now, cutoff } = deps;
  const context: ResponsesContext = {
    id: request.responseId,
    createdAt: Math.floor(now() / 1000),
    model: call.candidate.model.id,
    request: request.body,
  };
  const keep = (response: Record<string, unknown>) =>
    storeResponse(request, response, deps, reply.log);
  if (request.stream) {
    const translator = createResponsesStreamTranslator(context);
    const events = chatEventStream({
      call,
      outcome: admitted,
      includeUsage: true,
      cutoff,
      now,
      encoder: translator,
    });
    sendSse(
      reply,
      storedBeforeSent(events, () => translator.response, keep),
    );
    return;
  }
  const completion = await readChatJson({ call, outcome: admitted, now });
  const response = convertChatCompletionToResponse(completion, context);
  await keep(response);
  reply.send(response);
}

/** Largest stored turn (its input items and the Response, as JSON): 8 MiB. */
const MAX_STORED_RESPONSE_CHARS = 8 * 1024 * 1024;

/** Stores a Response unless the caller said `store: false`; a store that fails loses only it. */
async function storeResponse(
  request: ParsedResponses,
  response: Record<string, unknown>,
  deps: ResponsesAnswerDeps,
  log: FastifyBaseLogger,
): Promise<void> {
  if (request.body.store === false) return;
  const stored = {
    id: request.responseId,
    ownerKeyId: request.principal.keyId,
    response,
    items: conversationItems(request.body, response),
    // The turn before, when it is stored here (an upstream's is not part of this conversation).
    previousResponseId:
      request.history.length > 0 ? (request.body.previous_response_id ?? undefined) : undefined,
  };
  // One turn larger than this is answered but not kept: a later previous_response_id naming it
  // is a 400 saying it was not found (send its items as input instead).
  if (JSON.stringify(stored).length > MAX_STORED_RESPONSE_CHARS) {
    log.warn({ responseId: request.responseId }, 'a Response too large to store was not stored');
    return;
  }
  try {
    await deps.store.put(stored);
  } catch (error: unknown) {
    log.warn({ err: error }, 'a Response could not be stored');
  }
}
