import { describe, expect, it } from 'vitest';
import { DEFAULT_GOOGLE_MODELS } from './default-google-models.js';

describe('DEFAULT_GOOGLE_MODELS', () => {
  it('prices every Gemini model per token as exact decimals (prompt, cached, completion)', () => {
    expect(
      DEFAULT_GOOGLE_MODELS.map(({ id, kind, contextLength, maxOutputTokens, routes }) => {
        const pricing = routes[0]?.pricing;
        const prices = `${pricing?.prompt} ${pricing?.cachedPrompt} ${pricing?.completion}`;
        return `${id} ${kind} ${contextLength}/${maxOutputTokens}: ${prices}`;
      }),
    ).toEqual([
      'google/gemini-2.5-pro chat 1048576/65536: 0.00000125 0.00000031 0.00001',
      'google/gemini-2.5-flash chat 1048576/65536: 0.0000003 0.000000075 0.0000025',
      'google/gemini-2.5-flash-lite chat 1048576/65536: 0.0000001 0.000000025 0.0000004',
      'google/gemini-embedding-001 embedding 2048/undefined: 0.00000015 undefined 0',
    ]);
  });

  it('routes each model once to provider google under its API name', () => {
    for (const model of DEFAULT_GOOGLE_MODELS) {
      expect(model.routes).toEqual([
        expect.objectContaining({
          provider: 'google',
          upstreamModel: model.id.replace('google/', ''),
          priority: 0,
          free: false,
        }),
      ]);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_GOOGLE_MODELS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_GOOGLE_MODELS[3]?.routes[0]?.pricing)).toBe(true);
  });
});
