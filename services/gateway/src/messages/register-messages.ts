import {
  convertChatCompletionToMessage,
  convertMessagesRequest,
  createMessagesStreamTranslator,
  messagesRequestSchema,
} from '@switchyard/providers';
import { apiErrors, asApiError, parseBody } from '@switchyard/service-kit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeChat } from '../chat/route-chat.js';
import { readChatJson } from '../chat/send-chat-json.js';
import { chatEventStream, sendSse } from '../chat/send-chat-stream.js';
import type { GatewayDeps } from '../gateway-deps.js';
import { trackOutcome } from '../usage/track-outcome.js';
import { messagesErrorFormat } from './messages-error-format.js';

/**
 * `POST /v1/messages`: Anthropic's Messages API as an ingress. The request is translated to the
 * canonical chat request, routed like any other (any provider can answer), and the answer is
 * translated back — a message, or Anthropic's SSE events. Errors use Anthropic's error body.
 */
export function registerMessages(
  app: FastifyInstance,
  deps: GatewayDeps,
  bodyLimitBytes: number,
): void {
  const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    messagesErrorFormat.send(reply, asApiError(error, bodyLimitBytes, request.log));
  app.post('/v1/messages', { errorHandler }, async (request, reply) => {
    const principal = await deps.authenticate(request.headers);
    const outcome = trackOutcome(deps, request, reply, { principal, endpoint: 'messages' });
    try {
      const messages = parseBody(messagesRequestSchema, request.body);
      const converted = convertMessagesRequest(messages);
      if (converted.request.messages.length === 0) {
        // Never send an empty conversation upstream (and bill it) for what could not be carried.
        throw apiErrors.invalidRequest(
          `Nothing is left to send: ${converted.warnings.join('; ')}.`,
          'messages',
        );
      }
      outcome.describe(messages.model, converted.request.stream === true);
      outcome.presentAnswer((completion) =>
        convertChatCompletionToMessage(completion, messages.model),
      );
      const call = await routeChat(
        deps,
        request,
        reply,
        converted.request,
        principal,
        outcome,
        converted.warnings,
      );
      if (converted.request.stream === true) {
        const translator = createMessagesStreamTranslator({
          requestedModel: messages.model,
          messageId: `msg_${request.id.replace(/-/g, '')}`,
        });
        return sendSse(
          reply,
          chatEventStream({
            call,
            outcome,
            includeUsage: true,
            cutoff: deps.shutdownCutoff,
            now: deps.now,
            encoder: translator,
          }),
        );
      }
      const completion = await readChatJson({ call, outcome, now: deps.now });
      return reply.send(convertChatCompletionToMessage(completion, messages.model));
    } catch (error: unknown) {
      outcome.fail(error, false);
      throw error;
    }
  });
}
