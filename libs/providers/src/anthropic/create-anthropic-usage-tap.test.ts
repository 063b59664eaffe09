import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnthropicUsageTap } from './create-anthropic-usage-tap.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

/** Feeds `text` in pieces of `size` bytes, as a network would split it. */
function tapOf(text: string, size: number) {
  const tap = createAnthropicUsageTap();
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length; start += size)
    tap.push(bytes.subarray(start, start + size));
  tap.end();
  return tap;
}

describe('createAnthropicUsageTap', () => {
  it('reads usage with cache reads and writes from message_start and message_delta, split anywhere', () => {
    for (const size of [1, 7, 64, 100_000]) {
      const tap = tapOf(fixture('stream-thinking-cached.sse'), size);
      expect(tap.completed).toBe(true);
      expect(tap.failure).toBeUndefined();
      expect(tap.usage).toEqual({
        promptTokens: 37 + 512 + 3072,
        completionTokens: 84,
        cachedTokens: 3072,
        reasoningTokens: 0,
        cacheWriteTokens: 512,
        cacheWrite1hTokens: 0,
      });
    }
  });

  it('tells 1-hour cache writes apart', () => {
    const usage = {
      input_tokens: 10,
      output_tokens: 1,
      cache_creation_input_tokens: 300,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
    };
    const text = [
      `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_1', usage } })}\n\n`,
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ].join('');
    expect(tapOf(text, 5).usage).toMatchObject({
      promptTokens: 310,
      completionTokens: 9,
      cacheWriteTokens: 300,
      cacheWrite1hTokens: 200,
    });
  });

  it('keeps an error event as the failure, and a stream without message_stop incomplete', () => {
    const failed = tapOf(fixture('stream-overloaded-error.sse'), 13);
    expect(failed.failure?.kind).toBe('overloaded');
    const cut = tapOf(fixture('stream-text.sse').split('event: message_stop')[0] ?? '', 50);
    expect(cut.completed).toBe(false);
    expect(cut.failure).toBeUndefined();
    expect(cut.usage?.promptTokens).toBe(19);
  });

  it('parses no content event: a malformed delta passes unread', () => {
    const text =
      'event: content_block_delta\ndata: {not json\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n';
    const tap = tapOf(text, 3);
    expect(tap.failure).toBeUndefined();
    expect(tap.completed).toBe(true);
  });
});
