import type { ChatStreamEncoder } from '../provider-adapter.js';

/**
 * The OpenAI Chat Completions egress: `data: {chunk}` events, pass-through text as it came,
 * `data: [DONE]`, and an error as a final `data: {"error": …}` event — what OpenAI's SDKs raise
 * as an APIError.
 */
export function createOpenAiSseEncoder(): ChatStreamEncoder {
  let out = '';
  return {
    chunk(chunk) {
      out += `data: ${JSON.stringify(chunk)}\n\n`;
    },
    passThrough(sse) {
      out += sse;
    },
    done() {
      out += 'data: [DONE]\n\n';
    },
    take() {
      const text = out;
      out = '';
      return text;
    },
    error: (error) => `data: ${JSON.stringify({ error })}\n\n`,
    end: () => '',
  };
}
