import type { DefaultModelTable } from '../default-model-table.js';

/**
 * Models on Amazon Bedrock (`bedrock/<model id>`), added when a provider `bedrock` exists and the
 * YAML routes no model to it. The ids are cross-region inference profiles (`global.` for Claude,
 * whose geographic profiles cost more; `us.` for the others), which accounts call without
 * provisioning; prices are Bedrock's on-demand list prices in USD per million tokens (the cached
 * price is a cache read; Claude's cache writes cost 1.25× input for 5 minutes, 2× for 1 hour).
 */
export const BEDROCK_DEFAULT_MODELS: DefaultModelTable = {
  chat: [
    // biome-ignore format: one row per model
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'Claude Sonnet 4.5 (Bedrock)', 200_000, 64_000, '3.00', '0.30', '15.00'],
    // biome-ignore format: one row per model
    ['global.anthropic.claude-haiku-4-5-20251001-v1:0', 'Claude Haiku 4.5 (Bedrock)', 200_000, 64_000, '1.00', '0.10', '5.00'],
    // biome-ignore format: one row per model
    ['us.amazon.nova-pro-v1:0', 'Amazon Nova Pro', 300_000, 5_000, '0.80', '0.20', '3.20'],
    // biome-ignore format: one row per model
    ['us.amazon.nova-lite-v1:0', 'Amazon Nova Lite', 300_000, 5_000, '0.06', '0.015', '0.24'],
    // biome-ignore format: one row per model
    ['us.meta.llama3-3-70b-instruct-v1:0', 'Llama 3.3 70B Instruct (Bedrock)', 128_000, 8_192, '0.72', '0.72', '0.72'],
  ],
  embedding: [['amazon.titan-embed-text-v2:0', 8192, '0.02']],
  cacheWrites: {
    'global.anthropic.claude-sonnet-4-5-20250929-v1:0': ['3.75', '6.00'],
    'global.anthropic.claude-haiku-4-5-20251001-v1:0': ['1.25', '2.00'],
  },
};
