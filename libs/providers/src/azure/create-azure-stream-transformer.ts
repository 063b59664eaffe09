import { createOpenAiStreamTransformer } from '../openai-compatible/create-openai-stream-transformer.js';
import type {
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
} from '../provider-adapter.js';
import { parseJsonObject } from '../shared/parse-json-object.js';
import { parseSseEvents } from '../shared/parse-sse-events.js';

/**
 * OpenAI's pass-through stream, minus the event Azure opens streams with: the prompt's
 * content-filter verdicts in a chunk with no choices and an empty `object`, which is not a
 * `chat.completion.chunk` and would trip strict clients. Every other event passes byte for byte,
 * a filtered answer's `finish_reason: content_filter` and `content_filter_results` included.
 */
export function createAzureStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer {
  const inner = createOpenAiStreamTransformer(options);
  const withoutPromptFilter = (sink: ChatStreamSink): ChatStreamSink => ({
    chunk: (chunk) => sink.chunk(chunk),
    done: () => sink.done(),
    passThrough(sse) {
      if (!sse.includes('"prompt_filter_results"')) {
        sink.passThrough(sse);
        return;
      }
      const kept = sse
        .split('\n\n')
        .filter((event) => event !== '' && !isPromptFilterEvent(event))
        .map((event) => `${event}\n\n`)
        .join('');
      if (kept !== '') sink.passThrough(kept);
    },
  });
  return {
    push: (chunk, sink) => inner.push(chunk, withoutPromptFilter(sink)),
    end: (sink) => inner.end(withoutPromptFilter(sink)),
    get usage() {
      return inner.usage;
    },
    get completed() {
      return inner.completed;
    },
    get failure() {
      return inner.failure;
    },
  };
}

function isPromptFilterEvent(event: string): boolean {
  const data = parseJsonObject(parseSseEvents(event)[0]?.data ?? '');
  return (
    data !== undefined &&
    data.object !== 'chat.completion.chunk' &&
    Array.isArray(data.choices) &&
    data.choices.length === 0 &&
    'prompt_filter_results' in data
  );
}
