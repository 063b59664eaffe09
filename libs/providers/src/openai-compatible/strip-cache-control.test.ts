import { describe, expect, it } from 'vitest';
import { createOpenAiCompatibleAdapter } from './openai-compatible-adapter.js';

const target = { baseUrl: 'http://x/v1', upstreamModel: 'gpt', apiKey: 'k', extraHeaders: {} };
const request = {
  model: 'm',
  messages: [
    {
      role: 'user' as const,
      content: [{ type: 'text' as const, text: 'hi', cache_control: { type: 'ephemeral' } }],
    },
  ],
};

describe('cache_control on content parts', () => {
  it('is stripped with a warning for a server that does not read it', () => {
    const built = createOpenAiCompatibleAdapter('openai').buildChatRequest(request, target);
    expect(JSON.parse(built.body ?? '').messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
    ]);
    expect(built.warnings).toEqual(['cache_control is not supported by openai and was ignored']);
  });

  it('goes to a server that reads it (OpenRouter’s convention)', () => {
    const built = createOpenAiCompatibleAdapter('openrouter', {
      openRouterFields: true,
    }).buildChatRequest(request, target);
    expect(JSON.parse(built.body ?? '').messages).toEqual(request.messages);
    expect(built.warnings).toEqual([]);
  });
});
