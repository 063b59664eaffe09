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
  return new TransformerWithEncoder(transformer, encoder);
}

/**
 * A class for its getters: they live on the prototype. An object literal's own getters would
 * each get an accessor pair, which V8 allocates in the old generation, where it would keep the
 * stream and the request it reaches alive past every young collection.
 */
class TransformerWithEncoder implements EncodedChatStream {
  constructor(
    private readonly transformer: ChatStreamTransformer,
    private readonly encoder: ChatStreamEncoder,
  ) {}

  push(chunk: Uint8Array): string {
    this.transformer.push(chunk, this.encoder);
    return this.encoder.take();
  }

  end(): string {
    this.transformer.end(this.encoder);
    return this.encoder.take();
  }

  get usage(): TokenUsage | undefined {
    return this.transformer.usage;
  }

  get completed(): boolean {
    return this.transformer.completed;
  }

  get failure(): ProviderError | undefined {
    return this.transformer.failure;
  }
}
