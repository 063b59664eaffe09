import {
  type ChatCompletionRequest,
  chatCompletionRequestSchema,
  isPlainChatRequest,
  type JsonObjectText,
} from '@switchyard/contracts';
import { readReasoningRequest } from '@switchyard/providers';
import { parseBody } from '@switchyard/service-kit';
import { callerText, takeOnce } from '../pipeline/caller-text.js';
import type { Endpoint, ParsedRequest } from '../pipeline/endpoint.js';
import type { ShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import { fitChatRequest } from './fit-chat-request.js';
import { sendChatJson } from './send-chat-json.js';
import { sendChatStream } from './send-chat-stream.js';

/** A chat request as the pipeline carries it. */
export interface ParsedChat extends ParsedRequest {
  readonly body: ChatCompletionRequest;
  /**
   * The text `body` is the parse of, when the schema changed nothing: what the first upstream
   * request built may forward (`fitChatRequest`'s `source`); undefined after.
   */
  readonly takeSource: () => JsonObjectText | undefined;
}

/** What answering a chat request needs: the shutdown's cut for streams, and the clock. */
export interface ChatAnswerDeps {
  cutoff: ShutdownCutoff;
  now: () => number;
}

/** `/v1/chat/completions` in the pipeline: the canonical request, streamed or not. */
export function chatCompletionsEndpoint(deps: ChatAnswerDeps): Endpoint<ParsedChat> {
  return {
    name: 'chat.completions',
    kind: 'chat',
    parse: (raw, request) => {
      // The common request as it came, unchanged and uncopied (its text may be forwarded as it
      // is); anything else the schema parses.
      const plain = isPlainChatRequest(raw);
      const body = plain ? raw : parseBody(chatCompletionRequestSchema, raw);
      const text = callerText(request);
      return {
        body,
        takeSource: takeOnce(plain ? text : undefined),
        route: body,
        requestedModel: body.model,
        stream: body.stream === true,
      };
    },
    fit: (request, planned) =>
      fitChatRequest(request.body, planned, { source: request.takeSource }),
    respond: async ({ request, call, admitted, reply }) => {
      const { body } = request;
      const excludeReasoning = readReasoningRequest(body)?.exclude === true;
      if (body.stream === true) {
        const includeUsage = body.stream_options?.include_usage === true;
        const { cutoff, now } = deps;
        sendChatStream({
          reply,
          call,
          outcome: admitted,
          includeUsage,
          cutoff,
          now,
          excludeReasoning,
        });
        return;
      }
      await sendChatJson({ reply, call, outcome: admitted, now: deps.now, excludeReasoning });
    },
  };
}
