import type {
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
  ReportingStreamTransformer,
} from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { createChatChunk } from '../shared/create-chat-chunk.js';
import { createSseParser } from '../shared/create-sse-parser.js';
import type { SseEvent } from '../shared/parse-sse-events.js';
import { convertGoogleStreamEvent, type GoogleStreamState } from './convert-google-stream-event.js';
import { convertGoogleUsage } from './convert-google-usage.js';
import { formatOpenAiUsage } from './format-openai-usage.js';
import { googleResponseId } from './google-response-id.js';
import { readGoogleStreamEvent } from './read-google-stream-event.js';

/**
 * Turns Gemini's `streamGenerateContent?alt=sse` events (each a partial
 * `GenerateContentResponse`) into OpenAI chunks as they complete. Usage is cumulative, so the
 * last `usageMetadata` wins. Gemini sends no `[DONE]`: when the upstream ends after a finish
 * reason, the usage chunk (if asked for, with the annotated fields) and `done` follow and the
 * stream is completed; without one it is not. An `{"error": …}` event or a body that is not
 * JSON ends the stream and sets `failure`.
 */
export function createGoogleStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer {
  const parser = createSseParser();
  let state: GoogleStreamState | undefined;

  const handle = ({ data }: SseEvent, sink: ChatStreamSink): void => {
    if (transformer.failure !== undefined || data.trim() === '') return;
    const event = readGoogleStreamEvent(data);
    if (event instanceof ProviderError) {
      transformer.failure = event;
      return;
    }
    state ??= {
      meta: {
        id: googleResponseId(event.responseId, data),
        created: options.createdAtSeconds,
        model: event.modelVersion || options.upstreamModel,
      },
      candidates: new Map(),
      finished: false,
    };
    if (event.usageMetadata) transformer.usage = convertGoogleUsage(event.usageMetadata);
    for (const chunk of convertGoogleStreamEvent(event, state)) sink.chunk(chunk);
  };

  const finish = (sink: ChatStreamSink): void => {
    const { usage, completed, failure } = transformer;
    if (failure !== undefined || state === undefined || !state.finished || completed) return;
    transformer.completed = true;
    if (options.includeUsage && usage !== undefined) {
      // Merged into the formatted usage (ours): a spread copy gets a hidden class of its own.
      const usageObject = Object.assign(formatOpenAiUsage(usage), options.annotateUsage?.(usage));
      sink.chunk(createChatChunk(state.meta, [], usageObject));
    }
    sink.done();
  };

  // Plain fields, not getters: V8 allocates an object's own accessor pair in the old generation,
  // where it would keep these closures, and the request they reach, past every young collection.
  const transformer: ReportingStreamTransformer = {
    usage: undefined,
    completed: false,
    failure: undefined,
    push(bytes, sink) {
      if (transformer.failure !== undefined) return;
      for (const event of parser.push(bytes)) handle(event, sink);
    },
    end(sink) {
      if (transformer.failure !== undefined) return;
      for (const event of parser.end()) handle(event, sink);
      finish(sink);
    },
  };
  return transformer;
}
