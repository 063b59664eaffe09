import { fakeOpenRouterModel } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { normalizeOpenRouterModel } from './normalize-openrouter-model.js';

describe('normalizeOpenRouterModel', () => {
  it('normalises an entry: canonical decimals, zero extras dropped, max output from top_provider', () => {
    const result = normalizeOpenRouterModel(
      fakeOpenRouterModel('anthropic/claude-3.5-sonnet', {
        name: 'Anthropic: Claude 3.5 Sonnet',
        pricing: { prompt: '0.000003', completion: '0.000015', input_cache_read: '0.00000030' },
      }),
    );
    expect(result).toEqual({
      ok: true,
      model: {
        id: 'anthropic/claude-3.5-sonnet',
        sourceId: 'anthropic/claude-3.5-sonnet',
        name: 'Anthropic: Claude 3.5 Sonnet',
        kind: 'chat',
        contextLength: 128_000,
        maxOutputTokens: 16_384,
        modalities: { input: ['text', 'image'], output: ['text'] },
        supportedParameters: [
          'max_tokens',
          'temperature',
          'tools',
          'tool_choice',
          'response_format',
        ],
        pricing: {
          prompt: '0.000003',
          completion: '0.000015',
          cached_prompt: '0.0000003',
          cache_write: null,
          cache_write_1h: null,
          reasoning: null,
          per_request: null,
          per_image: null,
        },
        freeVariant: false,
      },
    });
  });

  it('maps a :free id to its base model as a free variant', () => {
    const result = normalizeOpenRouterModel(
      fakeOpenRouterModel('meta-llama/llama-3.1-8b-instruct:free'),
    );
    expect(result.ok && result.model).toMatchObject({
      id: 'meta-llama/llama-3.1-8b-instruct',
      sourceId: 'meta-llama/llama-3.1-8b-instruct:free',
      freeVariant: true,
      pricing: { prompt: '0', completion: '0' },
    });
  });

  it.each([
    [{ pricing: { prompt: '-1' } }, 'pricing.prompt -1 is negative'],
    [{ pricing: { completion: '2.5' } }, 'pricing.completion 2.5 is absurd (over $1)'],
    [{ pricing: { prompt: 'free' } }, 'pricing.prompt free is not a decimal'],
    [{ context_length: 0 }, 'context_length 0 is outside 1..10000000'],
    [{ context_length: 50_000_000 }, 'context_length 50000000 is outside 1..10000000'],
    [{ name: '' }, 'name is missing'],
  ])('rejects %j with a reason', (overrides, reason) => {
    const result = normalizeOpenRouterModel(fakeOpenRouterModel('openai/gpt-4o', overrides));
    expect(result).toEqual({ ok: false, id: 'openai/gpt-4o', reason });
  });

  it('rejects entries without an id or pricing', () => {
    expect(normalizeOpenRouterModel({ name: 'x' })).toMatchObject({
      ok: false,
      reason: 'id is missing or not provider/model',
    });
    const { pricing: _pricing, ...unpriced } = fakeOpenRouterModel('openai/gpt-4o');
    expect(normalizeOpenRouterModel(unpriced)).toMatchObject({
      ok: false,
      reason: 'pricing.prompt is missing',
    });
    expect(normalizeOpenRouterModel('garbage')).toMatchObject({ ok: false });
  });
});
