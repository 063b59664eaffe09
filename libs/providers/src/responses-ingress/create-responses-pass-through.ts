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

  const onCreated = (complete: string): void => {
    for (const event of complete.split('\n\n')) {
      if (!CREATED_EVENT.test(event)) continue;
      const parsed = responsesStreamEventSchema.safeParse(
        parseJson(parseSseEvents(event)[0]?.data ?? ''),
      );
      if (parsed.success && parsed.data.response) {
        passThrough.responseId = parsed.data.response.id;
      }
      return;
    }
  };

  const onEnd = (event: string): boolean => {
    const data = parseJson(parseSseEvents(event)[0]?.data ?? '');
    const error = responsesErrorEventSchema.safeParse(data);
    if (error.success) {
      const { message, code, param } = error.data;
      const body = { error: { message, code: code ?? null, param: param ?? null } };
      passThrough.failure = parseOpenAiError(502, JSON.stringify(body), {}, 0);
      return false;
    }
    const parsed = responsesStreamEventSchema.safeParse(data);
    if (parsed.success && parsed.data.response) {
      const response = parsed.data.response;
      passThrough.completed = true;
      passThrough.response = response;
      passThrough.reportedFailure = responsesFailureOf(response);
      const reported = response.usage;
      if (reported) passThrough.usage = convertResponsesUsage(reported);
    }
    return true;
  };
  const forward = (complete: string, sink: ChatStreamSink): void => {
    if (passThrough.responseId === undefined && CREATED_EVENT.test(complete)) onCreated(complete);
    if (!END_EVENT.test(complete)) {
      sink.passThrough(complete);
      return;
    }
    let plain = '';
    for (const event of complete.split('\n\n')) {
      if (event === '' || passThrough.failure) continue;
      if (END_EVENT.test(event) && !onEnd(event)) continue;
      plain += `${event}\n\n`;
    }
    if (plain !== '') sink.passThrough(plain);
  };
  // Plain fields, not getters: V8 allocates an object's own accessor pair in the old generation,
  // where it would keep these closures, and the request they reach, past every young collection.
  const passThrough: PassThroughReport = {
    usage: undefined,
    completed: false,
    failure: undefined,
    reportedFailure: undefined,
    response: undefined,
    responseId: undefined,
    push(chunk, sink) {
      if (passThrough.failure) return;
      const complete = framer.push(chunk);
      if (framer.pendingChars > MAX_PENDING_CHARS) {
        passThrough.failure = new ProviderError(
          'The provider sent an event larger than 8 MiB; is it speaking SSE?',
          { kind: 'malformed_response', status: 200, code: null, retryable: false },
        );
        return;
      }
      if (complete !== '') forward(complete, sink);
    },
    end(sink) {
      if (passThrough.failure) return;
      const rest = framer.end();
      if (rest !== '') forward(rest, sink);
    },
  };
  return passThrough;
}

/** What the pass-through reports, updated as events arrive. */
interface PassThroughReport extends ResponsesPassThrough {
  usage: TokenUsage | undefined;
  completed: boolean;
  failure: ProviderError | undefined;
  reportedFailure: ProviderError | undefined;
  response: ResponsesResponse | undefined;
  responseId: string | undefined;
}
