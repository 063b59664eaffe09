import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENAI_MODELS } from './default-openai-models.js';

function find(id: string) {
  const model = DEFAULT_OPENAI_MODELS.find((candidate) => candidate.id === id);
  if (model === undefined) throw new Error(`${id} missing`);
  return model;
}

describe('DEFAULT_OPENAI_MODELS', () => {
  it('prices gpt-4o per token as exact decimals', () => {
    const model = find('openai/gpt-4o');
    expect(model).toMatchObject({ kind: 'chat', contextLength: 128_000, maxOutputTokens: 16_384 });
    expect(model.routes).toEqual([
      {
        provider: 'openai',
        upstreamModel: 'gpt-4o',
        priority: 0,
        pricing: {
          prompt: '0.0000025',
          completion: '0.00001',
          cachedPrompt: '0.00000125',
          reasoning: undefined,
        },
        free: false,
      },
    ]);
  });

  it('includes the small models and embeddings', () => {
    expect(find('openai/gpt-5-nano').routes[0]?.pricing).toMatchObject({
      prompt: '0.00000005',
      cachedPrompt: '0.000000005',
      completion: '0.0000004',
    });
    expect(find('openai/o4-mini').routes[0]?.pricing.cachedPrompt).toBe('0.000000275');
    expect(find('openai/text-embedding-3-small')).toMatchObject({
      kind: 'embedding',
      contextLength: 8191,
      maxOutputTokens: undefined,
      routes: [{ pricing: { prompt: '0.00000002', completion: '0' } }],
    });
    expect(find('openai/text-embedding-3-large').routes[0]?.pricing.prompt).toBe('0.00000013');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_OPENAI_MODELS)).toBe(true);
    expect(Object.isFrozen(find('openai/o3').routes[0]?.pricing)).toBe(true);
  });
});
