import { describe, expect, it } from 'vitest';
import { DEFAULT_ANTHROPIC_MODELS } from './default-anthropic-models.js';

describe('DEFAULT_ANTHROPIC_MODELS', () => {
  it('prices every Claude model per token as exact decimals (prompt, cached, completion)', () => {
    expect(
      DEFAULT_ANTHROPIC_MODELS.map(({ id, contextLength, maxOutputTokens, routes }) => {
        const pricing = routes[0]?.pricing;
        const prices = `${pricing?.prompt} ${pricing?.cachedPrompt} ${pricing?.completion}`;
        return `${id} ${contextLength}/${maxOutputTokens}: ${prices}`;
      }),
    ).toEqual([
      'anthropic/claude-opus-4-1 200000/32000: 0.000015 0.0000015 0.000075',
      'anthropic/claude-sonnet-4-5 200000/64000: 0.000003 0.0000003 0.000015',
      'anthropic/claude-haiku-4-5 200000/64000: 0.000001 0.0000001 0.000005',
      'anthropic/claude-3-5-haiku 200000/8192: 0.0000008 0.00000008 0.000004',
    ]);
  });

  it('routes each model once to provider anthropic under its API name', () => {
    expect(DEFAULT_ANTHROPIC_MODELS.map((model) => model.routes[0]?.upstreamModel)).toEqual([
      'claude-opus-4-1',
      'claude-sonnet-4-5',
      'claude-haiku-4-5',
      'claude-3-5-haiku-latest',
    ]);
    for (const model of DEFAULT_ANTHROPIC_MODELS) {
      expect(model).toMatchObject({ kind: 'chat', name: expect.stringMatching(/^Claude /) });
      expect(model.routes).toMatchObject([
        { provider: 'anthropic', priority: 0, free: false, pricing: { reasoning: undefined } },
      ]);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_ANTHROPIC_MODELS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ANTHROPIC_MODELS[0]?.routes[0]?.pricing)).toBe(true);
  });
});
