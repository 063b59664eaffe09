import { describe, expect, it } from 'vitest';
import { buildChatChunks } from './build-chat-chunks.js';
import type { FakeChatUsage } from './build-chat-usage.js';

const meta = { id: 'chatcmpl-1', created: 1, model: 'm' };
const usage: FakeChatUsage = {
  prompt_tokens: 9,
  completion_tokens: 2,
  total_tokens: 11,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: {
    reasoning_tokens: 0,
    audio_tokens: 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
  },
};
const reply = { kind: 'text', content: 'Echo: hi', finishReason: 'stop' } as const;

describe('buildChatChunks', () => {
  it('omits usage entirely without include_usage', () => {
    const chunks = buildChatChunks(meta, [reply], usage, {
      includeUsage: false,
      usageInLastChoice: false,
    });
    expect(chunks).toHaveLength(4);
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
  });

  it('puts usage on the finish chunk for usage-in-last-choice', () => {
    const chunks = buildChatChunks(meta, [reply], usage, {
      includeUsage: true,
      usageInLastChoice: true,
    });
    expect(chunks).toHaveLength(4);
    expect(chunks.at(-1)).toMatchObject({
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
      usage,
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('interleaves the choices of n > 1 round-robin', () => {
    const chunks = buildChatChunks(meta, [reply, reply], usage, {
      includeUsage: false,
      usageInLastChoice: false,
    });
    const indices = chunks.map((chunk) => {
      const choices = chunk.choices as { index: number }[];
      return choices[0]?.index;
    });
    expect(indices).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
  });
});
