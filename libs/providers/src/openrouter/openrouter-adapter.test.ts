import { describe, expect, it } from 'vitest';
import { encodeChatStream } from '../shared/encode-chat-stream.js';
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

  it('reads the cost OpenRouter reports, adding the provider cost of a BYOK request', () => {
    const adapter = createOpenRouterAdapter();
    const context = { createdAtSeconds: 1, upstreamModel: target.upstreamModel };
    const usage = { prompt_tokens: 194, completion_tokens: 2, total_tokens: 196 };
    const parse = (extra: Record<string, unknown>) =>
      adapter.parseChatResponse(
        { id: 'gen-1', object: 'chat.completion', choices: [], usage: { ...usage, ...extra } },
        context,
      ).usage;
    expect(parse({ cost: 0.000123 })).toMatchObject({ promptTokens: 194, costUsd: '0.000123' });
    expect(parse({ cost: 1.5e-7 })?.costUsd).toBe('0.00000015');
    expect(
      parse({ cost: 0.0001, is_byok: true, cost_details: { upstream_inference_cost: 0.0019 } })
        ?.costUsd,
    ).toBe('0.002');
    expect(
      parse({ cost: 0.0001, cost_details: { upstream_inference_cost: 0.0019 } })?.costUsd,
    ).toBe('0.0001');
    expect(parse({})?.costUsd).toBeUndefined();
    expect(parse({ cost: -1 })?.costUsd).toBeUndefined();
    // Whatever a provider sends, the cost fits the ledger (usage event v1's money pattern).
    expect(parse({ cost: 0.0000030000000000000005 })?.costUsd).toBe('0.000003000000000001');
    expect(parse({ cost: 1e12 })?.costUsd).toBeUndefined();
    expect(
      parse({ cost: 999_999_999_999, is_byok: true, cost_details: { upstream_inference_cost: 1 } })
        ?.costUsd,
    ).toBeUndefined();
  });

  it('reads the reported cost from the last event of a stream', () => {
    const transformer = encodeChatStream(
      createOpenRouterAdapter().createChatStreamTransformer({
        createdAtSeconds: 1,
        upstreamModel: target.upstreamModel,
        includeUsage: true,
      }),
    );
    const events = [
      { choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: 'stop' }] },
      { choices: [], usage: { prompt_tokens: 5, completion_tokens: 1, cost: 0.00042 } },
    ];
    transformer.push(
      new TextEncoder().encode(
        `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('')}data: [DONE]\n\n`,
      ),
    );
    expect(transformer.usage).toMatchObject({
      promptTokens: 5,
      completionTokens: 1,
      costUsd: '0.00042',
    });
  });
});
