import { loadConfig } from '@switchyard/config';
import { catalogSnapshotV1Schema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../usage/compute-cost.js';
import { catalogFromSnapshot } from './catalog-from-snapshot.js';
import { createProviders } from './model-catalog.js';

const providers = createProviders(
  loadConfig({ env: { LOG_LEVEL: 'silent', ANTHROPIC_API_KEY: 'sk-ant-test' } }).providers,
  Date.now,
);

/** A published snapshot (as JSON, the way the gateway receives it) with one Claude route. */
function snapshotWith(pricing: Record<string, string | null>) {
  return catalogSnapshotV1Schema.parse(
    JSON.parse(
      JSON.stringify({
        version: 1,
        catalog_version: 'v1',
        generated_at: '2026-01-01T00:00:00.000Z',
        providers: [
          { name: 'anthropic', type: 'anthropic', base_url: 'https://x.invalid', enabled: true },
        ],
        models: [
          {
            id: 'acme/claude',
            name: 'Claude',
            kind: 'chat',
            context_length: 200_000,
            max_output_tokens: 8192,
            modalities: { input: ['text'], output: ['text'] },
            supported_parameters: [],
            free: false,
            enabled: true,
            aliases: [],
            routes: [
              {
                provider: 'anthropic',
                upstream_model: 'claude-sonnet-4-5',
                priority: 0,
                free: false,
                pricing: {
                  prompt: '0.000003',
                  completion: '0.000015',
                  cached_prompt: '0.0000003',
                  cache_write: '0.00000375',
                  reasoning: null,
                  per_request: null,
                  per_image: null,
                  ...pricing,
                },
                price_version: '2026-01-01T00:00:00.000Z',
              },
            ],
          },
        ],
      }),
    ),
  );
}

// 100 plain prompt tokens, 1000 written for 5 minutes, 2000 written for one hour, 10 out.
const usage = {
  promptTokens: 3100,
  completionTokens: 10,
  cachedTokens: 0,
  reasoningTokens: 0,
  cacheWriteTokens: 3000,
  cacheWrite1hTokens: 2000,
};

function costThrough(pricing: Record<string, string | null>): string {
  const { catalog } = catalogFromSnapshot(snapshotWith(pricing), providers);
  const route = catalog.find('acme/claude')?.routes[0];
  if (route === undefined) throw new Error('route missing');
  return computeCost(usage, route.pricing);
}

describe('catalogFromSnapshot pricing', () => {
  it("bills 1-hour cache writes at the snapshot's cache_write_1h", () => {
    // 100 × 3e-6 + 1000 × 3.75e-6 + 2000 × 6e-6 + 10 × 15e-6
    expect(costThrough({ cache_write_1h: '0.000006' })).toBe('0.0162');
  });

  it('bills them at cache_write when the snapshot has none (null, or published before the field)', () => {
    // 100 × 3e-6 + 3000 × 3.75e-6 + 10 × 15e-6
    expect(costThrough({ cache_write_1h: null })).toBe('0.0117');
    expect(costThrough({})).toBe('0.0117');
  });
});
