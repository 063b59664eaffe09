import { convertChatCompletionToResponse, type ResponsesContext } from '@switchyard/providers';
import { callerText } from '../pipeline/caller-text.js';
import type { Endpoint } from '../pipeline/endpoint.js';
import { fitResponsesRequest, isNative } from './fit-responses-request.js';
import { parseResponsesRequest } from './parse-responses-request.js';
import type { ParsedResponses } from './parsed-responses.js';
import type { ResponsesAnswerDeps } from './responses-answer-deps.js';
import { sendNativeResponses } from './send-native-responses.js';
import { sendTranslatedResponses } from './send-translated-responses.js';

/**
 * `/v1/responses` in the pipeline: OpenAI's Responses API. A route whose provider serves it
 * (OpenAI) is sent the caller's body and its answer passes through; any other is sent the
 * request translated to chat, and its answer is translated back — a Response or the typed
 * Responses events — and stored (unless `store: false`) for `previous_response_id`.
 */
export function responsesEndpoint(deps: ResponsesAnswerDeps): Endpoint<ParsedResponses> {
  return {
    name: 'responses',
    kind: 'chat',
    parse: async (raw, request, principal) => {
      const parsed = await parseResponsesRequest(raw, callerText(request), principal, deps.store);
      const context: ResponsesContext = {
        id: parsed.responseId,
        createdAt: Math.floor(deps.now() / 1000),
        model: parsed.body.model,
        request: parsed.body,
      };
      // Added to the parsed request, not spread into a copy: see `createRouter` on spreads.
      return Object.assign(parsed, {
        // The request log keeps what the client got: a native Response as it is.
        present: (answer: Record<string, unknown>) =>
          answer.object === 'response' ? answer : convertChatCompletionToResponse(answer, context),
      });
    },
    fit: fitResponsesRequest,
    respond: async (answering) => {
      if (isNative(answering.call.candidate)) {
        await sendNativeResponses(answering, deps);
        return;
      }
      await sendTranslatedResponses(answering, deps);
    },
  };
}
