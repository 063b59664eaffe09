import { openAiUsageSchema } from '@switchyard/contracts';
import type {
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
  ReportingStreamTransformer,
} from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { createSseFramer } from '../shared/create-sse-framer.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJsonObject } from '../shared/parse-json-object.js';
import { parseSseEvents } from '../shared/parse-sse-events.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';
import { parseOpenAiError } from './parse-openai-error.js';

/** An error event some servers send mid-stream: `data: {"error": {...}}`. */
const ERROR_EVENT = /^data:\s*\{\s*"error"\s*:/m;
/**
 * Where an event to read starts or sits: a usage object with content (not `"usage": null`),
 * however the server spaces its JSON, or an error event's line. One pattern, so the text is
 * scanned once (a substring test for `"error"` alone cost more: JSON is full of quotes).
 */
const USAGE_OR_ERROR = /"usage"\s*:\s*\{|^data:\s*\{\s*"error"\s*:/gm;
const DONE = /^data:\s*\[DONE\]\s*$/m;
/** A partial event this long without a blank line is not SSE: stop buffering it. */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;

/**
 * Pass-through for OpenAI-compatible SSE: complete events are handed on as they arrive, byte for
 * byte, and only an event carrying usage is parsed — to record it, to add the caller's extra
 * usage fields, or to drop it when the caller did not ask for usage (Switchyard always asks).
 * A plain substring test keeps every other event off the regular expressions.
 */
export function createOpenAiStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer {
  const framer = createSseFramer();

  /** An upstream error event: kept as the failure, not forwarded (the gateway writes its own). */
  const onErrorEvent = (event: string): void => {
    const error = parseJsonObject(dataOf(event))?.error;
    const code = isPlainObject(error) ? error.code : undefined;
    const status = typeof code === 'number' && code >= 400 ? code : 502;
    transformer.failure = parseOpenAiError(status, JSON.stringify({ error }), {}, 0);
  };

  const onUsageEvent = (event: string, sink: ChatStreamSink): void => {
    const chunk = parseJsonObject(dataOf(event));
    const parsed = openAiUsageSchema.safeParse(chunk?.usage);
    if (chunk === undefined || !parsed.success) {
      sink.passThrough(`${event}\n\n`);
      return;
    }
    const usage = convertOpenAiUsage(parsed.data);
    transformer.usage = usage;
    if (!options.includeUsage) {
      const choices = chunk.choices;
      if (!Array.isArray(choices) || choices.length === 0) return;
      delete chunk.usage;
    } else if (options.annotateUsage) {
      // Merged into the parsed copy, not spread into a new object: on Node 20 an object that
      // begins with a spread and gains keys gets a hidden class of its own every time.
      chunk.usage = Object.assign(parsed.data, options.annotateUsage(usage));
    }
    // Handed on as SSE text like every other event of a pass-through stream (key order kept):
    // a sink that needs typed chunks parses pass-through events itself, and the chat egress
    // writes it as it is, so validating it here against the chunk schema was work for nothing.
    sink.passThrough(`data: ${JSON.stringify(chunk)}\n\n`);
  };

  /**
   * Hands on `complete` (whole events) as it came, except its usage and error events: the text
   * between them goes on in one piece, and only those events are cut out and read. A stream that
   * arrives in one read holds every event in one text, the usage event last: one search finds it,
   * instead of a test and a copy per event.
   */
  const forward = (complete: string, sink: ChatStreamSink): void => {
    if (!transformer.completed && complete.includes('[DONE]') && DONE.test(complete)) {
      transformer.completed = true;
    }
    let from = 0;
    while (from < complete.length && !transformer.failure) {
      const at = matchFrom(USAGE_OR_ERROR, complete, from);
      if (at === complete.length) break;
      const previous = complete.lastIndexOf('\n\n', at - 2);
      const start = previous === -1 ? from : Math.max(from, previous + 2);
      const blank = complete.indexOf('\n\n', at);
      const end = blank === -1 ? complete.length : blank;
      if (start > from) sink.passThrough(complete.slice(from, start));
      const event = complete.slice(start, end);
      if (ERROR_EVENT.test(event)) onErrorEvent(event);
      else onUsageEvent(event, sink);
      from = end + 2;
    }
    if (from < complete.length && !transformer.failure) {
      sink.passThrough(from === 0 ? complete : complete.slice(from));
    }
  };

  // Plain fields, not getters: V8 allocates an object's own accessor pair in the old generation,
  // where it would hold these closures, and the request they reach, past every young collection.
  const transformer: ReportingStreamTransformer = {
    usage: undefined,
    completed: false,
    failure: undefined,
    push(chunk, sink) {
      if (transformer.failure) return;
      const complete = framer.push(chunk);
      if (framer.pendingChars > MAX_PENDING_CHARS) {
        transformer.failure = new ProviderError(
          'The provider sent an event larger than 8 MiB; is it speaking SSE?',
          { kind: 'malformed_response', status: 200, code: null, retryable: false },
        );
        return;
      }
      if (complete !== '') forward(complete, sink);
    },
    end(sink) {
      if (transformer.failure) return;
      const rest = framer.end();
      if (rest !== '') forward(rest, sink);
    },
  };
  return transformer;
}

/** Where `pattern` (global) next matches in `text` from `from`; `text.length` if it does not. */
function matchFrom(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  const found = pattern.exec(text);
  return found === null ? text.length : found.index;
}

/** The data of one SSE event (its `data:` lines joined), '' if it has none. */
function dataOf(event: string): string {
  return parseSseEvents(event)[0]?.data ?? '';
}
