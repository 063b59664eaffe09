import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMessagesStreamAnswer } from './create-messages-stream-answer.js';

const stream = readFileSync(
  new URL(
    '../../../../libs/providers/src/anthropic/__fixtures__/stream-thinking-cached.sse',
    import.meta.url,
  ),
  'utf8',
);

describe('createMessagesStreamAnswer', () => {
  it('assembles a relayed stream into the message the SDK builds, thinking and signature included', () => {
    const answer = createMessagesStreamAnswer(1024 * 1024);
    const bytes = Buffer.from(stream);
    for (let start = 0; start < bytes.length; start += 37)
      answer.push(bytes.subarray(start, start + 37));
    const message = answer.json() as Record<string, unknown>;
    expect(message).toMatchObject({
      id: 'msg_01Wq2ZbN4xY7cLk9Tv3RdP8s',
      type: 'message',
      stop_reason: 'end_turn',
      content: [
        {
          type: 'thinking',
          thinking: '27 * 453 = 10800 + 1431 = 12231.',
          signature: expect.stringMatching(/^EqQB/),
        },
        { type: 'text', text: '27 × 453 = 12,231' },
      ],
      usage: { output_tokens: 84, cache_read_input_tokens: 3072 },
    });
    expect(answer.completionTokens()).toBeGreaterThan(5);
    expect(answer.truncated).toBe(false);
  });

  it('keeps only the beginning of a long stream and extrapolates its tokens', () => {
    const answer = createMessagesStreamAnswer(200);
    const bytes = Buffer.from(stream);
    for (let start = 0; start < bytes.length; start += 100)
      answer.push(bytes.subarray(start, start + 100));
    expect(answer.truncated).toBe(true);
  });
});
