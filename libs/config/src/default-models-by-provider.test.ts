import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS_BY_PROVIDER } from './default-models-by-provider.js';

const DEFAULT_OPENAI_MODELS = DEFAULT_MODELS_BY_PROVIDER.get('openai') ?? [];
const DEFAULT_ANTHROPIC_MODELS = DEFAULT_MODELS_BY_PROVIDER.get('anthropic') ?? [];
const DEFAULT_GOOGLE_MODELS = DEFAULT_MODELS_BY_PROVIDER.get('google') ?? [];

function find(id: string) {
  const model = DEFAULT_OPENAI_MODELS.find((candidate) => candidate.id === id);
  if (model === undefined) throw new Error(`${id} missing`);
  return model;
}

describe('DEFAULT_MODELS_BY_PROVIDER: openai', () => {
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

describe('DEFAULT_MODELS_BY_PROVIDER: anthropic', () => {
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

describe('DEFAULT_MODELS_BY_PROVIDER: google', () => {
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
describe('DEFAULT_MODELS_BY_PROVIDER: vertex', () => {
  it("names versioned Claude models without their version and routes to Vertex's id", () => {
    const models = DEFAULT_MODELS_BY_PROVIDER.get('vertex') ?? [];
    const sonnet = models.find((model) => model.id === 'vertex/claude-sonnet-4-5');
    expect(sonnet?.routes[0]).toMatchObject({
      provider: 'vertex',
      upstreamModel: 'claude-sonnet-4-5@20250929',
      pricing: { prompt: '0.000003', completion: '0.000015', cachedPrompt: '0.0000003' },
    });
    const embed = models.find((model) => model.id === 'vertex/gemini-embedding-001');
    expect(embed).toMatchObject({ kind: 'embedding' });
  });
});

describe('DEFAULT_MODELS_BY_PROVIDER', () => {
  it('has no models for providers without a price list', () => {
    expect([...DEFAULT_MODELS_BY_PROVIDER.keys()]).toEqual([
      'openai',
      'anthropic',
      'google',
      'bedrock',
      'vertex',
    ]);
  });
});

/** An exact decimal string as an integer count of 10^-24 USD, so ratios compare exactly. */
function exact(value: string | undefined): bigint {
  const match = /^(\d+)(?:\.(\d{1,24}))?$/.exec(value ?? '');
  if (match === null) throw new Error(`not a decimal: ${value}`);
  return BigInt(`${match[1]}${(match[2] ?? '').padEnd(24, '0')}`);
}

describe('DEFAULT_MODELS_BY_PROVIDER: Claude cache prices', () => {
  const claude = [...DEFAULT_MODELS_BY_PROVIDER.values()]
    .flat()
    .filter((model) => model.routes.some((route) => /claude/.test(route.upstreamModel)));

  it('covers the Claude models of anthropic, bedrock and vertex', () => {
    const providers = new Set(claude.map((model) => model.routes[0]?.provider));
    expect([...providers].sort()).toEqual(['anthropic', 'bedrock', 'vertex']);
    expect(claude).toHaveLength(9);
  });

  it('prices reads at 0.1×, 5-minute writes at 1.25× and 1-hour writes at 2× input, for every Claude default', () => {
    for (const model of claude) {
      for (const { pricing } of model.routes) {
        const input = exact(pricing.prompt);
        expect(input, model.id).toBeGreaterThan(0n);
        expect(exact(pricing.cachedPrompt) * 10n, `${model.id} cache read`).toBe(input);
        expect(exact(pricing.cacheWrite) * 4n, `${model.id} 5-minute write`).toBe(input * 5n);
        expect(exact(pricing.cacheWrite1h), `${model.id} 1-hour write`).toBe(input * 2n);
      }
    }
  });

  it('gives cache-write prices to no other model', () => {
    const others = [...DEFAULT_MODELS_BY_PROVIDER.values()]
      .flat()
      .filter((model) => !claude.includes(model));
    for (const model of others) {
      expect(model.routes[0]?.pricing.cacheWrite, model.id).toBeUndefined();
      expect(model.routes[0]?.pricing.cacheWrite1h, model.id).toBeUndefined();
    }
  });

  it('prices Sonnet 4.5 writes as Anthropic lists them', () => {
    const sonnet = claude.find((model) => model.id === 'anthropic/claude-sonnet-4-5');
    expect(sonnet?.routes[0]?.pricing).toMatchObject({
      prompt: '0.000003',
      cachedPrompt: '0.0000003',
      cacheWrite: '0.00000375',
      cacheWrite1h: '0.000006',
    });
  });
});
