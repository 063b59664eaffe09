import type { ChatStreamEncoder, ChatStreamSink } from '@switchyard/providers';

/** An encoder that also hands every chunk and pass-through event to `tap`, in order. */
export function teeChatStream(encoder: ChatStreamEncoder, tap: ChatStreamSink): ChatStreamEncoder {
  return {
    chunk(chunk) {
      tap.chunk(chunk);
      encoder.chunk(chunk);
    },
    passThrough(sse) {
      tap.passThrough(sse);
      encoder.passThrough(sse);
    },
    done() {
      tap.done();
      encoder.done();
    },
    take: () => encoder.take(),
    error: (error) => encoder.error(error),
    end: () => encoder.end(),
  };
}
