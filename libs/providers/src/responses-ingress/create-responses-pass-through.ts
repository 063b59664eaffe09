import {
  type ResponsesResponse,
  responsesErrorEventSchema,
  responsesStreamEventSchema,
  type TokenUsage,
} from '@switchyard/contracts';
import { parseOpenAiError } from '../openai-compatible/parse-openai-error.js';
import type { ChatStreamSink, ChatStreamTransformer } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { createSseFramer } from '../shared/create-sse-framer.js';
import { parseJson } from '../shared/parse-json.js';
import { parseSseEvents } from '../shared/parse-sse-events.js';
import { convertResponsesUsage } from './convert-responses-usage.js';
import { responsesFailureOf } from './responses-failure-of.js';

/** The events that end a Response; only these, errors and the first event are parsed. */
const END_EVENT = /"type"\s*:\s*"(response\.(?:completed|incomplete|failed)|error)"/;
/** The first event, naming the Response's id. */
const CREATED_EVENT = /"type"\s*:\s*"response\.created"/;
/** A partial event this long without a blank line is not SSE: stop buffering it. */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;

/** A native Responses stream relayed byte for byte, with what its last event said. */
export interface ResponsesPassThrough extends ChatStreamTransformer {
  /** The Response its `response.completed` (or `.incomplete`, `.failed`) event carried. */
  readonly response: ResponsesResponse | undefined;
  /** The Response's id, once `response.created` named it (before that event is handed on). */
  readonly responseId: string | undefined;
}

/**
 * Pass-through for an OpenAI Responses stream: complete events are handed on as they arrive,
 * byte for byte; only the first event (for the Response's id) and the event ending the
 * Response are parsed, for its usage. A `response.failed` is handed on as sent and kept as the
 * `reportedFailure`; an `error` event is kept as the failure and not forwarded: the gateway
 * writes its own, credentials redacted.
 */
export function createResponsesPassThrough(): ResponsesPassThrough {
  const framer = createSseFramer();
  let usage: TokenUsage | undefined;
  let response: ResponsesResponse | undefined;
  let completed = false;
  let failure: ProviderError | undefined;
  let reportedFailure: ProviderError | undefined;
  let responseId: string | undefined;

  const onCreated = (complete: string): void => {
    for (const event of complete.split('\n\n')) {
      if (!CREATED_EVENT.test(event)) continue;
      const parsed = responsesStreamEventSchema.safeParse(
        parseJson(parseSseEvents(event)[0]?.data ?? ''),
      );
      if (parsed.success && parsed.data.response) responseId = parsed.data.response.id;
      return;
    }
  };

  const onEnd = (event: string): boolean => {
    const data = parseJson(parseSseEvents(event)[0]?.data ?? '');
    const error = responsesErrorEventSchema.safeParse(data);
    if (error.success) {
      const { message, code, param } = error.data;
      const body = { error: { message, code: code ?? null, param: param ?? null } };
      failure = parseOpenAiError(502, JSON.stringify(body), {}, 0);
      return false;
    }
    const parsed = responsesStreamEventSchema.safeParse(data);
    if (parsed.success && parsed.data.response) {
      completed = true;
      response = parsed.data.response;
      reportedFailure = responsesFailureOf(response);
      const reported = response.usage;
      if (reported) usage = convertResponsesUsage(reported);
    }
    return true;
  };
  const forward = (complete: string, sink: ChatStreamSink): void => {
    if (responseId === undefined && CREATED_EVENT.test(complete)) onCreated(complete);
    if (!END_EVENT.test(complete)) {
      sink.passThrough(complete);
      return;
    }
    let plain = '';
    for (const event of complete.split('\n\n')) {
      if (event === '' || failure) continue;
      if (END_EVENT.test(event) && !onEnd(event)) continue;
      plain += `${event}\n\n`;
    }
    if (plain !== '') sink.passThrough(plain);
  };
  return {
    push(chunk, sink) {
      if (failure) return;
      const complete = framer.push(chunk);
      if (framer.pendingChars > MAX_PENDING_CHARS) {
        failure = new ProviderError(
          'The provider sent an event larger than 8 MiB; is it speaking SSE?',
          { kind: 'malformed_response', status: 200, code: null, retryable: false },
        );
        return;
      }
      if (complete !== '') forward(complete, sink);
    },
    end(sink) {
      if (failure) return;
      const rest = framer.end();
      if (rest !== '') forward(rest, sink);
    },
    get usage() {
      return usage;
    },
    get completed() {
      return completed;
    },
    get failure() {
      return failure;
    },
    get response() {
      return response;
    },
    get responseId() {
      return responseId;
    },
    get reportedFailure() {
      return reportedFailure;
    },
  };
}
