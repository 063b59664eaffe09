import {
  convertChatCompletionToMessage,
  convertMessagesRequest,
  createMessagesStreamTranslator,
  type MessagesRequest,
  messagesRequestSchema,
} from '@switchyard/providers';
import { apiErrors, parseBody } from '@switchyard/service-kit';
import type { ChatAnswerDeps, ParsedChat } from '../chat/chat-completions-endpoint.js';
import { fitChatRequest } from '../chat/fit-chat-request.js';
import { readChatJson } from '../chat/send-chat-json.js';
import { chatEventStream, sendSse } from '../chat/send-chat-stream.js';
import type { Endpoint } from '../pipeline/endpoint.js';

/** A Messages request as the pipeline carries it: translated to the canonical chat request. */
export interface ParsedMessages extends ParsedChat {
  readonly messages: MessagesRequest;
}

/**
 * `/v1/messages` in the pipeline: Anthropic's Messages API as an ingress. The request is
 * translated to the canonical chat request and routed like any other (any provider can answer);
 * the answer is translated back — a message, or Anthropic's SSE events. What the translation
 * could not carry is named in `x-switchyard-warnings`.
 */
export function messagesEndpoint(deps: ChatAnswerDeps): Endpoint<ParsedMessages> {
  return {
    name: 'messages',
    kind: 'chat',
    parse: (raw) => {
      const messages = parseBody(messagesRequestSchema, raw);
      const converted = convertMessagesRequest(messages);
      const body = converted.request;
      if (body.messages.length === 0) {
        // Never send an empty conversation upstream (and bill it) for what could not be carried.
        throw apiErrors.invalidRequest(
          `Nothing is left to send: ${converted.warnings.join('; ')}.`,
          'messages',
        );
      }
      return {
        messages,
        body,
        route: body,
        requestedModel: messages.model,
        stream: body.stream === true,
        warnings: converted.warnings,
        present: (completion) => convertChatCompletionToMessage(completion, messages.model),
      };
    },
    fit: (request, planned) => fitChatRequest(request.body, planned),
    respond: async ({ request, call, admitted, reply }) => {
      const { cutoff, now } = deps;
      const model = request.messages.model;
      if (request.stream) {
        const translator = createMessagesStreamTranslator({
          requestedModel: model,
          messageId: `msg_${reply.request.id.replace(/-/g, '')}`,
        });
        sendSse(
          reply,
          chatEventStream({
            call,
            outcome: admitted,
            includeUsage: true,
            cutoff,
            now,
            encoder: translator,
          }),
        );
        return;
      }
      const completion = await readChatJson({ call, outcome: admitted, now });
      reply.send(convertChatCompletionToMessage(completion, model));
    },
  };
}
