import { describe, expect, it } from 'vitest';
import { buildChatUsage } from './build-chat-usage.js';
import type { FakeChatRequest } from './parse-chat-request.js';

const request: FakeChatRequest = {
  model: 'm',
  messages: [
    { role: 'system', text: 'be brief' },
    { role: 'user', text: 'hello there world' },
  ],
  stream: false,
  includeUsage: false,
  maxTokens: undefined,
  n: 1,
  toolNames: [],
  toolChoice: { kind: 'auto' },
  parallelToolCalls: true,
};
const reply = { kind: 'text', content: 'Echo: hello there world', finishReason: 'stop' } as const;

describe('buildChatUsage', () => {
  it('counts 3 per message plus its words, plus 3, and the reply words', () => {
    const usage = buildChatUsage(request, [reply], { kind: 'normal' });
    expect(usage).toMatchObject({
      prompt_tokens: 3 + 2 + 3 + 3 + 3,
      completion_tokens: 4,
      total_tokens: 18,
    });
    expect(usage.prompt_tokens_details.cached_tokens).toBe(0);
    expect(usage.completion_tokens_details.reasoning_tokens).toBe(0);
  });

  it('counts tool call arguments plus one per call', () => {
    const toolReply = {
      kind: 'tool-calls',
      toolCalls: [
        { id: 'call_1', name: 'a', arguments: '{"input":"two words"}' },
        { id: 'call_2', name: 'b', arguments: '{"input":"two words"}' },
      ],
    } as const;
    expect(buildChatUsage(request, [toolReply], { kind: 'normal' }).completion_tokens).toBe(6);
  });

  it('reports half the prompt as cached and 2 reasoning tokens for the cached scenario', () => {
    const usage = buildChatUsage(request, [reply], { kind: 'cached' });
    expect(usage.prompt_tokens_details.cached_tokens).toBe(7);
    expect(usage.completion_tokens_details.reasoning_tokens).toBe(2);
    expect(usage.completion_tokens).toBe(6);
  });
});
