import { describe, expect, it } from 'vitest';
import { encodeChatStream } from '../shared/encode-chat-stream.js';
import { createBedrockStreamTransformer } from './create-bedrock-stream-transformer.js';
import {
  bedrockStreamFixture,
  encodeBedrockEvents,
  encodeBedrockException,
} from './encode-bedrock-events.test-helpers.js';

const OPTIONS = { createdAtSeconds: 1_750_000_000, upstreamModel: 'm', includeUsage: true };

function run(bytes: Uint8Array) {
  const transformer = encodeChatStream(createBedrockStreamTransformer(OPTIONS));
  const out = transformer.push(bytes) + transformer.end();
  return { out, transformer };
}

describe('createBedrockStreamTransformer', () => {
  it('sends cache reads and writes in the usage chunk', () => {
    const { out, transformer } = run(
      encodeBedrockEvents([
        { type: 'messageStart', payload: { role: 'assistant' } },
        { type: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text: 'Hi' } } },
        { type: 'messageStop', payload: { stopReason: 'max_tokens' } },
        {
          type: 'metadata',
          payload: {
            usage: {
              inputTokens: 5,
              outputTokens: 1,
              cacheReadInputTokens: 100,
              cacheWriteInputTokens: 20,
            },
          },
        },
      ]),
    );
    expect(out).toContain('"finish_reason":"length"');
    expect(out).toContain('"cached_tokens":100');
    expect(out).toContain('"cache_write_tokens":20');
    expect(out.trimEnd().endsWith('data: [DONE]')).toBe(true);
    // Writes kept apart, so they are priced at the cache-write rate, not as plain input.
    expect(transformer.usage).toEqual({
      promptTokens: 125,
      completionTokens: 1,
      cachedTokens: 100,
      reasoningTokens: 0,
      cacheWriteTokens: 20,
      cacheWrite1hTokens: 0,
    });
  });

  it('keeps an exception frame as a typed failure and stops there', () => {
    const text = bedrockStreamFixture('stream-text.events.json');
    const head = encodeBedrockEvents([
      { type: 'messageStart', payload: { role: 'assistant' } },
      { type: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text: 'Hel' } } },
    ]);
    const exception = encodeBedrockException('throttlingException', 'Too many requests');
    const { out, transformer } = run(Buffer.concat([head, exception, text]));
    expect(out).toContain('Hel');
    expect(out).not.toContain('[DONE]');
    expect(transformer.completed).toBe(false);
    expect(transformer.failure).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      code: 'ThrottlingException',
      status: 429,
    });
  });

  it('refuses a frame whose checksum does not match', () => {
    const bytes = bedrockStreamFixture('stream-text.events.json');
    const corrupted = Uint8Array.from(bytes);
    corrupted[20] = (corrupted[20] ?? 0) ^ 0xff;
    const { transformer } = run(corrupted);
    expect(transformer.failure?.kind).toBe('malformed_response');
    expect(transformer.completed).toBe(false);
  });

  it('reports a stream cut inside a frame as malformed, not complete', () => {
    const bytes = bedrockStreamFixture('stream-text.events.json');
    const { transformer } = run(bytes.subarray(0, bytes.length - 5));
    expect(transformer.completed).toBe(false);
    expect(transformer.failure?.kind).toBe('malformed_response');
  });
});
