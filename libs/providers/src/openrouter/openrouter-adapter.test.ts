import { describe, expect, it } from 'vitest';
import { createOpenRouterAdapter } from './openrouter-adapter.js';

const target = {
  baseUrl: 'https://openrouter.test/api/v1',
  upstreamModel: 'anthropic/claude-3.5-sonnet',
  apiKey: 'sk-or-1',
  extraHeaders: {},
};

describe('openrouter adapter', () => {
  it('sends attribution headers and the provider preferences, but not the fallback list', () => {
    const built = createOpenRouterAdapter().buildChatRequest(
      {
        model: 'openrouter/claude',
        messages: [{ role: 'user', content: 'hi' }],
        provider: { order: ['anthropic'], allow_fallbacks: false },
        models: ['openrouter/other'],
      },
      target,
    );
    expect(built.headers).toMatchObject({
      'HTTP-Referer': expect.any(String),
      'X-Title': 'Switchyard',
      authorization: 'Bearer sk-or-1',
    });
    expect(JSON.parse(built.body ?? '')).toEqual({
      model: 'anthropic/claude-3.5-sonnet',
      messages: [{ role: 'user', content: 'hi' }],
      provider: { order: ['anthropic'], allow_fallbacks: false },
    });
  });

  it('lets configured headers override the attribution', () => {
    const built = createOpenRouterAdapter().buildChatRequest(
      { model: 'x', messages: [{ role: 'user', content: 'hi' }] },
      { ...target, extraHeaders: { 'X-Title': 'Acme Gateway' } },
    );
    expect(built.headers['X-Title']).toBe('Acme Gateway');
  });
});
