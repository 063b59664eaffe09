import { describe, expect, it } from 'vitest';
import { catalogSnapshotV1Schema } from './catalog-snapshot.js';
import { decodeCatalogSnapshot } from './decode-catalog-snapshot.js';

const pricing = {
  prompt: '0.0000025',
  completion: '0.00001',
  cached_prompt: '0.00000125',
  cache_write: null,
  reasoning: null,
  per_request: null,
  per_image: null,
};

const snapshot = {
  version: 1,
  catalog_version: '2026-11-23T12:00:00.000Z-00000001',
  generated_at: '2026-11-23T12:00:00.000Z',
  models: [
    {
      id: 'openai/gpt-4o',
      name: 'GPT-4o',
      kind: 'chat',
      context_length: 128_000,
      max_output_tokens: 16_384,
      modalities: { input: ['text', 'image'], output: ['text'] },
      supported_parameters: ['tools', 'temperature'],
      free: false,
      enabled: true,
      aliases: ['gpt-4o'],
      routes: [
        {
          provider: 'openai',
          upstream_model: 'gpt-4o',
          priority: 0,
          free: false,
          pricing,
          price_version: '2026-11-23T12:00:00.000Z',
        },
      ],
    },
  ],
  providers: [
    { name: 'openai', type: 'openai', base_url: 'https://api.openai.com/v1', enabled: true },
  ],
};

describe('catalogSnapshotV1Schema', () => {
  it('parses a snapshot and drops fields a later v1 adds', () => {
    const parsed = catalogSnapshotV1Schema.parse({ ...snapshot, extra: 'later' });
    expect(parsed).toEqual(snapshot);
  });

  it('refuses float prices, negative prices and a wrong version', () => {
    const withPrice = (prompt: unknown) => ({
      ...snapshot,
      models: [
        {
          ...snapshot.models[0],
          routes: [{ ...snapshot.models[0]?.routes[0], pricing: { ...pricing, prompt } }],
        },
      ],
    });
    expect(catalogSnapshotV1Schema.safeParse(withPrice(0.0000025)).success).toBe(false);
    expect(catalogSnapshotV1Schema.safeParse(withPrice('-1')).success).toBe(false);
    expect(catalogSnapshotV1Schema.safeParse({ ...snapshot, version: 2 }).success).toBe(false);
  });
});

describe('decodeCatalogSnapshot', () => {
  it('parses the KV bytes and refuses garbage', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(snapshot));
    expect(decodeCatalogSnapshot(bytes)).toEqual(snapshot);
    expect(() => decodeCatalogSnapshot(new TextEncoder().encode('{"version":1}'))).toThrow();
    expect(() => decodeCatalogSnapshot(new TextEncoder().encode('not json'))).toThrow(SyntaxError);
  });
});
