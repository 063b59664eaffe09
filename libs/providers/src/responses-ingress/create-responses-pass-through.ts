import {
  responsesErrorEventSchema,
  responsesUsageSchema,
  skipJsonSpace,
  type TokenUsage,
} from '@switchyard/contracts';
import { parseOpenAiError } from '../openai-compatible/parse-openai-error.js';
import type { ChatStreamSink, ChatStreamTransformer } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { createSseFramer } from '../shared/create-sse-framer.js';
import { parseJson } from '../shared/parse-json.js';
import { parseSseEvents } from '../shared/parse-sse-events.js';
import { convertResponsesUsage } from './convert-responses-usage.js';
import {
  locateResponseModel,
  readEventResponse,
  responsesEventType,
} from './read-responses-event.js';
import { responsesFailureOf } from './responses-failure-of.js';

/** The events that end a Response: their Response's status, error and usage are read. */
const END_TYPES = new Set(['response.completed', 'response.incomplete', 'response.failed']);
/** The events that carry a whole Response, whose `model` names the served model. */
const RESPONSE_TYPES = new Set([
  'response.created',
  'response.queued',
  'response.in_progress',
  ...END_TYPES,
]);
/** What is read of the Response `response.created` carries. */
const CREATED_MEMBERS = new Set(['id']);
/** What is read of the Response an ending event carries. */
const END_MEMBERS = new Set(['id', 'status', 'error', 'usage']);
/** A partial event this long without a blank line is not SSE: stop buffering it. */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;
/** What `read` answers for an `error` event: the stream stops before it. */
const STOP = false;

/** A native Responses stream relayed byte for byte, with what its events said. */
export interface ResponsesPassThrough extends ChatStreamTransformer {
  /** The Response's id, once `response.created` named it (before that event is handed on). */
  readonly responseId: string | undefined;
}

/**
 * Pass-through for an OpenAI Responses stream: complete events are handed on as they arrive,
 * byte for byte but for `servedModel`. Each event's type is read from the head of its data; of the
 * Response that `response.created` carries only the id is read, and of the one ending the stream
 * (`response.completed`, `.incomplete`, `.failed`) its status, error and usage — located in the
 * text, never parsed whole: OpenAI repeats the request's instructions and tools in every Response
 * it streams (~70 KB each on a coding agent's turn). With `servedModel`, the `model` of each
 * Response an event carries is replaced by it (JSON-encoded), located the same way; nothing else
 * is touched, a `"model"` in an echoed tool schema included. A `response.failed` is handed on as
 * sent and kept as the `reportedFailure`; an `error` event is kept as the failure and not
 * forwarded: the gateway writes its own, credentials redacted.
 */
export function createResponsesPassThrough(
  options: { servedModel?: string } = {},
): ResponsesPassThrough {
  const framer = createSseFramer();
  const servedModel =
    options.servedModel === undefined ? undefined : JSON.stringify(options.servedModel);

  const onCreated = (data: string): void => {
    const response = readEventResponse(data, CREATED_MEMBERS, 'id');
    if (typeof response?.id === 'string') passThrough.responseId = response.id;
  };
  const onEnd = (data: string): void => {
    const response = readEventResponse(data, END_MEMBERS);
    if (typeof response?.id !== 'string') return;
    passThrough.completed = true;
    passThrough.reportedFailure = responsesFailureOf(response);
    const usage = responsesUsageSchema.safeParse(response.usage);
    if (usage.success) passThrough.usage = convertResponsesUsage(usage.data);
  };
  /**
   * Reads one event: undefined to hand it on as it came, the event with the served model named
   * instead, or {@link STOP} for an `error` event, which is kept as the failure.
   */
  const read = (event: string): string | undefined | typeof STOP => {
    const data = parseSseEvents(event)[0]?.data;
    if (data === undefined) return undefined;
    const type = responsesEventType(data);
    if (type === 'error') {
      const error = responsesErrorEventSchema.safeParse(parseJson(data));
      if (!error.success) return undefined;
      const { message, code, param } = error.data;
      const body = { error: { message, code: code ?? null, param: param ?? null } };
      passThrough.failure = parseOpenAiError(502, JSON.stringify(body), {}, 0);
      return STOP;
    }
    if (type === 'response.created' && passThrough.responseId === undefined) onCreated(data);
    else if (type !== undefined && END_TYPES.has(type)) onEnd(data);
    if (servedModel === undefined || type === undefined || !RESPONSE_TYPES.has(type)) return;
    return withModel(event, data, servedModel);
  };
  /**
   * Hands on the complete events, up to an `error` event (not forwarded: nothing follows it): in
   * one piece, but around an event whose served model was named.
   */
  const forward = (complete: string, sink: ChatStreamSink): void => {
    /** Where the text not yet handed on begins. */
    let sent = 0;
    let from = 0;
    while (from < complete.length) {
      const blank = complete.indexOf('\n\n', from);
      const to = blank === -1 ? complete.length : blank;
      const handed = to > from ? read(complete.slice(from, to)) : undefined;
      if (handed === STOP) {
        if (from > sent) sink.passThrough(complete.slice(sent, from));
        return;
      }
      if (handed !== undefined) {
        const next = blank === -1 ? complete.length : blank + 2;
        sink.passThrough(`${complete.slice(sent, from)}${handed}${complete.slice(to, next)}`);
        sent = next;
      }
      from = to + 2;
    }
    if (sent < complete.length) sink.passThrough(sent === 0 ? complete : complete.slice(sent));
  };
  // Plain fields, not getters: V8 allocates an object's own accessor pair in the old generation,
  // where it would keep these closures, and the request they reach, past every young collection.
  const passThrough: PassThroughReport = {
    usage: undefined,
    completed: false,
    failure: undefined,
    reportedFailure: undefined,
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

/**
 * `event` with the `model` of the Response its data carries replaced by `model` (JSON text), or
 * undefined when it names none: located in the event's text when its data is its one and last
 * line, as OpenAI writes events; else located in the data, whose lines take the place of the
 * event's first `data:` line (its other lines kept as they came).
 */
function withModel(event: string, data: string, model: string): string | undefined {
  // One data line (several would be joined by a line end), and the event's last: the data is
  // the event's tail, and `data:` (and a space) begins the line it is on.
  const dataStart = event.length - data.length;
  const lineStart = dataStart - (event.startsWith('data: ', dataStart - 6) ? 6 : 5);
  const oneLine =
    !data.includes('\n') &&
    event.startsWith('data:', lineStart) &&
    (lineStart === 0 || event[lineStart - 1] === '\n');
  if (oneLine) {
    const located = locateResponseModel(event, skipJsonSpace(event, dataStart));
    if (located === undefined) return undefined;
    return `${event.slice(0, located.start)}${model}${event.slice(located.end)}`;
  }
  const located = locateResponseModel(data, skipJsonSpace(data, 0));
  if (located === undefined) return undefined;
  const named = `${data.slice(0, located.start)}${model}${data.slice(located.end)}`;
  const lines: string[] = [];
  let placed = false;
  for (const line of event.split('\n')) {
    if (line !== 'data' && !line.startsWith('data:')) lines.push(line);
    else if (!placed) {
      lines.push(`data: ${named.replaceAll('\n', '\ndata: ')}`);
      placed = true;
    }
  }
  return lines.join('\n');
}

/** What the pass-through reports, updated as events arrive. */
interface PassThroughReport extends ResponsesPassThrough {
  usage: TokenUsage | undefined;
  completed: boolean;
  failure: ProviderError | undefined;
  reportedFailure: ProviderError | undefined;
  responseId: string | undefined;
}
