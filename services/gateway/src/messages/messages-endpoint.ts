import {
  type ChatCompletionRequest,
  type JsonObjectText,
  readJsonObjectText,
} from '@switchyard/contracts';
import {
  type BuiltRequest,
  type ConvertedMessagesRequest,
  convertChatCompletionToMessage,
  convertMessagesRequest,
  createMessagesStreamTranslator,
  isPlainMessagesRequest,
  type MessagesRequest,
  messagesRequestSchema,
  ProviderError,
  type UpstreamTarget,
} from '@switchyard/providers';
import { parseBody } from '@switchyard/service-kit';
import type { FastifyRequest } from 'fastify';
import type { ChatAnswerDeps } from '../chat/chat-completions-endpoint.js';
import { fitChatRequest } from '../chat/fit-chat-request.js';
import { readChatJson } from '../chat/send-chat-json.js';
import { chatEventStream, sendSse } from '../chat/send-chat-stream.js';
import { callerText } from '../pipeline/caller-text.js';
import type { Endpoint, ParsedRequest } from '../pipeline/endpoint.js';
import type { Candidate } from '../routing/plan-candidates.js';
import { forwardedHeaders } from './forwarded-headers.js';
import { measureMessagesPrompt } from './measure-messages-prompt.js';
import { nativeOf } from './native-of.js';
import { sendNativeMessagesJson, sendNativeMessagesStream } from './send-native-messages.js';

/**
 * A Messages request as the pipeline carries it: as sent, and its translation to the canonical
 * chat request, made only when a candidate is translated for (a pass-through never needs it).
 */
export interface ParsedMessages extends ParsedRequest {
  readonly messages: MessagesRequest;
  /** The request translated, and what the translation could not carry; made once, when asked. */
  translation(): ConvertedMessagesRequest;
  /**
   * The body's text as sent (its members located), for a pass-through: every attempt gets the
   * same bytes (Anthropic's prompt cache reads tool inputs as written); the request serialised
   * again when a top-level key is written twice (see `callerText`).
   */
  rawBody(): JsonObjectText;
  /**
   * Lets go of the text once an upstream call answered (no attempt is built after it): a coding
   * agent's ~120 KB turn is not kept for as long as its answer streams. `rawBody` throws after.
   */
  answered(): void;
  readonly headers: FastifyRequest['headers'];
}

/**
 * `/v1/messages` in the pipeline: Anthropic's Messages API as an ingress. A candidate whose
 * provider and model speak it (Anthropic; Claude on Bedrock or Vertex) gets the caller's own body — `model` replaced, `max_tokens`
 * only where Switchyard lowered it — with the caller's `anthropic-version` and `anthropic-beta`,
 * and its answer's bytes go back unchanged. Any other candidate gets the request translated to
 * the canonical chat request, and its answer translated back (a message, or Anthropic's SSE
 * events); what the translation could not carry is named in `x-switchyard-warnings`.
 */
export function messagesEndpoint(deps: ChatAnswerDeps): Endpoint<ParsedMessages> {
  return {
    name: 'messages',
    kind: 'chat',
    parse: (raw, request) => {
      // The common request as it came, unchanged and uncopied; anything else the schema parses.
      const messages = isPlainMessagesRequest(raw) ? raw : parseBody(messagesRequestSchema, raw);
      let translation: ConvertedMessagesRequest | undefined;
      let text = callerText(request);
      let answered = false;
      return {
        messages,
        translation: () => {
          translation ??= convertMessagesRequest(messages);
          return translation;
        },
        route: { model: messages.model },
        requestedModel: messages.model,
        stream: messages.stream === true,
        rawBody: () => {
          // A defect, not a request to serve: bytes serialised again would differ from the caller's.
          if (answered) throw new Error('the Messages request was read after it was answered');
          text ??= readJsonObjectText(JSON.stringify(raw));
          return text;
        },
        answered: () => {
          answered = true;
          text = undefined;
        },
        headers: request.headers,
        // The request log shows the message the client got: a passed-through one is one already.
        present: (answer) =>
          answer.type === 'message'
            ? answer
            : convertChatCompletionToMessage(answer, messages.model),
      };
    },
    fit: (request, planned) => {
      // Fitting reads only `max_tokens` of the request, which a stand-in carries; the prompt is
      // measured on the Messages request itself.
      const standIn: ChatCompletionRequest = {
        model: request.messages.model,
        messages: [],
        max_tokens: request.messages.max_tokens,
      };
      const chat = fitChatRequest(standIn, planned, {
        prompt: measureMessagesPrompt(request.messages),
      });
      return {
        ...chat,
        build: (candidate, target) => {
          const fitted = chat.requestFor(candidate).max_tokens ?? request.messages.max_tokens;
          const native = nativeOf(candidate);
          if (native === undefined) return translated(request, candidate, target, fitted);
          const overrides = fitted !== request.messages.max_tokens ? { max_tokens: fitted } : {};
          return native.buildRequest(
            {
              rawBody: request.rawBody(),
              stream: request.stream,
              overrides,
              headers: forwardedHeaders(request.headers, native.forwardedHeaders),
            },
            target,
          );
        },
      };
    },
    respond: async ({ request, call, admitted, reply }) => {
      request.answered();
      const { cutoff, now } = deps;
      const native = nativeOf(call.candidate);
      if (native !== undefined) {
        const answering = { reply, call, native, outcome: admitted, cutoff, now };
        if (request.stream) sendNativeMessagesStream(answering);
        else await sendNativeMessagesJson(answering);
        return;
      }
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

/**
 * The request translated for `candidate`, `max_tokens` as fitted, with the ingress's warnings
 * first; refused (this candidate only) when nothing is left to send once what could not be
 * carried was dropped — never an empty conversation billed upstream.
 */
function translated(
  request: ParsedMessages,
  candidate: Candidate,
  target: UpstreamTarget,
  maxTokens: number,
): BuiltRequest {
  const { request: chat, warnings } = request.translation();
  if (chat.messages.length === 0) {
    throw ProviderError.invalidRequest(
      `Nothing is left to send: ${warnings.join('; ')}.`,
      'messages',
    );
  }
  const fitted: ChatCompletionRequest = { ...chat };
  fitted.max_tokens = maxTokens;
  const built = candidate.route.provider.adapter.buildChatRequest(fitted, target);
  return { ...built, warnings: [...warnings, ...built.warnings] };
}
