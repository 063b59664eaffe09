import type { TokenUsage } from '@switchyard/contracts';
import type { ChatStreamEncoder, ChatStreamTransformer } from '../provider-adapter.js';
import type { ProviderError } from '../provider-error.js';
import { createOpenAiSseEncoder } from './create-openai-sse-encoder.js';

/** A stream transformer and its egress encoder as one: upstream bytes in, client text out. */
export interface EncodedChatStream {
  /** The next bytes from upstream in; the text to send now out (possibly empty). */
  push(chunk: Uint8Array): string;
  /** Upstream ended; the last text to send. */
  end(): string;
  readonly usage: TokenUsage | undefined;
  readonly completed: boolean;
  readonly failure: ProviderError | undefined;
}

/** `transformer` writing through `encoder` (OpenAI SSE unless another egress is given). */
export function encodeChatStream(
  transformer: ChatStreamTransformer,
  encoder: ChatStreamEncoder = createOpenAiSseEncoder(),
): EncodedChatStream {
  return {
    push(chunk) {
      transformer.push(chunk, encoder);
      return encoder.take();
    },
    end() {
      transformer.end(encoder);
      return encoder.take();
    },
    get usage() {
      return transformer.usage;
    },
    get completed() {
      return transformer.completed;
    },
    get failure() {
      return transformer.failure;
    },
  };
}
