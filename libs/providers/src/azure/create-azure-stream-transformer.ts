import type { TokenUsage } from '@switchyard/contracts';
import { createOpenAiStreamTransformer } from '../openai-compatible/create-openai-stream-transformer.js';
import type {
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
} from '../provider-adapter.js';
import type { ProviderError } from '../provider-error.js';
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
  return new FilteredStreamTransformer(inner, withoutPromptFilter);
}

/**
 * A class for its forwarding getters, which live on the prototype: an object literal's own
 * accessor pair is allocated in V8's old generation, where it would keep the stream alive.
 */
class FilteredStreamTransformer implements ChatStreamTransformer {
  constructor(
    private readonly inner: ChatStreamTransformer,
    private readonly filter: (sink: ChatStreamSink) => ChatStreamSink,
  ) {}

  push(chunk: Uint8Array, sink: ChatStreamSink): void {
    this.inner.push(chunk, this.filter(sink));
  }

  end(sink: ChatStreamSink): void {
    this.inner.end(this.filter(sink));
  }

  get usage(): TokenUsage | undefined {
    return this.inner.usage;
  }

  get completed(): boolean {
    return this.inner.completed;
  }

  get failure(): ProviderError | undefined {
    return this.inner.failure;
  }
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
