import { DEFAULT_MODELS_BY_PROVIDER, type ModelConfig } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import type { SourceModel } from '../source-model.js';
import { mergeCatalogSources } from './merge-catalog-sources.js';

const pricing = (prompt: string, completion: string) => ({
  prompt,
  completion,
  cached_prompt: null,
  cache_write: null,
  cache_write_1h: null,
  reasoning: null,
  per_request: null,
  per_image: null,
});

function sourceModel(sourceId: string, prompt = '0.000001', completion = '0.000002'): SourceModel {
  const freeVariant = sourceId.endsWith(':free');
  return {
    id: freeVariant ? sourceId.slice(0, -5) : sourceId,
    sourceId,
    name: sourceId,
    kind: 'chat',
    contextLength: 100_000,
    maxOutputTokens: 4096,
    modalities: { input: ['text'], output: ['text'] },
    supportedParameters: ['tools'],
    pricing: freeVariant ? pricing('0', '0') : pricing(prompt, completion),
    freeVariant,
  };
}

const listed = (...names: string[]) =>
  names.map((upstreamModel) => ({ upstreamModel, contextLength: null, maxOutputTokens: null }));

const yamlModel: ModelConfig = {
  id: 'anthropic/claude-3.5-sonnet',
  name: 'Our Sonnet',
  kind: 'chat',
  contextLength: 150_000,
  maxOutputTokens: undefined,
  routes: [
    {
      provider: 'anthropic',
      upstreamModel: 'claude-3-5-sonnet-latest',
      priority: 0,
      free: false,
      pricing: {
        prompt: '0.000009',
        completion: '0.00002',
        cachedPrompt: undefined,
        reasoning: undefined,
      },
    },
  ],
};

describe('mergeCatalogSources', () => {
  const providers = [
    { name: 'openai', type: 'openai' },
    { name: 'anthropic', type: 'anthropic' },
    { name: 'openrouter', type: 'openrouter' },
  ];

  it('routes OpenRouter models to the provider that lists them, through OpenRouter, free variants last', () => {
    const merged = mergeCatalogSources({
      configModels: [],
      providers,
      openRouter: [
        sourceModel('openai/gpt-4o'),
        sourceModel('meta-llama/llama-3.1-8b'),
        sourceModel('meta-llama/llama-3.1-8b:free'),
        sourceModel('mistralai/mistral-small:free'),
      ],
      providerLists: new Map([['openai', listed('gpt-4o')]]),
    });
    const byId = new Map(merged.models.map((model) => [model.id, model]));
    expect(
      byId
        .get('openai/gpt-4o')
        ?.routes.map((route) => [route.provider, route.upstreamModel, route.priority]),
    ).toEqual([
      ['openai', 'gpt-4o', 0],
      ['openrouter', 'openai/gpt-4o', 10],
    ]);
    expect(
      byId
        .get('meta-llama/llama-3.1-8b')
        ?.routes.map((route) => [route.upstreamModel, route.priority]),
    ).toEqual([
      ['meta-llama/llama-3.1-8b', 10],
      ['meta-llama/llama-3.1-8b:free', 20],
    ]);
    expect(byId.get('mistralai/mistral-small')?.routes).toMatchObject([
      { upstreamModel: 'mistralai/mistral-small:free', priority: 10, pricing: { prompt: '0' } },
    ]);
  });

  it('leaves out what no provider can serve, and keeps YAML models exactly as written', () => {
    const merged = mergeCatalogSources({
      configModels: [yamlModel],
      providers: providers.filter((provider) => provider.type !== 'openrouter'),
      openRouter: [
        sourceModel('anthropic/claude-3.5-sonnet', '0.000003', '0.000015'),
        sourceModel('x-ai/grok'),
      ],
      providerLists: new Map([['anthropic', listed('claude-3-5-sonnet-20241022')]]),
    });
    expect(merged.unroutable).toEqual(['x-ai/grok']);
    expect(merged.models).toHaveLength(1);
    expect(merged.models[0]).toMatchObject({
      id: 'anthropic/claude-3.5-sonnet',
      name: 'Our Sonnet',
      contextLength: 150_000,
      supportedParameters: ['tools'],
      routes: [
        {
          provider: 'anthropic',
          upstreamModel: 'claude-3-5-sonnet-latest',
          pricing: { prompt: '0.000009' },
          source: 'config',
        },
      ],
    });
  });

  it("routes a maker's model through the opted-in clouds whose lists serve it, after the maker's own API", () => {
    const hosted = (upstreamModel: string, servedModel: string) => ({
      upstreamModel,
      contextLength: null,
      maxOutputTokens: null,
      servedModel,
    });
    const merged = mergeCatalogSources({
      configModels: [],
      providers: [
        { name: 'anthropic', type: 'anthropic' },
        { name: 'aws', type: 'bedrock', serveListedModels: true },
        { name: 'gcp', type: 'vertex', serveListedModels: true },
        // Lists the same models but did not opt in: a listing is not access.
        { name: 'aws-eu', type: 'bedrock' },
        { name: 'gcp-eu', type: 'vertex', serveListedModels: false },
      ],
      openRouter: [
        sourceModel('anthropic/claude-3.5-sonnet', '0.000003', '0.000015'),
        sourceModel('anthropic/claude-sonnet-4'),
        sourceModel('google/gemini-2.5-pro'),
      ],
      providerLists: new Map([
        ['anthropic', listed('claude-3-5-sonnet-20241022')],
        [
          'aws',
          [
            hosted(
              'anthropic.claude-3-5-sonnet-20240620-v1:0',
              'anthropic/claude-3-5-sonnet-20240620',
            ),
            hosted(
              'anthropic.claude-3-5-sonnet-20241022-v2:0',
              'anthropic/claude-3-5-sonnet-20241022',
            ),
            hosted(
              'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
              'anthropic/claude-3-5-sonnet-20241022',
            ),
            hosted(
              'us.anthropic.claude-sonnet-4-20250514-v1:0',
              'anthropic/claude-sonnet-4-20250514',
            ),
          ],
        ],
        ['gcp', [hosted('gemini-2.5-pro', 'google/gemini-2.5-pro')]],
        [
          'aws-eu',
          [
            hosted(
              'anthropic.claude-3-5-sonnet-20241022-v2:0',
              'anthropic/claude-3-5-sonnet-20241022',
            ),
          ],
        ],
        ['gcp-eu', [hosted('gemini-2.5-pro', 'google/gemini-2.5-pro')]],
      ]),
    });
    const routes = (id: string) =>
      merged.models
        .find((model) => model.id === id)
        ?.routes.map((route) => [route.provider, route.upstreamModel, route.priority]);
    expect(routes('anthropic/claude-3.5-sonnet')).toEqual([
      ['anthropic', 'claude-3-5-sonnet-20241022', 0],
      // The newest version, in-region before the cross-region profile.
      ['aws', 'anthropic.claude-3-5-sonnet-20241022-v2:0', 5],
    ]);
    expect(routes('anthropic/claude-sonnet-4')).toEqual([
      ['aws', 'us.anthropic.claude-sonnet-4-20250514-v1:0', 5],
    ]);
    expect(routes('google/gemini-2.5-pro')).toEqual([['gcp', 'gemini-2.5-pro', 5]]);
    expect(merged.unroutable).toEqual([]);
  });

  it("reprices built-in default models with OpenRouter's current price", () => {
    const gpt4o = DEFAULT_MODELS_BY_PROVIDER.get('openai')?.find(
      (model) => model.id === 'openai/gpt-4o',
    );
    if (gpt4o === undefined) throw new Error('no default gpt-4o');
    const merged = mergeCatalogSources({
      configModels: [gpt4o],
      providers: [{ name: 'openai', type: 'openai' }],
      openRouter: [sourceModel('openai/gpt-4o', '0.000002', '0.000008')],
      providerLists: new Map(),
    });
    expect(merged.models[0]?.routes[0]).toMatchObject({
      provider: 'openai',
      upstreamModel: 'gpt-4o',
      pricing: { prompt: '0.000002', completion: '0.000008' },
      source: 'openrouter',
    });
  });

  it("keeps a default Claude model's 1-hour cache-write rate while OpenRouter's input price agrees", () => {
    const sonnet = DEFAULT_MODELS_BY_PROVIDER.get('anthropic')?.find(
      (model) => model.id === 'anthropic/claude-sonnet-4-5',
    );
    if (sonnet === undefined) throw new Error('no default claude-sonnet-4-5');
    const merge = (prompt: string) =>
      mergeCatalogSources({
        configModels: [sonnet],
        providers: [{ name: 'anthropic', type: 'anthropic' }],
        openRouter: [
          {
            ...sourceModel('anthropic/claude-sonnet-4-5', prompt, '0.000015'),
            pricing: { ...pricing(prompt, '0.000015'), cache_write: '0.00000375' },
          },
        ],
        providerLists: new Map(),
      }).models[0]?.routes[0]?.pricing;
    expect(merge('0.000003')).toMatchObject({
      prompt: '0.000003',
      cache_write: '0.00000375',
      cache_write_1h: '0.000006',
    });
    // OpenRouter's price moved: the default's 1-hour rate no longer matches, so it is dropped.
    expect(merge('0.000004')).toMatchObject({ prompt: '0.000004', cache_write_1h: null });
  });
});
