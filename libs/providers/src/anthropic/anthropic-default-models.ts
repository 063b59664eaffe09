import type { DefaultModelTable } from '../default-model-table.js';

/**
 * The current Claude models (`anthropic/<model>`), added when provider `anthropic` exists and the
 * YAML routes no model to it. Prices are USD per million tokens, from Anthropic's list prices: the
 * cached price is a cache read (0.1× input), cache writes cost 1.25× input for the 5-minute TTL
 * and 2× input for the 1-hour one.
 */
export const ANTHROPIC_DEFAULT_MODELS: DefaultModelTable = {
  chat: [
    ['claude-opus-4-1', 'Claude Opus 4.1', 200_000, 32_000, '15.00', '1.50', '75.00'],
    ['claude-sonnet-4-5', 'Claude Sonnet 4.5', 200_000, 64_000, '3.00', '0.30', '15.00'],
    ['claude-haiku-4-5', 'Claude Haiku 4.5', 200_000, 64_000, '1.00', '0.10', '5.00'],
    // biome-ignore format: one row per model
    ['claude-3-5-haiku-latest', 'Claude Haiku 3.5', 200_000, 8192, '0.80', '0.08', '4.00', 'claude-3-5-haiku'],
  ],
  embedding: [],
  cacheWrites: {
    'claude-opus-4-1': ['18.75', '30.00'],
    'claude-sonnet-4-5': ['3.75', '6.00'],
    'claude-haiku-4-5': ['1.25', '2.00'],
    'claude-3-5-haiku-latest': ['1.00', '1.60'],
  },
};
